import { test } from 'node:test'
import assert from 'node:assert/strict'
import { slugify } from '../../../src/domain/slug.ts'

test('makes stable address segments from references and names', () => {
  const cases: Array<[string, string]> = [
    ['PCCML/ 000407/2018', 'pccml-000407-2018'],
    ['2021.021', '2021-021'],
    ["Juno Women's Aid", 'juno-women-s-aid'],
    ['Police & Crime', 'police-and-crime'],
    ['Café Ölm', 'cafe-olm'],
  ]
  for (const [text, slug] of cases) assert.equal(slugify(text), slug, text)
})
