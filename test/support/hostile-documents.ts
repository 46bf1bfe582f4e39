/** Hostile documents, made by the tests that use them: a Word zip bomb, PDFs of many pages, a huge text, noise. */
import { randomBytes } from 'node:crypto'
import { Document, Packer, Paragraph } from 'docx'
import JSZip from 'jszip'
import PDFDocument from 'pdfkit'

const PARAGRAPH = '<w:p><w:r><w:t>Victim services.</w:t></w:r></w:p>'

/** A small, valid Word document whose main part is then replaced by `paragraphs` repeated paragraphs. */
export async function wordZipBomb(paragraphs: number): Promise<Buffer> {
  const base = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Decision notice')] }] }))
  const zip = await JSZip.loadAsync(base)
  const body = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${PARAGRAPH.repeat(paragraphs)}</w:body></w:document>`
  zip.file('word/document.xml', body)
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } })
}

/** A Word document whose main part is not well-formed XML. */
export async function wordWithBrokenXml(): Promise<Buffer> {
  const base = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Decision notice')] }] }))
  const zip = await JSZip.loadAsync(base)
  zip.file(
    'word/document.xml',
    '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Unclosed</w:body>',
  )
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

/** A PDF of `pages` pages, each with `linesPerPage` repetitions of a sentence in small type. */
export function manyPagePdf(pages: number, linesPerPage = 1): Promise<Buffer> {
  const sentence =
    'The commissioner considered the report on victim services across the county and agreed the approach. '
  const doc = new PDFDocument({ autoFirstPage: false, compress: true })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  for (let page = 1; page <= pages; page++) {
    doc.addPage()
    doc.fontSize(7).text(`Page ${page}. ${sentence.repeat(linesPerPage)}`)
  }
  doc.end()
  return done
}

/** Plain text of `characters` characters: prose, so reading it is all the work there is. */
export function hugeText(characters: number): Buffer {
  const paragraph =
    'The commissioner considered the report on victim services across the county and agreed the approach set out.\n\n'
  return Buffer.from(paragraph.repeat(Math.ceil(characters / paragraph.length)).slice(0, characters), 'utf8')
}

export function noise(bytes: number): Buffer {
  return randomBytes(bytes)
}
