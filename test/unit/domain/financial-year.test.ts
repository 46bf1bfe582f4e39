import { test } from 'node:test'
import assert from 'node:assert/strict'
import { financialYearOf, financialYearsBetween, parseFinancialYear } from '../../../src/domain/financial-year.ts'

test('a date belongs to the financial year that starts on the 1 April before it', () => {
  assert.equal(financialYearOf('2024-03-31').label, '2023/24')
  assert.equal(financialYearOf('2024-04-01').label, '2024/25')
  assert.equal(financialYearOf('1999-12-31').label, '1999/00')
})

test('reads the ways financial years are written', () => {
  assert.equal(parseFinancialYear('2024/25')?.start, '2024-04-01')
  assert.equal(parseFinancialYear('2023/2024')?.end, '2024-03-31')
  assert.equal(parseFinancialYear('2025-26')?.label, '2025/26')
  assert.equal(parseFinancialYear('1999/00')?.label, '1999/00')
  assert.equal(parseFinancialYear('2024/26'), null)
  assert.equal(parseFinancialYear('April'), null)
})

test('lists the financial years a period touches', () => {
  assert.deepEqual(
    financialYearsBetween('2023-10-01', '2025-09-30').map((y) => y.label),
    ['2023/24', '2024/25', '2025/26'],
  )
})
