/**
 * Extraction speed: text documents per second on one core (target ≥ 200) and the time to read a
 * generated 20-page PDF (target < 1000 ms), and OCR seconds a page of the scanned fixture (target < 10).
 * Documents are generated here, in several layouts.
 */
import { readFileSync } from 'node:fs'
import { getDocumentProxy } from 'unpdf'
import { renderPdf } from '../scripts/generate-fixture-binaries.ts'
import { extractBuffer, extractFromText } from '../src/extract/index.ts'

const PROVIDERS = [
  "Juno Women's Aid",
  "Nottinghamshire Women's Aid",
  'Equation',
  'Victim Support',
  'Safety Net Advice and Support Centre',
  'Harbour Support Services',
  'Paragon Advocacy',
  'First Light',
]
const OFFICES = ['Nottinghamshire', 'Cumbria', 'Lincolnshire', 'Durham', 'Kent', 'Dorset', 'Gwent', 'Norfolk']
const AREAS = ['Ashfield', 'Mansfield', 'Carlisle', 'Boston', 'Swindon', 'Medway', 'Reading', 'Slough']

function pounds(n: number): string {
  return `£${n.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
}

/** A decision notice of about the seeds' length, with a three-year budget table and prose around it. */
export function benchDocument(i: number): string {
  const office = OFFICES[i % OFFICES.length]!
  const a = PROVIDERS[i % PROVIDERS.length]!
  const b = PROVIDERS[(i + 3) % PROVIDERS.length]!
  const rows = [a, b].map(
    (name, k) =>
      [
        name,
        10_000 + ((i * 37 + k * 911) % 50_000),
        20_000 + ((i * 53 + k * 577) % 50_000),
        5_000 + ((i * 11 + k * 313) % 9_000),
      ] as const,
  )
  const totals = [1, 2, 3].map((c) => rows.reduce((sum, row) => sum + (row[c] as number), 0))
  const grand = totals.reduce((x, y) => x + y, 0)
  const filler =
    'The service offers specialist support to survivors of domestic abuse, including safety planning, advocacy in court and help to find safe accommodation. '.repeat(
      6,
    )
  return [
    `${office} Police and Crime Commissioner`,
    'Notice of Decision',
    '',
    'Author:\tA Officer',
    `Date received:\t0${1 + (i % 9)}.02.2024`,
    `Ref*:\t2024.${String(i % 1000).padStart(3, '0')}`,
    '',
    `TITLE: Survivor support service ${i}`,
    '',
    'EXECUTIVE SUMMARY:',
    '',
    `The service will run from 1 April 2024 until 30 September 2026 in ${AREAS[i % AREAS.length]} and ${AREAS[(i + 1) % AREAS.length]}. ${filler}`,
    '',
    `The Commissioner is asked to approve funding of ${pounds(grand)} in total from the Community Safety Grant.`,
    '',
    'Provider\t2024/25\t2025/26\t2026/27',
    ...rows.map(
      (row) =>
        `${row[0]}\t${pounds(row[1])}\t${pounds(row[2])}\t${pounds(row[3])}\tTo be awarded by the County to ${row[0]}.`,
    ),
    `Total\t${totals.map(pounds).join('\t')}`,
    '',
    filler,
    '',
    'Signature:',
    'Chief Finance Officer',
    'Date: 10th March 2024',
    '',
    'DECLARATION:',
    'The above request has my approval.',
    'Signature:',
    'Date: 16/3/24',
  ].join('\n')
}

/** Twenty one-page notices, a form feed between them. */
function twentyPageText(): string {
  return Array.from({ length: 20 }, (_, p) => benchDocument(p)).join('\n\f\n')
}

export async function benchExtract(): Promise<Array<{ metric: string; value: number }>> {
  const documents = Array.from({ length: 400 }, (_, i) => benchDocument(i))
  for (const text of documents.slice(0, 20)) extractFromText(text, 'warm-up.txt')
  const started = performance.now()
  for (let i = 0; i < documents.length; i++) extractFromText(documents[i]!, `bench-${i}.txt`)
  const seconds = (performance.now() - started) / 1000
  const docsPerSecond = documents.length / seconds

  const pdf = await renderPdf(twentyPageText())
  const proxy = await getDocumentProxy(new Uint8Array(pdf), { verbosity: 0 })
  if (proxy.numPages !== 20) throw new Error(`the benchmark PDF has ${proxy.numPages} pages, not 20`)
  await proxy.destroy()
  await extractBuffer(await renderPdf(benchDocument(1)), 'warm-up.pdf')
  const pdfStarted = performance.now()
  await extractBuffer(pdf, 'bench-20-pages.pdf')
  const pdfMs = performance.now() - pdfStarted

  const scan = readFileSync('fixtures/documents/generated/f01-lincolnshire-small-grants.scanned.pdf')
  const ocrStarted = performance.now()
  const { record } = await extractBuffer(scan, 'bench-scan.pdf')
  const ocrSeconds = (performance.now() - ocrStarted) / 1000 / (record.ocr?.pages ?? 1)

  return [
    { metric: 'extract_text_docs_per_s', value: Math.round(docsPerSecond) },
    { metric: 'extract_pdf_20_pages_ms', value: Math.round(pdfMs) },
    // Includes starting Tesseract and loading its English model, as every scanned document does.
    { metric: 'extract_ocr_seconds_per_page', value: Math.round(ocrSeconds * 10) / 10 },
  ]
}

if (process.argv[1] && import.meta.filename === process.argv[1]) console.log(await benchExtract())
