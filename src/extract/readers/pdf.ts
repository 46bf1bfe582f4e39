/**
 * PDF to text through unpdf's bundled pdf.js. pdf.js joins table cells with single spaces, so lines are
 * rebuilt from item positions (pdf-layout.ts). A PDF with no text layer is a scan, read by OCR.
 */
import { getDocumentProxy } from 'unpdf'
import { ReadRefusal } from '../errors.ts'
import { overLimit, type ReadLimits } from '../limits.ts'
import { ocrPdf } from './ocr.ts'
import { layoutPage, type Item } from './pdf-layout.ts'

/** pdf.js's own words stay in the logs (`detail`); the reason says what is wrong with the document. */
export interface PdfReading {
  text: string
  /** Present when the PDF had no text layer and its page images were read by OCR. */
  ocr?: { pages: number; confidence: number }
}

export async function pdfToText(
  bytes: Uint8Array,
  limits: Pick<ReadLimits, 'maxPages' | 'maxTextCharacters' | 'maxScannedPages'>,
  onOcrPage?: (pageNumber: number) => void,
): Promise<PdfReading> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false, stopAtErrors: false })
  } catch (error) {
    const name = (error as { name?: string }).name ?? ''
    if (name === 'PasswordException') throw new ReadRefusal('encrypted', 'the PDF is password-protected')
    throw new ReadRefusal(
      'corrupt',
      'the PDF is damaged or not a PDF: its structure cannot be read',
      `${name}: ${(error as Error).message}`,
    )
  }
  try {
    if (pdf.numPages > limits.maxPages)
      throw new ReadRefusal('over_limit', overLimit.pages(pdf.numPages, limits.maxPages))
    const pages: string[] = []
    let characters = 0
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number)
      const content = await page.getTextContent()
      const items: Item[] = []
      for (const raw of content.items) {
        if (!('str' in raw) || !raw.str.trim()) continue
        const [a, b, , d, x, y] = raw.transform as number[]
        const size = Math.hypot(a ?? 0, b ?? 0) || Math.abs(d ?? 0) || 10
        items.push({ text: raw.str, x: x ?? 0, end: (x ?? 0) + raw.width, y: y ?? 0, size })
      }
      const text = layoutPage(items)
      page.cleanup()
      characters += text.length + 2
      if (characters > limits.maxTextCharacters)
        throw new ReadRefusal('over_limit', overLimit.text(characters, limits.maxTextCharacters, number < pdf.numPages))
      pages.push(text)
    }
    const text = pages.join('\n\n')
    if (text.trim()) return { text }
    const scan = await ocrPdf(pdf, limits.maxScannedPages, onOcrPage)
    if (!scan?.text.trim())
      throw new ReadRefusal('no_text', 'the PDF has no text layer, and no text could be read from its page images')
    return { text: scan.text, ocr: { pages: scan.pages, confidence: scan.confidence } }
  } catch (error) {
    if (error instanceof ReadRefusal) throw error
    throw new ReadRefusal(
      'corrupt',
      'the PDF is damaged: the text of its pages could not be read',
      (error as Error).message,
    )
  } finally {
    await pdf.destroy()
  }
}
