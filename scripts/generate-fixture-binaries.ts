/**
 * Generates the PDF and Word fixtures from text fixtures: `npx tsx scripts/generate-fixture-binaries.ts`.
 * Table rows (tab-separated lines) are drawn cell by cell at fixed x positions in the PDF, and as real
 * tables in Word, so that the readers must rebuild the columns. Lines such as "- OFFICIAL -" that the
 * source repeats become page headers and footers on every PDF page.
 *
 * With --write-expected it also writes <name>.expected.json beside every fixture from what the extractor
 * reads now: only for a new fixture, and only after checking every value by hand against the document.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import PDFDocument from 'pdfkit'
import { extractFile } from '../src/extract/index.ts'

const root = path.resolve(import.meta.dirname, '..')
const sources = path.join(root, 'fixtures/documents')
const target = path.join(sources, 'generated')

const PDFS: Array<{ source: string; furniture?: string }> = [
  { source: 'a03-borsetshire-stalking-budget.txt' },
  { source: 'f01-lincolnshire-small-grants.txt' },
  { source: 'g02-devon-cornwall-split-row.txt' },
  { source: 'c01-hampshire-request-for-decision.txt', furniture: '- OFFICIAL -' },
]
const DOCXS = [
  'b01-essex-joint-da-report.txt',
  'e01-wiltshire-decision-log.txt',
  'g01-west-yorkshire-years-by-provider.txt',
  'd02-dorset-foi-contracts.txt',
]

function plain(line: string): string {
  return line
    .replace(/<[^>]+>/g, '')
    .replace(/\*\*/g, '')
    .replace(/^#+\s*/, '')
    .replace(/~~[^~]*~~/g, '')
}

/** Blocks of consecutive lines: a table (lines with tabs, and a label-only line inside it) or a single line. */
function blocks(lines: string[]): Array<{ table: string[][] } | { line: string }> {
  const out: Array<{ table: string[][] } | { line: string }> = []
  let table: string[][] | null = null
  for (let i = 0; i < lines.length; i++) {
    const line = plain(lines[i]!)
    const isRow = line.includes('\t') || (table !== null && line.trim() !== '' && (lines[i + 1] ?? '').includes('\t'))
    if (isRow) {
      table ??= []
      table.push(line.split('\t').map((cell) => cell.trim()))
      continue
    }
    if (table) out.push({ table })
    table = null
    out.push({ line })
  }
  if (table) out.push({ table })
  return out
}

/** A PDF of the text: a line holding only a form feed starts a new page. */
export async function renderPdf(
  text: string,
  options: { furniture?: string; password?: string } = {},
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: 'Fixture', CreationDate: new Date(Date.UTC(2024, 0, 1)) },
    ...(options.password ? { userPassword: options.password, ownerPassword: `${options.password}-owner` } : {}),
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  const left = 56
  const width = doc.page.width - 112
  const bottom = doc.page.height - 80
  doc.font('Helvetica').fontSize(10)
  const lines = text.split('\n').filter((line) => line.trim() !== options.furniture)
  let y = 70
  const furniture = (): void => {
    if (!options.furniture) return
    doc.fontSize(9).text(options.furniture, left, 36, { width, align: 'center', lineBreak: false })
    doc.text(options.furniture, left, doc.page.height - 50, { width, align: 'center', lineBreak: false })
    doc.fontSize(10)
  }
  const ensure = (height: number): void => {
    if (y + height <= bottom) return
    doc.addPage()
    furniture()
    y = 70
  }
  furniture()
  for (const block of blocks(lines)) {
    if ('line' in block) {
      if (block.line === '\f') {
        doc.addPage()
        furniture()
        y = 70
        continue
      }
      if (!block.line.trim()) {
        y += 8
        continue
      }
      const height = doc.heightOfString(block.line, { width })
      ensure(height)
      doc.text(block.line, left, y, { width })
      y += height + 2
      continue
    }
    const columns = Math.max(...block.table.map((row) => row.length))
    const measure = (): number[] =>
      Array.from(
        { length: columns },
        (_, c) =>
          Math.max(
            ...block.table.map((row) => (c < columns - 1 || columns < 4 ? doc.widthOfString(row[c] ?? '') : 0)),
          ) + 16,
      )
    let widths = measure()
    if (widths.reduce((a, b) => a + b, 0) > width) {
      doc.fontSize(7)
      widths = measure()
    }
    for (const row of block.table) {
      ensure(14)
      let x = left
      let height = 14
      row.forEach((cell, c) => {
        const room = left + width - x
        if (cell && c === row.length - 1 && doc.widthOfString(cell) > room) {
          doc.text(cell, x, y, { width: room })
          height = Math.max(height, doc.heightOfString(cell, { width: room }) + 4)
        } else if (cell) doc.text(cell, x, y, { lineBreak: false })
        x += widths[c]!
      })
      y += height
    }
    doc.fontSize(10)
    y += 4
  }
  doc.end()
  return done
}

export async function renderDocx(text: string): Promise<Buffer> {
  const children: Array<Paragraph | Table> = []
  for (const block of blocks(text.split('\n'))) {
    if ('line' in block) {
      const heading = /^\s*#{1,2}\s/.test(block.line) ? HeadingLevel.HEADING_1 : undefined
      children.push(new Paragraph({ children: [new TextRun(block.line)], ...(heading ? { heading } : {}) }))
      continue
    }
    const columns = Math.max(...block.table.map((row) => row.length))
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: block.table.map(
          (row) =>
            new TableRow({
              children: Array.from(
                { length: columns },
                (_, c) => new TableCell({ children: [new Paragraph(row[c] ?? '')] }),
              ),
            }),
        ),
      }),
    )
  }
  const document = new Document({ creator: 'Commissioning Register fixtures', sections: [{ children }] })
  return Packer.toBuffer(document)
}

async function main(): Promise<void> {
  mkdirSync(target, { recursive: true })
  for (const { source, furniture } of PDFS) {
    const text = readFileSync(path.join(sources, source), 'utf8')
    const file = path.join(target, source.replace(/\.txt$/, '.pdf'))
    writeFileSync(file, await renderPdf(text, furniture ? { furniture } : {}))
    console.log(path.relative(root, file))
  }
  for (const source of DOCXS) {
    const text = readFileSync(path.join(sources, source), 'utf8')
    const file = path.join(target, source.replace(/\.txt$/, '.docx'))
    writeFileSync(file, await renderDocx(text))
    console.log(path.relative(root, file))
  }
}

/** Every fixture document (not its expectations), relative to the repository root. */
export function fixtureDocuments(): string[] {
  const found: string[] = []
  for (const dir of [sources, target]) {
    for (const name of readdirSync(dir).sort())
      if (/\.(?:txt|md|html?|pdf|docx)$/.test(name)) found.push(path.relative(root, path.join(dir, name)))
  }
  return found
}

export function expectedPath(document: string): string {
  return document.replace(/\.[a-z]+$/, '.expected.json')
}

async function writeExpected(): Promise<void> {
  for (const document of fixtureDocuments()) {
    const { record } = await extractFile(path.join(root, document))
    writeFileSync(
      path.join(root, expectedPath(document)),
      `${JSON.stringify({ ...record, file: document }, null, 2)}\n`,
    )
    console.log(expectedPath(document))
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  if (process.argv.includes('--write-expected')) await writeExpected()
  else await main()
}
