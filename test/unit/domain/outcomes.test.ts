import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseCount, parseQuarter, personalDataIn, quarterLabel } from '../../../src/domain/outcomes.ts'
import { eachCase } from '../../support/cases.ts'

eachCase('reads quarters as dates or financial-year labels', parseQuarter, [
  ['2024-04-01', '2024-04-01'],
  ['2024/25 Q1', '2024-04-01'],
  ['Q4 2024/25', '2025-01-01'],
  ['2024-05-01', null],
  ['spring', null],
])

test('labels a quarter by its financial year', () => {
  assert.equal(quarterLabel('2025-01-01'), '2024/25 Q4')
  assert.equal(quarterLabel('2024-10-01'), '2024/25 Q3')
})

eachCase('counts are whole numbers from zero', parseCount, [
  ['42', 42],
  ['1,204', 1204],
  ['-3', null],
  ['4.5', null],
  ['twelve', null],
])

eachCase('spots what looks like personal data', personalDataIn, [
  ['Jane Smith', 'a name'],
  ['NG1 5FW', 'a postcode'],
  ['12/03/1985', 'a date, such as a date of birth'],
  ['14 Acacia Avenue', 'an address'],
  ['date of birth', 'a personal detail'],
  ['survivors_supported', null],
  ['42', null],
])
