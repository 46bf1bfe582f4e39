/**
 * Word (.docx) to text through mammoth's HTML conversion, which keeps table rows (its raw text does not). Each
 * paragraph becomes one line, with no blank line between paragraphs: the text reads as the document was typed.
 */
import mammoth from 'mammoth'
import { ReadRefusal } from '../errors.ts'
import type { ReadLimits } from '../limits.ts'
import { checkWordArchive } from './docx-archive.ts'
import { htmlToText } from './html.ts'

export async function docxToText(
  bytes: Uint8Array,
  limits: Pick<ReadLimits, 'maxExpandedBytes' | 'maxCompressionRatio'>,
): Promise<string> {
  await checkWordArchive(bytes, limits)
  let html: string
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { ignoreEmptyParagraphs: false })).value
  } catch (error) {
    throw new ReadRefusal('corrupt', wordProblem(error as Error), (error as Error).message)
  }
  return htmlToText(html, { paragraphs: 'word' })
}

/** What is wrong with the document, in the reader's terms rather than the XML parser's. */
function wordProblem(error: Error): string {
  const message = error.message ?? ''
  if (/main document part/i.test(message))
    return 'the Word document is damaged: it has no main text part (word/document.xml)'
  if (/crc32|corrupted zip|end of data|invalid (?:stored|distance|code|block)|unexpected end/i.test(message))
    return 'the Word document is damaged: part of its ZIP archive is cut short or corrupt'
  return 'the Word document is damaged: its text is not well-formed Word XML, so it cannot be read. Open it in Word and save it again, or save it as PDF'
}
