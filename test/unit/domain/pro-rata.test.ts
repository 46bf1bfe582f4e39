import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  exceedsCeiling,
  parsePercentage,
  proRataContribution,
  type PartnerContribution,
} from '../../../src/domain/pro-rata.ts'
import { eachCase } from '../../support/cases.ts'

const perpetrators = [
  { key: 'southampton', name: 'Southampton City Council', pence: 4_000_000 },
  { key: 'hampshire', name: 'Hampshire County Council', pence: 10_000_000 },
]

/** The contributions after one partner reduces theirs by `basisPoints` (hundredths of a percent). */
const reduce = (
  officePence: number,
  partners: PartnerContribution[],
  reducingPartnerKey: string,
  basisPoints: number,
) => proRataContribution({ officePence, partners, reducingPartnerKey, reductionBasisPoints: basisPoints })

test('with one partner, the office matches its percentage reduction (seed 003, victims)', () => {
  const result = reduce(29_450_000, [{ key: 'hcc', name: 'Hampshire County Council', pence: 148_390_000 }], 'hcc', 1000)
  assert.equal(result.partnerAfterPence, 133_551_000)
  assert.equal(result.officeAfterPence, 26_505_000)
  assert.equal(result.officeReductionPence, 2_945_000)
})

test('with several partners, the office follows the reduction of their combined contribution (seed 003, perpetrators)', () => {
  const result = reduce(7_000_000, perpetrators, 'southampton', 5000)
  assert.equal(result.partnerAfterPence, 2_000_000)
  assert.equal(result.partnersBeforePence, 14_000_000)
  assert.equal(result.partnersAfterPence, 12_000_000)
  assert.equal(result.officeAfterPence, 6_000_000)
})

test('rounds to the nearest penny, in integers', () => {
  const result = reduce(100, [{ key: 'a', name: 'A', pence: 3 }], 'a', 3333)
  assert.equal(result.partnerAfterPence, 2)
  assert.equal(result.officeAfterPence, 67)
})

test('refuses a reduction outside 0–100% or an unknown partner', () => {
  assert.throws(() => reduce(1, perpetrators, 'hampshire', 10_001), /from 0 to 100/)
  assert.throws(() => reduce(1, perpetrators, 'nobody', 10), /Choose a partner/)
})

eachCase('reads percentages typed into a form', parsePercentage, [
  ['12.5', 1250],
  [' 10 % ', 1000],
  ['100', 10_000],
  ['100.01', null],
  ['-5', null],
  ['ten', null],
])

test('an amount above its ceiling is caught', () => {
  assert.equal(exceedsCeiling(29_450_001, 29_450_000), true)
  assert.equal(exceedsCeiling(29_450_000, 29_450_000), false)
  assert.equal(exceedsCeiling(1, null), false)
})
