import { test } from 'node:test'
import assert from 'node:assert/strict'
import { exceedsCeiling, parsePercentage, proRataContribution } from '../../../src/domain/pro-rata.ts'

const perpetrators = [
  { key: 'southampton', name: 'Southampton City Council', pence: 4_000_000 },
  { key: 'hampshire', name: 'Hampshire County Council', pence: 10_000_000 },
]

test('with one partner, the office matches its percentage reduction (seed 003, victims)', () => {
  const result = proRataContribution({
    officePence: 29_450_000,
    partners: [{ key: 'hcc', name: 'Hampshire County Council', pence: 148_390_000 }],
    reducingPartnerKey: 'hcc',
    reductionBasisPoints: 1000,
  })
  assert.equal(result.partnerAfterPence, 133_551_000)
  assert.equal(result.officeAfterPence, 26_505_000)
  assert.equal(result.officeReductionPence, 2_945_000)
})

test('with several partners, the office follows the reduction of their combined contribution (seed 003, perpetrators)', () => {
  const result = proRataContribution({
    officePence: 7_000_000,
    partners: perpetrators,
    reducingPartnerKey: 'southampton',
    reductionBasisPoints: 5000,
  })
  assert.equal(result.partnerAfterPence, 2_000_000)
  assert.equal(result.partnersBeforePence, 14_000_000)
  assert.equal(result.partnersAfterPence, 12_000_000)
  assert.equal(result.officeAfterPence, 6_000_000)
})

test('rounds to the nearest penny, in integers', () => {
  const result = proRataContribution({
    officePence: 100,
    partners: [{ key: 'a', name: 'A', pence: 3 }],
    reducingPartnerKey: 'a',
    reductionBasisPoints: 3333,
  })
  assert.equal(result.partnerAfterPence, 2)
  assert.equal(result.officeAfterPence, 67)
})

test('refuses a reduction outside 0–100% or an unknown partner', () => {
  assert.throws(
    () =>
      proRataContribution({
        officePence: 1,
        partners: perpetrators,
        reducingPartnerKey: 'hampshire',
        reductionBasisPoints: 10_001,
      }),
    /from 0 to 100/,
  )
  assert.throws(
    () =>
      proRataContribution({
        officePence: 1,
        partners: perpetrators,
        reducingPartnerKey: 'nobody',
        reductionBasisPoints: 10,
      }),
    /Choose a partner/,
  )
})

test('reads percentages typed into a form', () => {
  assert.equal(parsePercentage('12.5'), 1250)
  assert.equal(parsePercentage(' 10 % '), 1000)
  assert.equal(parsePercentage('100'), 10_000)
  assert.equal(parsePercentage('100.01'), null)
  assert.equal(parsePercentage('-5'), null)
  assert.equal(parsePercentage('ten'), null)
})

test('an amount above its ceiling is caught', () => {
  assert.equal(exceedsCeiling(29_450_001, 29_450_000), true)
  assert.equal(exceedsCeiling(29_450_000, 29_450_000), false)
  assert.equal(exceedsCeiling(1, null), false)
})
