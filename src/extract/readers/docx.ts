/** Word (.docx) to text through mammoth's HTML conversion, which keeps table rows (its raw text does not). */
import mammoth from 'mammoth'
import { htmlToText } from './html.ts'

export async function docxToText(bytes: Uint8Array): Promise<string> {
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })
  return htmlToText(result.value)
}
