import { test } from 'node:test'
import assert from 'node:assert/strict'
import { groupBy } from '../../../src/domain/group-by.ts'

const payments = [
  { award: 7, pence: 100 },
  { award: 3, pence: 250 },
  { award: 7, pence: 50 },
]

test('items are grouped by their key, in the order the items come, keys in the order first seen', () => {
  const byAward = groupBy(payments, (p) => p.award)
  assert.deepEqual([...byAward.keys()], [7, 3])
  assert.deepEqual(byAward.get(7), [payments[0], payments[2]])
  assert.deepEqual(byAward.get(3), [payments[1]])
})

test('a group keeps what `value` makes of each item', () => {
  assert.deepEqual(
    groupBy(
      payments,
      (p) => p.award,
      (p) => p.pence,
    ).get(7),
    [100, 50],
  )
})

test('no items make no groups', () => {
  assert.equal(groupBy([], () => 1).size, 0)
})
