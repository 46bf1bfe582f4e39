import { test } from 'node:test'
import assert from 'node:assert/strict'
import { slugify } from '../../../src/domain/slug.ts'

test('makes stable address segments from references and names', () => {
  assert.equal(slugify('PCCML/ 000407/2018'), 'pccml-000407-2018')
  assert.equal(slugify('2021.021'), '2021-021')
  assert.equal(slugify("Juno Women's Aid"), 'juno-women-s-aid')
  assert.equal(slugify('Police & Crime'), 'police-and-crime')
  assert.equal(slugify('Café Ölm'), 'cafe-olm')
})
