import PDFDocument from 'pdfkit'
import { fontRuns, noticeFonts } from './pdf-fonts.ts'

/** Bidirectional controls would reorder the printed text; a PDF has no isolation to contain them, so they are left out. */
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** Writes text in as many font runs as its scripts need (10 point unless told); `continued` keeps the line open for what follows. */
export type WriteText = (
  text: string,
  options?: { bold?: boolean; size?: number; continued?: boolean },
) => PDFKit.PDFDocument

/**
 * A text-searchable A4 PDF in the embedded Noto fonts (so accented Latin, CJK and emoji print as real text, not
 * an image): `draw` writes its content.
 */
export function renderTextPdf(
  info: { title: string; author: string },
  draw: (write: WriteText, doc: PDFKit.PDFDocument) => void,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: info.title.replace(BIDI_CONTROLS, ''), Author: info.author },
    })
    for (const [name, data] of Object.entries(noticeFonts())) doc.registerFont(name, data)
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    const write: WriteText = (text, options = {}) => {
      const runs = fontRuns(text.replace(BIDI_CONTROLS, ''), options.bold ?? false)
      if (!runs.length) runs.push({ font: options.bold ? 'bold' : 'regular', text: '' })
      runs.forEach((run, i) =>
        doc
          .font(run.font)
          .fontSize(options.size ?? 10)
          .text(run.text, { continued: i < runs.length - 1 || (options.continued ?? false) }),
      )
      return doc
    }
    draw(write, doc)
    doc.end()
  })
}
