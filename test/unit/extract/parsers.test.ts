import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseAmountInWords, parseDocumentAmount } from '../../../src/domain/document-amount.ts'
import { parseMonthYear, parseUkDate } from '../../../src/domain/uk-date.ts'
import { findAmounts } from '../../../src/extract/amounts.ts'
import { cleanLine } from '../../../src/extract/clean.ts'
import { htmlToText } from '../../../src/extract/readers/html.ts'
import { parsePeriodLabel } from '../../../src/extract/period-label.ts'
import { referenceToken } from '../../../src/extract/reference.ts'
import { eachCase } from '../../support/cases.ts'

eachCase('amounts as documents print them', (text: string) => parseDocumentAmount(text).pence, [
  ['£23,966', 2396600],
  ['£47,013.00', 4701300],
  ['£1.632m', 163200000],
  ['£451k', 45100000],
  ['£0.600m', 60000000],
  ['£2.125m', 212500000],
  ['21,296.00', 2129600],
  ['£5 million', 500000000],
])

test('an amount says whether it is a ceiling and whether it is yearly', () => {
  const upTo = parseDocumentAmount('up to £294,500 per annum')
  assert.deepEqual([upTo.pence, upTo.upTo, upTo.perAnnum], [29450000, true, true])
  const pa = parseDocumentAmount('up to £70,000 pa')
  assert.deepEqual([pa.pence, pa.upTo, pa.perAnnum], [7000000, true, true])
})

eachCase('amounts in words', parseAmountInWords, [
  ['forty-seven thousand and thirteen pounds', 4701300],
  ['one hundred and twenty thousand five hundred pounds', 12050000],
  ['two million pounds and fifty pence', 200000050],
  ['thirty-six thousand', 3600000],
  ['a lot of pounds', null],
])

test('an amount in figures and again in words is found twice', () => {
  assert.deepEqual(
    findAmounts('a grant of £36,000 (thirty-six thousand pounds) for 2023/24').map((h) => h.reading.pence),
    [3600000, 3600000],
  )
})

test('the amount parser says what it could not read, and never guesses silently', () => {
  const garbled = parseDocumentAmount('£15,5074.22')
  assert.equal(garbled.pence, null)
  assert.equal(garbled.likely, 1507422)
  assert.match(garbled.problem ?? '', /not three digits/)
  const stops = parseDocumentAmount('£14.611.50')
  assert.deepEqual([stops.pence, stops.irregular], [1461150, 'full stops used as thousands separators'])
  const short = parseDocumentAmount('£9,91.50')
  assert.deepEqual([short.pence, short.likely], [null, null])
  assert.match(parseDocumentAmount('twelve apples').problem ?? '', /not an amount/)
  const broken = findAmounts('£95,890.75 £215,\t.69 £118,338.11')
  assert.deepEqual(
    broken.map((h) => h.reading.pence),
    [9589075, null, 11833811],
  )
  assert.match(broken[1]!.reading.problem ?? '', /broken/)
})

eachCase('UK dates in all their forms', parseUkDate, [
  ['09.03.21', '2021-03-09'],
  ['01.03.2024', '2024-03-01'],
  ['23/5/2018', '2018-05-23'],
  ['21st March 2018', '2018-03-21'],
  ['21 <sup>st</sup> March 2018', '2018-03-21'],
  ['21 st March 2018', '2018-03-21'],
  ['6 November 2013', '2013-11-06'],
  ['10th March 2021', '2021-03-10'],
  ['11 APRIL 2018', '2018-04-11'],
  ['Tuesday 6 November 2013', '2013-11-06'],
  ['March 21, 2018', '2018-03-21'],
  ['31/2/2020', null],
  ['13/13/2020', null],
])

test('a month and year is the whole month', () => {
  assert.deepEqual(parseMonthYear('Sept25'), { start: '2025-09-01', end: '2025-09-30' })
  assert.deepEqual(parseMonthYear('April 2019'), { start: '2019-04-01', end: '2019-04-30' })
})

eachCase('period headings', parsePeriodLabel, [
  ['Oct23- Mar24', { start: '2023-10-01', end: '2024-03-31' }],
  ['Apr25- Sept25', { start: '2025-04-01', end: '2025-09-30' }],
  ['2024/25', { start: '2024-04-01', end: '2025-03-31' }],
  ['Year 2 (2025-26)', { start: '2025-04-01', end: '2026-03-31' }],
  ['FY24/25', { start: '2024-04-01', end: '2025-03-31' }],
  ['Provider', null],
])

eachCase('references of every common form', referenceToken, [
  ['2021.021', '2021.021'],
  ['PCC036/18', 'PCC036/18'],
  ['PCCML/ 000407/2018', 'PCCML/000407/2018'],
  ['FOI/2024/077', 'FOI/2024/077'],
  ['DPCC 17/2023', 'DPCC 17/2023'],
  ['10653', '10653'],
  ['the end', null],
])

eachCase('markup remnants are cleaned from lines', cleanLine, [
  ['<b>Report reference number: PCC036/18</b>', 'Report reference number: PCC036/18'],
  ['**1. Purpose of report**', '1. Purpose of report'],
  ['I hereby approve/~~reject~~ the recommendation', 'I hereby approve/ the recommendation'],
  ['Print: ..... DAVID LAWSON .....', 'Print: DAVID LAWSON'],
  ['| NWA | £1,000 | £2,000 |', 'NWA\t£1,000\t£2,000'],
  ['|---|---|', ''],
  ['- OFFICIAL -', '- OFFICIAL -'],
])

test('HTML tables keep their cells', () => {
  assert.equal(
    htmlToText(
      '<table><tr><th>Provider</th><th>2024/25</th></tr><tr><td><p>Juno</p></td><td>&pound;1,000</td></tr></table><p>Done &amp; dusted</p>',
    ),
    'Provider\t2024/25\nJuno\t£1,000\n\nDone & dusted',
  )
})
