import PDFDocument from 'pdfkit'
import { formatUkDate } from '../../domain/uk-date.ts'
import { fontRuns, noticeFonts } from '../shared/pdf-fonts.ts'
import { ICO_CONTACT, type FoiLetter } from './letter.ts'

const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** The FOI response letter as a text-searchable A4 PDF, in the notice's embedded Noto fonts. */
export function renderFoiLetterPdf(letter: FoiLetter): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: {
        Title: `Response to FOI request ${letter.reference}`.replace(BIDI_CONTROLS, ''),
        Author: letter.officeName,
      },
    })
    for (const [name, data] of Object.entries(noticeFonts())) doc.registerFont(name, data)
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    const write = (text: string, options: { bold?: boolean; size?: number; continued?: boolean } = {}) => {
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
    if (letter.draft) write('DRAFT: not every question is answered yet', { bold: true, size: 12 }).moveDown(0.5)
    write(letter.officeName, { bold: true, size: 14 })
    write(letter.officeContact).moveDown()
    write(`Our reference: ${letter.reference}`)
    write(formatUkDate(letter.date)).moveDown()
    write(letter.salutation).moveDown(0.5)
    write(`Freedom of Information request ${letter.reference}`, { bold: true, size: 12 }).moveDown(0.5)
    for (const p of letter.opening) write(p).moveDown(0.5)
    if (letter.outcome) write(letter.outcome).moveDown(0.5)
    for (const q of letter.questions) {
      write(`Question ${q.number}`, { bold: true, size: 11 })
      write(q.question).moveDown(0.3)
      write('Our answer', { bold: true })
      write(q.answer)
      if (q.exemption) write(`Exemption: ${q.exemption}`)
      if (q.link) write(`Where to find it: ${q.link}`)
      doc.moveDown(0.5)
    }
    if (letter.exemptions.length) {
      write('Exemptions we have relied on', { bold: true, size: 11 })
      for (const e of letter.exemptions) write(`• ${e.label}`)
      doc.moveDown(0.5)
    }
    write('Your right to ask for a review', { bold: true, size: 11 })
    for (const p of letter.review) write(p).moveDown(0.3)
    write('Your right to complain to the Information Commissioner', { bold: true, size: 11 })
    for (const p of letter.ico) write(p).moveDown(0.3)
    for (const line of ICO_CONTACT) write(line)
    doc.moveDown()
    for (const line of letter.signOff) write(line)
    doc.end()
  })
}
