import { guessServiceType } from '../../../src/domain/service-types.ts'
import { eachCase } from '../../support/cases.ts'

eachCase('an award’s purpose suggests the kind of service it pays for', guessServiceType, [
  ['Two IDVA posts at the hospital', 'idva'],
  ['Independent Sexual Violence Advisers for young people', 'isva'],
  ['Eight refuge places in Mansfield', 'refuge'],
  ['Night car pilot with the ambulance service', 'partnership_car'],
  ['Counselling for children', 'counselling'],
  ['Rural outreach workers', 'outreach'],
  ['Perpetrator programme for men', 'perpetrator_programme'],
  ['Office furniture', ''],
])
