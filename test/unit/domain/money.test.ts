import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  formatPence,
  parsePoundsInput,
  penceToDecimalString,
  penceToPounds,
  sumPence,
} from '../../../src/domain/money.ts'

test('formats pence as pounds with thousands separators', () => {
  assert.equal(formatPence(4701300), '£47,013.00')
  assert.equal(formatPence(42979555), '£429,795.55')
  assert.equal(formatPence(5), '£0.05')
  assert.equal(formatPence(-123456), '-£1,234.56')
  assert.equal(formatPence(212500000), '£2,125,000.00')
})

test('reads typed amounts exactly, without binary floating point', () => {
  assert.equal(parsePoundsInput('1,234.56'), 123456)
  assert.equal(parsePoundsInput('£0.10'), 10)
  assert.equal(parsePoundsInput('0.29'), 29)
  assert.equal(parsePoundsInput('1.1'), 110)
  assert.equal(parsePoundsInput('23966'), 2396600)
  assert.throws(() => parsePoundsInput('12.345'), /not an amount of money/)
  assert.throws(() => parsePoundsInput('abc'), /not an amount of money/)
})

test('exports decimal strings and sums exactly', () => {
  assert.equal(penceToDecimalString(4701300), '47013.00')
  assert.equal(penceToDecimalString(-7), '-0.07')
  assert.equal(penceToPounds(4819012), 48190.12)
  assert.equal(sumPence([1, 2, 3]), 6)
  assert.throws(() => sumPence([0.5]), /whole number of pence/)
})
