import { formatUkDate } from '../../domain/uk-date.ts'
import { renderTextPdf } from '../shared/text-pdf.ts'
import { ICO_CONTACT, type FoiLetter } from './letter.ts'

/** The FOI response letter as a text-searchable A4 PDF, in the notice's embedded Noto fonts. */
export function renderFoiLetterPdf(letter: FoiLetter): Promise<Buffer> {
  return renderTextPdf(
    { title: `Response to FOI request ${letter.reference}`, author: letter.officeName },
    (write, doc) => {
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
    },
  )
}
