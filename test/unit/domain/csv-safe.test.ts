import { test } from 'node:test'
import assert from 'node:assert/strict'
import { neutraliseCsvCell } from '../../../src/domain/csv-safe.ts'

test('a cell a spreadsheet would run as a formula is prefixed with a single quote', () => {
  for (const cell of ['=HYPERLINK("http://x")', '@SUM(A1)', '+cmd', '-2+3', '\tlead', '\rlead', '-', '=1']) {
    assert.equal(neutraliseCsvCell(cell), `'${cell}`, JSON.stringify(cell))
  }
})

test('plain numbers and ordinary text are left as they are', () => {
  for (const cell of ['-1500', '-12.50', '1500', 'Refuge services', 'a=b', '', "'already"]) {
    assert.equal(neutraliseCsvCell(cell), cell, JSON.stringify(cell))
  }
})
