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
  assert.equal(areaOf('Nottinghamshire'), 'Nottinghamshire')
  assert.equal(areaOf('West Midlands'), 'West Midlands')
  assert.equal(areaOf('North Wales'), 'North Wales')
  assert.equal(areaOf('Dyfed Powys'), 'Dyfed-Powys')
  assert.equal(areaOf('Avon & Somerset'), 'Avon and Somerset')
  assert.equal(areaOf('London'), 'London (Metropolitan Police and City of London)')
  assert.equal(
    areaOf('MOPAC', 'Mayor’s Office for Policing and Crime, London'),
    'London (Metropolitan Police and City of London)',
  )
  assert.equal(areaOf('Hampshire and Isle of Wight'), 'Hampshire')
  assert.equal(areaOf('Essex PFCC', 'Essex Office of the Police, Fire and Crime Commissioner'), 'Essex')
  assert.equal(areaOf('Midlands'), undefined)
  assert.equal(areaOf('Yorkshire'), undefined)
  assert.equal(areaOf('Wales'), undefined)
  assert.equal(areaOf('Greater Nowhere', 'Office for Somewhere Else'), undefined)
})
