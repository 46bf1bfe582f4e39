import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { expectedPath, fixtureDocuments } from '../../../scripts/generate-fixture-binaries.ts'
import { extractFile, type ExtractedRecord } from '../../../src/extract/index.ts'

const documents = fixtureDocuments()

test('there are at least 20 fixtures, some of them PDF and Word', () => {
  assert.ok(documents.length >= 20, `${documents.length} fixtures`)
  assert.ok(documents.filter((d) => d.endsWith('.pdf')).length >= 3)
  assert.ok(documents.filter((d) => d.endsWith('.docx')).length >= 3)
  assert.ok(documents.filter((d) => /\.html?$/.test(d)).length >= 2)
  for (const document of documents) assert.ok(existsSync(expectedPath(document)), `${document} has no expected JSON`)
})

for (const document of documents) {
  test(`fixture ${document} matches its expected JSON`, async () => {
    const expected = JSON.parse(readFileSync(expectedPath(document), 'utf8'))
    const { record, text } = await extractFile(document)
    assert.deepEqual(record, expected)
    const lines = text.split('\n')
    for (const [field, source] of Object.entries(record.provenance)) {
      assert.equal(lines[source.line - 1]?.trim(), source.text, `provenance of ${field} points at its line`)
    }
  })
}

/** The records read from a generated binary and from the text it was made from, both under fixtures/documents. */
async function binaryAndSource(binary: string, source: string): Promise<[ExtractedRecord, ExtractedRecord]> {
  const [fromBinary, fromSource] = await Promise.all([
    extractFile(`fixtures/documents/generated/${binary}`),
    extractFile(`fixtures/documents/${source}`),
  ])
  return [fromBinary.record, fromSource.record]
}

const awardsOf = (record: ExtractedRecord) => record.awards.map((a) => `${a.recipient}|${a.amount}|${a.period}`)

test('a PDF keeps its table columns: the same awards as its text source', async () => {
  const [pdf, txt] = await binaryAndSource('g02-devon-cornwall-split-row.pdf', 'g02-devon-cornwall-split-row.txt')
  assert.deepEqual(awardsOf(pdf), awardsOf(txt))
  assert.deepEqual(
    pdf.findings.map((f) => f.message),
    txt.findings.map((f) => f.message),
  )
})

test('a Word document keeps its table rows: the same awards as its text source', async () => {
  const [docx, txt] = await binaryAndSource(
    'g01-west-yorkshire-years-by-provider.docx',
    'g01-west-yorkshire-years-by-provider.txt',
  )
  assert.deepEqual(awardsOf(docx), awardsOf(txt))
})
