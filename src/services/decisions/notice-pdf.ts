import type { Notice } from './notice.ts'
import { renderTextPdf } from '../shared/text-pdf.ts'

/** The notice as a text-searchable PDF (embedded Noto fonts, so accented Latin, CJK and emoji print; real text, not an image). */
export function renderNoticePdf(notice: Notice): Promise<Buffer> {
  return renderTextPdf({ title: `${notice.reference} ${notice.title}`, author: notice.officeName }, (write, doc) => {
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
  })
}
