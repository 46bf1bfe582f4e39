import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseCount, parseQuarter, personalDataIn, quarterLabel } from '../../../src/domain/outcomes.ts'

test('reads quarters as dates or financial-year labels', () => {
  assert.equal(parseQuarter('2024-04-01'), '2024-04-01')
  assert.equal(parseQuarter('2024/25 Q1'), '2024-04-01')
  assert.equal(parseQuarter('Q4 2024/25'), '2025-01-01')
  assert.equal(parseQuarter('2024-05-01'), null)
  assert.equal(parseQuarter('spring'), null)
  assert.equal(quarterLabel('2025-01-01'), '2024/25 Q4')
  assert.equal(quarterLabel('2024-10-01'), '2024/25 Q3')
})

test('counts are whole numbers from zero', () => {
  assert.equal(parseCount('42'), 42)
  assert.equal(parseCount('1,204'), 1204)
  assert.equal(parseCount('-3'), null)
  assert.equal(parseCount('4.5'), null)
  assert.equal(parseCount('twelve'), null)
})

test('spots what looks like personal data', () => {
  assert.equal(personalDataIn('Jane Smith'), 'a name')
  assert.equal(personalDataIn('NG1 5FW'), 'a postcode')
  assert.equal(personalDataIn('12/03/1985'), 'a date, such as a date of birth')
  assert.equal(personalDataIn('14 Acacia Avenue'), 'an address')
  assert.equal(personalDataIn('date of birth'), 'a personal detail')
  assert.equal(personalDataIn('survivors_supported'), null)
  assert.equal(personalDataIn('42'), null)
})
