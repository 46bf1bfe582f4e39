import { test } from 'node:test'
import assert from 'node:assert/strict'
import { guessServiceType } from '../../../src/domain/service-types.ts'

test('an award’s purpose suggests the kind of service it pays for', () => {
  assert.equal(guessServiceType('Two IDVA posts at the hospital'), 'idva')
  assert.equal(guessServiceType('Independent Sexual Violence Advisers for young people'), 'isva')
  assert.equal(guessServiceType('Eight refuge places in Mansfield'), 'refuge')
  assert.equal(guessServiceType('Night car pilot with the ambulance service'), 'partnership_car')
  assert.equal(guessServiceType('Counselling for children'), 'counselling')
  assert.equal(guessServiceType('Rural outreach workers'), 'outreach')
  assert.equal(guessServiceType('Perpetrator programme for men'), 'perpetrator_programme')
  assert.equal(guessServiceType('Office furniture'), '')
})
