import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { awardFields, readField, type AwardFieldWords } from '../../../../src/services/shared/award-fields.ts'
import { parseReview, reviewValuesFrom } from '../../../../src/services/imports/review-form.ts'
import { parseAwardForm } from '../../../../src/web/routes/staff/decisions/award-form.ts'

const words: AwardFieldWords = {
  amount: { missing: 'no amount', notPounds: 'not pounds', tooSmall: 'too small', leastPence: 1 },
  recipientMissing: 'no recipient',
  recipient: 'The payee',
  via: 'The go-between',
  routeNotListed: 'odd route',
}

function read(name: keyof ReturnType<typeof awardFields>, text: string, extra: Partial<AwardFieldWords> = {}) {
  const errors: Record<string, string> = {}
  const value = readField(errors, name, awardFields({ ...words, ...extra })[name], text)
  return { value, error: errors[name] }
}

describe('the fields every award form shares', () => {
  test('an amount typed in pounds is read as pence, in the form’s own words when it is wrong', () => {
    assert.deepEqual(read('amount', ' 23,966.5 '), { value: 2396650, error: undefined })
    assert.deepEqual(read('amount', ''), { value: null, error: 'no amount' })
    assert.deepEqual(read('amount', 'lots'), { value: null, error: 'not pounds' })
    assert.deepEqual(read('amount', '0'), { value: null, error: 'too small' })
    assert.equal(read('amount', '0', { amount: { ...words.amount, leastPence: 0 } }).value, 0)
  })

  test('names are trimmed and limited to 300 characters; a blank lead commissioner is none', () => {
    assert.deepEqual(read('recipient', '  Juno  '), { value: 'Juno', error: undefined })
    assert.equal(read('recipient', ' ').error, 'no recipient')
    assert.equal(read('recipient', 'x'.repeat(301)).error, 'The payee must be 300 characters or fewer')
    assert.deepEqual(read('via', ''), { value: null, error: undefined })
    assert.equal(read('via', 'x'.repeat(301)).error, 'The go-between must be 300 characters or fewer')
  })

  test('a route comes from the list; blank is none unless the form asks for one', () => {
    assert.deepEqual(read('route', 'direct_award'), { value: 'direct_award', error: undefined })
    assert.deepEqual(read('route', ''), { value: null, error: undefined })
    assert.equal(read('route', 'bribe').error, 'odd route')
    assert.equal(read('route', '', { routeMissing: 'pick a route' }).error, 'pick a route')
  })

  test('the import review and the award page read the same amount, each in its own words', () => {
    const review = parseReview(
      reviewValuesFrom({ 'awards-0-recipient': 'Juno', 'awards-0-amount': '£1,234.56', 'awards-1-amount': 'x' }),
    )
    assert.equal(review.errors['awards-1-amount'], 'Award 2: enter the amount in pounds, like 23,966 or 1,234.56')
    assert.equal(review.errors['awards-1-recipient'], 'Award 2: enter who receives the money')
    assert.equal(review.errors['awards-0-amount'], undefined)

    const page = parseAwardForm({ recipient: 'Juno', amount: '£1,234.56', route: 'none of these' })
    assert.equal(page.errors.amount, undefined)
    assert.equal(page.errors.route, 'Choose how the award was procured')
    assert.equal(parseAwardForm({ amount: 'x' }).errors.amount, 'Enter the amount in pounds, like 23,966 or 1,234.56')
    assert.equal(parseAwardForm({ amount: '0' }).errors.amount, 'The amount must be more than £0')
    assert.equal(parseAwardForm({ amount: ' ' }).errors.amount, 'Enter the amount in pounds')
  })
})
