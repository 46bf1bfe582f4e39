import PDFDocument from 'pdfkit'
import type { Notice } from './notice.ts'
import { fontRuns, noticeFonts } from '../shared/pdf-fonts.ts'

/** Bidirectional controls would reorder the printed text; a PDF has no isolation to contain them, so they are left out. */
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** The notice as a text-searchable PDF (embedded Noto fonts, so accented Latin, CJK and emoji print; real text, not an image). */
export function renderNoticePdf(notice: Notice): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: `${notice.reference} ${notice.title}`.replace(BIDI_CONTROLS, ''), Author: notice.officeName },
    })
    for (const [name, data] of Object.entries(noticeFonts())) doc.registerFont(name, data)
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    /** Writes text in as many font runs as its scripts need; `continued` keeps the line open for what follows. */
    const write = (text: string, options: { bold?: boolean; size: number; continued?: boolean }) => {
      const runs = fontRuns(text.replace(BIDI_CONTROLS, ''), options.bold ?? false)
      if (!runs.length) runs.push({ font: options.bold ? 'bold' : 'regular', text: '' })
      runs.forEach((run, i) =>
        doc
          .font(run.font)
          .fontSize(options.size)
          .text(run.text, { continued: i < runs.length - 1 || (options.continued ?? false) }),
      )
      return doc
    }
    write(notice.officeName, { bold: true, size: 14 })
    write('Notice of Decision', { size: 12 }).moveDown()
    write(`Title: ${notice.title}`, { bold: true, size: 13 }).moveDown(0.5)
    for (const block of notice.blocks) {
      if (block.type === 'heading') {
        doc.moveDown(0.5)
        write(block.text.toUpperCase(), { bold: true, size: 11 })
      } else if (block.type === 'paragraph') write(block.text, { size: 10 }).moveDown(0.3)
      else if (block.type === 'fields')
        for (const [label, value] of block.rows) {
          write(`${label}: `, { bold: true, size: 10, continued: true })
          write(value, { size: 10 })
        }
      else write(`${block.role}: ${block.name}. ${block.outcome} on ${block.date}.`, { size: 10 })
    }
    doc.end()
  })
}
