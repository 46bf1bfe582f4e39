import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { extractFromText, type ExtractedRecord } from '../../../src/extract/index.ts'
import { financialYearsRange } from '../../../src/extract/funded-years.ts'
import { withYearlessStarts } from '../../../src/extract/period.ts'
import { findMonths } from '../../../src/extract/dates.ts'
import { assertStated } from '../../support/cases.ts'

const dir = path.resolve(process.cwd(), 'fixtures/field-extractors-3')

function extract(name: string): ExtractedRecord {
  return extractFromText(readFileSync(path.join(dir, name), 'utf8'), name).record
}

const period = (record: ExtractedRecord): [string | null, string | null] => [
  record.service_period.start,
  record.service_period.end,
]

test("period: funded financial years give the service period; a strategy's years, money carried forward and a duty's start do not", () => {
  const record = extract('funded-years.txt')
  assert.deepEqual(period(record), ['2024-04-01', '2026-03-31'])
})

test('period: an FOI answer\'s award "for 2022/23" gives that financial year', () => {
  assert.deepEqual(period(extract('office-area.txt')), ['2022-04-01', '2023-03-31'])
})

test('period: printed dates win over financial years', () => {
  assert.deepEqual(period(extract('confined-area.txt')), ['2023-05-01', '2024-04-30'])
})

test('period: "from 12 November to 28 February 2021" takes the year before for the later month', () => {
  assert.deepEqual(period(extract('yearless-span.txt')), ['2020-11-12', '2021-02-28'])
  const text = 'runs from 24 March to 31 October 2020'
  const months = withYearlessStarts(text, findMonths(text))
  assert.deepEqual(
    months.map((m) => m.first),
    ['2020-03-24', '2020-10-31'],
  )
  const alone = 'on 24 March the office opened'
  assert.equal(withYearlessStarts(alone, findMonths(alone)).length, 0)
})

test('financial years as dates: one year, a run of years, and digits that are none', () => {
  assert.deepEqual(financialYearsRange('2022', '23'), { start: '2022-04-01', end: '2023-03-31' })
  assert.deepEqual(financialYearsRange('2022', '2024'), { start: '2022-04-01', end: '2024-03-31' })
  assert.equal(financialYearsRange('2024', '03'), null)
})

test('areas: a police office serves its own force area', () => {
  assert.deepEqual(extract('office-area.txt').areas, ['Cleveland'])
})

test('areas: a service confined to named places does not serve the whole force area', () => {
  assert.deepEqual(extract('confined-area.txt').areas, ['Middlesbrough', 'Hartlepool'])
})

test('decision date: "Date signed: 14/2/2019" is the decision date when no decision date is printed', () => {
  const record = extract('date-signed.txt')
  assert.equal(record.decision_date, '2019-02-14')
  assert.equal(record.reference, 'BFCC/2019/011')
})

test('organisations: "The District Council" is the issuing council by its full name', () => {
  assertStated(extract('district-council.txt'), {
    contributions: [
      { organisation: 'Fenmarsh District Council', amount: 18000 },
      { organisation: 'Northwold Housing Trust', amount: 12000 },
    ],
  })
})

test('reference: an FOI number after "request response -" in the heading', () => {
  const text =
    'Borsetshire District Council\n\nFreedom of information request response - 04518\n\nOur response\n\n1. We hold no such information.\n'
  assert.equal(extractFromText(text, 'foi.txt').record.reference, '04518')
})

test('PDF: a numbered item set off by a gap stays one sentence, and a wrapped Open Contracting record still parses', async () => {
  const { renderPdf } = await import('../../../scripts/generate-fixture-binaries.ts')
  const { extractBuffer } = await import('../../../src/extract/index.ts')
  const text =
    'Fenmarsh District Council\n\nResolved:-\n\n1.1           That grant funding of £42,000 is approved for award to Northwold\n              Housing Trust for the sanctuary scheme.\n'
  const { record } = await extractBuffer(await renderPdf(text), 'item.pdf')
  assert.deepEqual(
    record.awards.map((a) => [a.recipient, a.amount]),
    [['Northwold Housing Trust', 42000]],
  )
  const json = `{\n"tender": {\n"id": "FEN-2024-0007",\n"title": "Sanctuary scheme",\n"description": "${'A scheme that fits security measures to the homes of households at risk of domestic abuse. '.repeat(3)}",\n"value": {"amount": 45000, "currency": "GBP"}\n}\n}\n`
  const ocds = await extractBuffer(await renderPdf(json), 'record.pdf')
  assert.equal(ocds.record.reference, 'FEN-2024-0007')
})
