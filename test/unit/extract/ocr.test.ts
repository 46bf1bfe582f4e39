import { test } from 'node:test'
import assert from 'node:assert/strict'
import { extractBuffer, extractFile, ExtractError } from '../../../src/extract/index.ts'
import { toGreyscalePgm } from '../../../src/extract/readers/ocr.ts'
import PDFDocument from 'pdfkit'

const SCAN = 'fixtures/documents/generated/f01-lincolnshire-small-grants.scanned.pdf'

test('a scanned PDF is read by OCR: the same award table as its text source, and the record says it was OCR', async () => {
  const [scan, txt] = await Promise.all([
    extractFile(SCAN),
    extractFile('fixtures/documents/f01-lincolnshire-small-grants.txt'),
  ])
  const strip = (awards: typeof scan.record.awards) => awards.map((a) => `${a.recipient}|${a.amount}|${a.route}`)
  assert.deepEqual(strip(scan.record.awards), strip(txt.record.awards))
  assert.equal(scan.record.total_amount, txt.record.total_amount)
  assert.equal(scan.record.reference, txt.record.reference)
  assert.equal(scan.record.ocr?.pages, 1)
  assert.ok(scan.record.ocr.confidence >= 80, `mean confidence ${scan.record.ocr.confidence}`)
  assert.equal(scan.record.findings[0]?.code, 'read_by_ocr')
  assert.equal(txt.record.ocr, undefined, 'a text document carries no OCR mark')
  assert.doesNotMatch(scan.text, /\|/, 'the table’s ruling lines are not read as words')
})

test('a page image becomes a greyscale PGM Tesseract can read, from grey, RGB or RGBA pixels', () => {
  const header = Buffer.from('P5\n2 1\n255\n')
  const grey = toGreyscalePgm({ width: 2, height: 1, channels: 1, data: new Uint8ClampedArray([0, 200]) })
  assert.deepEqual(grey, Buffer.concat([header, Buffer.from([0, 200])]))
  const rgb = toGreyscalePgm({
    width: 2,
    height: 1,
    channels: 3,
    data: new Uint8ClampedArray([255, 255, 255, 255, 0, 0]),
  })
  assert.deepEqual([...rgb.subarray(header.length)], [255, 76])
  const rgba = toGreyscalePgm({
    width: 2,
    height: 1,
    channels: 4,
    data: new Uint8ClampedArray([0, 0, 0, 255, 0, 0, 255, 255]),
  })
  assert.deepEqual([...rgba.subarray(header.length)], [0, 29])
})

test('a PDF with neither text nor a page image is refused, saying no text could be read', async () => {
  const pdf = new PDFDocument({ size: 'A4' })
  const chunks: Buffer[] = []
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise<void>((resolve) => pdf.on('end', resolve))
  pdf.rect(100, 100, 200, 200).stroke()
  pdf.end()
  await ended
  await assert.rejects(extractBuffer(Buffer.concat(chunks), 'blank.pdf'), (error: unknown) => {
    assert.ok(error instanceof ExtractError)
    assert.equal(error.code, 'no_text')
    assert.match(error.reason, /no text layer, and no text could be read from its page images/)
    return true
  })
})
