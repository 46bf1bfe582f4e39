import { test } from 'node:test'
import assert from 'node:assert/strict'
import { POLICE_FORCE_AREA_POPULATIONS, policeForceAreaOf } from '../../../src/domain/police-force-populations.ts'

const areaOf = (shortName: string, name = '') => policeForceAreaOf({ shortName, name })?.area

test('the reference data has one figure for each police force area of England and Wales, London as one', () => {
  assert.equal(POLICE_FORCE_AREA_POPULATIONS.length, 42)
  assert.equal(new Set(POLICE_FORCE_AREA_POPULATIONS.map((p) => p.area)).size, 42)
  for (const p of POLICE_FORCE_AREA_POPULATIONS)
    assert.ok(Number.isSafeInteger(p.population) && p.population > 400_000, p.area)
  assert.equal(POLICE_FORCE_AREA_POPULATIONS.filter((p) => !p.crossChecked).length, 7)
})

test('an office’s area is read from its short name, else its name, the longest area name first', () => {
  const LONDON = 'London (Metropolitan Police and City of London)'
  const cases: Array<[string, string, string | undefined]> = [
    ['Nottinghamshire', '', 'Nottinghamshire'],
    ['West Midlands', '', 'West Midlands'],
    ['North Wales', '', 'North Wales'],
    ['Dyfed Powys', '', 'Dyfed-Powys'],
    ['Avon & Somerset', '', 'Avon and Somerset'],
    ['London', '', LONDON],
    ['MOPAC', 'Mayor’s Office for Policing and Crime, London', LONDON],
    ['Hampshire and Isle of Wight', '', 'Hampshire'],
    ['Essex PFCC', 'Essex Office of the Police, Fire and Crime Commissioner', 'Essex'],
    ['Midlands', '', undefined],
    ['Yorkshire', '', undefined],
    ['Wales', '', undefined],
    ['Greater Nowhere', 'Office for Somewhere Else', undefined],
  ]
  for (const [shortName, name, area] of cases) assert.equal(areaOf(shortName, name), area, shortName)
})
