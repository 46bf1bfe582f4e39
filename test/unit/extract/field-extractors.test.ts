import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { extractFromText, type ExtractedRecord } from '../../../src/extract/index.ts'
import { buildDoc } from '../../../src/extract/document.ts'
import { chooseEntry, findEntries } from '../../../src/extract/entries.ts'
import { readOcds } from '../../../src/extract/ocds.ts'
import { headingText } from '../../../src/extract/title.ts'
import { assertStated } from '../../support/cases.ts'

const dir = path.resolve(process.cwd(), 'fixtures/field-extractors')

function extract(name: string): ExtractedRecord {
  return extractFromText(readFileSync(path.join(dir, name), 'utf8'), name).record
}

test('title: the first heading after page furniture and image text, on a page with no label', () => {
  const record = extract('news-page.txt')
  assert.equal(record.title, 'Funding boost for survivors of domestic abuse in Kestrelford')
})

test('title: generic headings, office names, labels and dates are not titles', () => {
  assert.equal(extract('foi-response.txt').title, null)
  assert.equal(headingText('Agenda item - Refuge Provision Review'), 'Refuge Provision Review')
  assert.equal(headingText('14 Refuge Provision Review PDF 210 KB'), 'Refuge Provision Review')
})

test('kind: a news page with no decision in it is a report; an FOI response is known from its opening lines', () => {
  assert.equal(extract('news-page.txt').kind, 'report')
  assert.equal(extract('foi-response.txt').kind, 'foi_response')
  assert.equal(extract('decision-list.txt').kind, 'decision')
})

test('reference: an FOI response number printed beside "Response"', () => {
  assert.equal(extract('foi-response.txt').reference, '5512034')
})

test('decision lists: the victim-services entry gives the reference, title, date, total and award', () => {
  const doc = buildDoc(readFileSync(path.join(dir, 'decision-list.txt'), 'utf8'))
  const entries = findEntries(doc)
  assert.deepEqual(
    entries.map((e) => e.reference),
    ['2210', '2209'],
  )
  assert.equal(chooseEntry(doc, entries)?.reference, '2209')
  const record = extract('decision-list.txt')
  assert.equal(record.reference, '2209')
  assert.equal(record.title, 'Waiver of Contract Rules - Brightwater Refuge Trust')
  assert.equal(record.decision_date, '2022-03-02')
  assert.equal(record.total_amount, 96500)
  assert.ok(!JSON.stringify(record).includes('84000'), 'the car park entry is set aside')
})

test('stated total: an amount hedged with "more than" is never the total', () => {
  assert.notEqual(extract('news-page.txt').total_amount, 50000)
})

test('Open Contracting JSON: reference, title, release date, value and contract period from their standard places', () => {
  const text = readFileSync(path.join(dir, 'ocds-record.txt'), 'utf8')
  const ocds = readOcds(text)
  assert.equal(ocds?.reference, 'WYVERN-DA-0042')
  const record = extract('ocds-record.txt')
  assert.equal(record.kind, 'decision')
  assert.equal(record.reference, 'WYVERN-DA-0042')
  assert.equal(record.title, 'Stalking Advocacy Service')
  assert.equal(record.decision_date, '2023-05-09')
  assert.equal(record.total_amount, 75000)
  assert.deepEqual([record.service_period.start, record.service_period.end], ['2023-07-01', '2025-06-30'])
  assert.equal(readOcds('{"not": "a release"}'), null)
  assert.equal(readOcds('plain text'), null)
})

test('awards: an allocation table headed "Organisation/Geographical Area" gives one award per row, even with "partners" in the sentence above', () => {
  assertStated(extract('allocation-table.txt'), {
    awards: [
      { recipient: 'Ravensmoor Borough Council', amount: 52300 },
      { recipient: "Oakhaven Women's Centre", amount: 18750 },
    ],
    total_amount: 71050,
  })
})
