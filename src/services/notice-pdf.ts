import PDFDocument from 'pdfkit'
import type { Notice } from './notice.ts'

/** The notice as a text-searchable PDF (standard fonts, real text, not an image). */
export function renderNoticePdf(notice: Notice): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `${notice.reference} ${notice.title}`, Author: notice.officeName } })
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.font('Helvetica-Bold').fontSize(14).text(notice.officeName)
    doc.font('Helvetica').fontSize(12).text('Notice of Decision').moveDown()
    doc.font('Helvetica-Bold').fontSize(13).text(`Title: ${notice.title}`).moveDown(0.5)
    for (const block of notice.blocks) {
      if (block.type === 'heading') doc.moveDown(0.5).font('Helvetica-Bold').fontSize(11).text(block.text.toUpperCase())
      else if (block.type === 'paragraph') doc.font('Helvetica').fontSize(10).text(block.text).moveDown(0.3)
      else if (block.type === 'fields') for (const [label, value] of block.rows) doc.font('Helvetica-Bold').fontSize(10).text(`${label}: `, { continued: true }).font('Helvetica').text(value)
      else doc.font('Helvetica').fontSize(10).text(`${block.role}: ${block.name}. ${block.outcome} on ${block.date}.`)
    }
    doc.end()
  })
}
