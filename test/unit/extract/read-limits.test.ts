import { test } from 'node:test'
import assert from 'node:assert/strict'
import JSZip from 'jszip'
import { archiveEntries, checkExpansion } from '../../../src/extract/readers/docx-archive.ts'
import { ReadRefusal } from '../../../src/extract/errors.ts'
import { DEFAULT_READ_LIMITS, overLimit, readLimits } from '../../../src/extract/limits.ts'
import { DocumentReaders } from '../../../src/extract/sandbox/readers.ts'
import { ExtractError, extractBuffer } from '../../../src/extract/index.ts'
import { hugeText, manyPagePdf, wordZipBomb } from '../../support/hostile-documents.ts'

const MB = 1024 * 1024

function refusedWith(pattern: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof ReadRefusal, `a ReadRefusal, not ${String(error)}`)
    assert.equal(error.code, 'over_limit')
    assert.match(error.reason, pattern)
    return true
  }
}

test('the central directory sizes are checked before anything is expanded: total size and the ratio of sizeable parts', () => {
  const limits = { maxExpandedBytes: 100 * MB, maxCompressionRatio: 100 }
  assert.doesNotThrow(() =>
    checkExpansion([{ name: 'word/document.xml', compressedSize: 2 * MB, uncompressedSize: 20 * MB }], limits),
  )
  assert.doesNotThrow(
    () => checkExpansion([{ name: 'word/styles.xml', compressedSize: 1, uncompressedSize: 900 * 1024 }], limits),
    'a small part may compress as well as it likes',
  )
  assert.throws(
    () =>
      checkExpansion([{ name: 'word/document.xml', compressedSize: 100 * 1024, uncompressedSize: 30 * MB }], limits),
    refusedWith(/part word\/document\.xml expands 307 times its compressed size .*at most 100 times/),
  )
  assert.throws(
    () =>
      checkExpansion(
        Array.from({ length: 6 }, (_, i) => ({
          name: `word/media/image${i}.png`,
          compressedSize: 20 * MB,
          uncompressedSize: 20 * MB,
        })),
        limits,
      ),
    refusedWith(/the Word document expands to 120\.0 MB; the register reads at most 100\.0 MB/),
  )
})

test('the sizes come from the ZIP itself', async () => {
  const zip = new JSZip()
  zip.file('word/document.xml', 'x'.repeat(3 * MB))
  zip.file('[Content_Types].xml', '<Types/>')
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
  const entries = await archiveEntries(bytes)
  const main = entries.find((e) => e.name === 'word/document.xml')
  assert.equal(main?.uncompressedSize, 3 * MB)
  assert.ok(main.compressedSize < bytes.byteLength)
})

test('limits default as documented and take overrides', () => {
  assert.deepEqual(readLimits(), DEFAULT_READ_LIMITS)
  assert.deepEqual(readLimits({ maxPages: 7, timeoutMs: undefined }), { ...DEFAULT_READ_LIMITS, maxPages: 7 })
  assert.equal(overLimit.pages(20_000, 500), 'the PDF has 20,000 pages; the register reads at most 500')
  assert.equal(overLimit.time(30_000), 'reading the document took longer than 30 seconds, the most the register allows')
})

test('each limit refuses a document over it, naming the limit, whatever the file is called', async () => {
  const refuses = (promise: Promise<unknown>, pattern: RegExp) =>
    assert.rejects(promise, (error: unknown) => {
      assert.ok(error instanceof ExtractError, `an ExtractError, not ${String(error)}`)
      assert.equal(error.code, 'over_limit')
      assert.match(error.reason, pattern)
      return true
    })
  await refuses(
    extractBuffer(await manyPagePdf(12), 'notice.pdf', { limits: { maxPages: 10 } }),
    /^the PDF has 12 pages; the register reads at most 10$/,
  )
  await refuses(
    extractBuffer(hugeText(2_000), 'notice.txt', { limits: { maxTextCharacters: 1_000 } }),
    /^the document has 2,000 characters of text; the register reads at most 1,000$/,
  )
  await refuses(
    extractBuffer(await manyPagePdf(3, 40), 'notice.pdf', { limits: { maxTextCharacters: 5_000 } }),
    /characters of text; the register reads at most 5,000$/,
  )
  await refuses(
    extractBuffer(await wordZipBomb(200_000), 'notice.docx', { limits: { maxCompressionRatio: 50 } }),
    /expands \d+ times its compressed size/,
  )
})

test('a reader thread stopped for its deadline is replaced, and the next document is read', async () => {
  const readers = new DocumentReaders(1, 1_000)
  try {
    await assert.rejects(
      readers.read(await manyPagePdf(200, 60), 'slow.pdf', { limits: { timeoutMs: 200 } }),
      /took longer than 0\.2 seconds/,
    )
    const { draft } = await readers.read(Buffer.from('Ref: 2024.001\nTitle: A small notice\n'), 'small.txt')
    assert.equal(draft.reference, '2024.001')
  } finally {
    await readers.close()
  }
})
