import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import {
  countOf,
  describeAmount,
  describeTotalFrom,
  formatPounds,
  wholeContractValue,
} from '../../../src/domain/money-words.ts'
import { addKindTotals, describeKindTotals, totalsByKind } from '../../../src/domain/amount-kinds.ts'
import { formatPeriod } from '../../../src/domain/uk-date.ts'
import { eachCase } from '../../support/cases.ts'

describe('money in words', () => {
  eachCase('whole pounds drop their pence; pence stay', formatPounds, [
    [4_701_300, '£47,013'],
    [4_701_350, '£47,013.50'],
    [0, '£0'],
  ])

  test('an amount says whether it is yearly and whether it is a ceiling', () => {
    assert.equal(describeAmount(29_450_000, { perAnnum: true, upTo: true }), '£294,500 a year (up to)')
    assert.equal(describeAmount(4_701_300, { perAnnum: false, upTo: false }), '£47,013')
    assert.equal(describeAmount(45_100_000, { perAnnum: true, upTo: false }), '£451,000 a year')
    assert.equal(describeAmount(1_000_000, { perAnnum: false, upTo: true }), '£10,000 (up to)')
  })

  test('a total names how many partners it comes from, in words below ten', () => {
    assert.equal(
      describeTotalFrom(212_500_000, { perAnnum: true, upTo: false }, 4, 'partner'),
      '£2,125,000 a year in total from four partners',
    )
    assert.equal(describeTotalFrom(100, { perAnnum: false, upTo: false }, 1, 'partner'), '£1 from one partner')
    assert.equal(
      describeTotalFrom(100, { perAnnum: true, upTo: true }, 12, 'partner'),
      '£1 a year in total from 12 partners, up to',
    )
    assert.equal(countOf(3, 'award'), 'three awards')
  })

  test('a yearly amount over a known period has a whole-contract value', () => {
    assert.equal(
      wholeContractValue(29_450_000, { perAnnum: true, upTo: true }, '2019-04-01', '2024-03-31')?.text,
      '£1,472,500 over 5 years, up to',
    )
    assert.equal(
      wholeContractValue(1_200_000, { perAnnum: true, upTo: false }, '2023-10-01', '2025-03-31')?.text,
      '£18,000 over 18 months',
    )
    assert.equal(wholeContractValue(100, { perAnnum: false, upTo: false }, '2019-04-01', '2024-03-31'), null)
    assert.equal(wholeContractValue(100, { perAnnum: true, upTo: false }, null, '2024-03-31'), null)
  })

  test('totals by kind keep one-off sums, yearly commitments and ceilings apart', () => {
    const totals = totalsByKind([
      { amountPence: 100, perAnnum: false, upTo: false },
      { amountPence: 200, perAnnum: false, upTo: false },
      { amountPence: 29_450_000, perAnnum: true, upTo: true },
      { amountPence: 7_000_000, perAnnum: true, upTo: true },
      { amountPence: 500, perAnnum: true, upTo: false },
    ])
    assert.deepEqual(
      describeKindTotals(totals).map((l) => [l.heading, l.text]),
      [
        ['One-off sums', '£3'],
        ['Yearly commitments', '£5 a year'],
        ['Yearly ceilings (up to)', '£364,500 a year (up to)'],
      ],
    )
    const doubled = addKindTotals(totals, totals)
    assert.deepEqual(doubled.one_off, { pence: 600, count: 4 })
    assert.deepEqual(doubled.up_to, { pence: 0, count: 0 })
  })
})

describe('periods in GOV.UK style', () => {
  eachCase('whole months read as months, other days as dates', ([start, end]) => formatPeriod(start, end), [
    [['2023-10-01', '2024-03-31'], 'October 2023 to March 2024'],
    [['2025-04-01', '2025-09-30'], 'April 2025 to September 2025'],
    [['2024-02-01', '2024-02-29'], 'February 2024'],
    [['2023-10-02', '2024-03-15'], '2 October 2023 to 15 March 2024'],
    [['2023-10-01', null], 'From October 2023'],
    [[null, null], ''],
  ])
})
