import { test } from 'node:test'
import assert from 'node:assert/strict'
import { guessServiceType } from '../../../src/domain/service-types.ts'

test('an award’s purpose suggests the kind of service it pays for', () => {
  const cases: Array<[string, string]> = [
    ['Two IDVA posts at the hospital', 'idva'],
    ['Independent Sexual Violence Advisers for young people', 'isva'],
    ['Eight refuge places in Mansfield', 'refuge'],
    ['Night car pilot with the ambulance service', 'partnership_car'],
    ['Counselling for children', 'counselling'],
    ['Rural outreach workers', 'outreach'],
    ['Perpetrator programme for men', 'perpetrator_programme'],
    ['Office furniture', ''],
  ]
  for (const [purpose, type] of cases) assert.equal(guessServiceType(purpose), type, purpose)
})
