import { slugify } from '../../../src/domain/slug.ts'
import { eachCase } from '../../support/cases.ts'

eachCase('makes stable address segments from references and names', slugify, [
  ['PCCML/ 000407/2018', 'pccml-000407-2018'],
  ['2021.021', '2021-021'],
  ["Juno Women's Aid", 'juno-women-s-aid'],
  ['Police & Crime', 'police-and-crime'],
  ['Café Ölm', 'cafe-olm'],
])
