/** Hostile documents, made by the tests that use them: a Word zip bomb, PDFs of many pages, a huge text, noise. */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
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

const UPLOADER = `
export const [url, cookie, csrf, ...paths] = process.argv.slice(1)
export const { readFileSync } = await import('node:fs')
export const statuses = await Promise.all(paths.map(async (path) => {
  const form = new FormData()
  form.append('_csrf', csrf)
  form.append('document', new Blob([readFileSync(path)]), path.split('/').pop())
  return (await fetch(url, { method: 'POST', body: form, headers: { cookie }, redirect: 'manual' })).status
}))
process.stdout.write(JSON.stringify(statuses))
`

/** Posts each file to the upload page at once, from a child process; resolves with the statuses in order. */
export function uploadFromAnotherProcess(
  url: string,
  credentials: { cookie: string; csrf: string },
  paths: string[],
): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [
      '--input-type=module',
      '-e',
      UPLOADER,
      url,
      credentials.cookie,
      credentials.csrf,
      ...paths,
    ])
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.on('error', reject)
    child.on('close', () =>
      out ? resolve(JSON.parse(out) as number[]) : reject(new Error('the uploader printed nothing')),
    )
  })
}

export type Hostile = { name: string; type: string; bytes: () => Promise<Buffer> | Buffer; reason: RegExp }

export const HOSTILE: Hostile[] = [
  {
    name: 'bomb.docx',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    bytes: () => wordZipBomb(3_000_000),
    reason: /the Word document expands to 1\d\d\.\d MB; the register reads at most 100\.0 MB/,
  },
  {
    name: 'pages.pdf',
    type: 'application/pdf',
    bytes: () => manyPagePdf(2_000),
    reason: /the PDF has 2,000 pages; the register reads at most 500/,
  },
  {
    name: 'huge.txt',
    type: 'text/plain',
    bytes: () => hugeText(25_000_000),
    reason: /the document has 25,000,000 characters of text; the register reads at most 5,000,000/,
  },
  {
    name: 'noise.txt',
    type: 'text/plain',
    bytes: () => noise(64 * 1024),
    reason: /not a text document: it holds binary data/,
  },
  {
    name: 'ls.pdf',
    type: 'application/pdf',
    bytes: () => readFileSync('/bin/ls'),
    reason: /the PDF is damaged or not a PDF \(it does not start with %PDF\)/,
  },
  {
    name: 'broken.docx',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    bytes: () => wordWithBrokenXml(),
    reason: /the Word document is damaged: its text is not well-formed Word XML/,
  },
  {
    name: 'broken.pdf',
    type: 'application/pdf',
    bytes: () => Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage\nxref\n0 1\nzzzz\n%%EOF'),
    reason: /the PDF is damaged/,
  },
]
