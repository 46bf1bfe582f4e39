import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildAwardTable, type AwardCell } from '../../../src/domain/award-table.ts'

function award(
  recipientName: string,
  periodLabel: string | null,
  periodStart: string | null,
  amountPence: number,
  extra: Partial<AwardCell> = {},
): AwardCell {
  return {
    recipientName,
    purpose: null,
    viaName: null,
    route: null,
    periodLabel,
    periodStart,
    amountPence,
    perAnnum: false,
    upTo: false,
    ...extra,
  }
}

test('lays awards out by recipient and period, periods in date order, with totals per period', () => {
  const table = buildAwardTable([
    award('NWA', 'Apr24- Mar25', '2024-04-01', 2922300),
    award('NWA', 'Oct23- Mar24', '2023-10-01', 1141700),
    award('Equation', 'Oct23- Mar24', '2023-10-01', 303164),
  ])
  assert.deepEqual(table.periods, ['Oct23- Mar24', 'Apr24- Mar25'])
  assert.equal(table.rows.length, 2)
  assert.equal(table.rows[0]!.cells[1]!.amountPence, 2922300)
  assert.equal(table.rows[1]!.cells[1], null)
  assert.deepEqual(table.periodTotalsPence, [1444864, 2922300])
  assert.equal(table.grandTotalPence, 4367164)
})

test('never adds per-annum or "up to" amounts into totals as if they were one-off sums', () => {
  const table = buildAwardTable([
    award('A', '2024/25', '2024-04-01', 100),
    award('B', '2024/25', '2024-04-01', 5000, { perAnnum: true, upTo: true }),
  ])
  assert.deepEqual(table.periodTotalsPence, [100])
  assert.equal(table.hasRecurringAmounts, true)
})

test('awards without a period go in their own column', () => {
  const table = buildAwardTable([award('A', null, null, 100)])
  assert.deepEqual(table.periods, ['No period stated'])
  assert.equal(table.grandTotalPence, 100)
})
