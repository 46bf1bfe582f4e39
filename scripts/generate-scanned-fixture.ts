/**
 * Makes the scanned-PDF fixture: a text fixture laid out as a printed page in Chromium, photographed as a
 * greyscale JPEG and wrapped in a PDF with no text layer, as a scanner would. `npx tsx scripts/generate-scanned-fixture.ts`
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import { chromium } from 'playwright-core'

const root = path.resolve(import.meta.dirname, '..')
const SOURCE = path.join(root, 'fixtures/documents/f01-lincolnshire-small-grants.txt')
const TARGET = path.join(root, 'fixtures/documents/generated/f01-lincolnshire-small-grants.scanned.pdf')

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;')

function pageHtml(text: string): string {
  const body: string[] = []
  let rows: string[] = []
  const flush = (): void => {
    if (rows.length) body.push(`<table>${rows.join('')}</table>`)
    rows = []
  }
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      rows.push(
        `<tr>${line
          .split('\t')
          .map((cell) => `<td>${escape(cell)}</td>`)
          .join('')}</tr>`,
      )
      continue
    }
    flush()
    body.push(line.trim() ? `<p>${escape(line)}</p>` : '')
  }
  flush()
  return `<!doctype html><html><head><style>
    body { font: 15px/1.4 Arial, sans-serif; margin: 60px 70px; color: #111; background: #fff; filter: grayscale(1) }
    p { margin: 0 0 8px } table { border-collapse: collapse; margin: 8px 0 16px }
    td { border: 1px solid #444; padding: 4px 10px }
  </style></head><body>${body.join('\n')}</body></html>`
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
})
const page = await browser.newPage({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 2 })
await page.setContent(pageHtml(readFileSync(SOURCE, 'utf8')))
const jpeg = await page.screenshot({ type: 'jpeg', quality: 70 })
await browser.close()

const pdf = new PDFDocument({ size: 'A4', margin: 0, info: { Title: 'Scanned decision notice' } })
const chunks: Buffer[] = []
pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
const done = new Promise<void>((resolve) => pdf.on('end', resolve))
pdf.image(jpeg, 0, 0, { width: pdf.page.width, height: pdf.page.height })
pdf.end()
await done
writeFileSync(TARGET, Buffer.concat(chunks))
console.log(`wrote ${path.relative(root, TARGET)} (${Buffer.concat(chunks).length} bytes)`)
