import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  monthLabel,
  panelReport,
  parseExpectedMonth,
  parseQuarter,
  quarter,
  quarterOf,
  quartersBetween,
  type PlanEntryFacts,
} from '../../../src/domain/forward-plan.ts'

test('financial-year quarters run April to June as Q1 through January to March as Q4', () => {
  assert.deepEqual(
    [quarterOf('2024-04-01'), quarterOf('2024-06-30'), quarterOf('2024-07-01'), quarterOf('2024-12-31')].map(
      (q) => q.label,
    ),
    ['Q1 2024/25', 'Q1 2024/25', 'Q2 2024/25', 'Q3 2024/25'],
  )
  const q4 = quarterOf('2025-02-14')
  assert.equal(q4.label, 'Q4 2024/25')
  assert.equal(q4.start, '2025-01-01')
  assert.equal(q4.end, '2025-03-31')
  assert.equal(q4.months, 'January to March 2025')
  assert.equal(quarter(2024, 3).end, '2024-12-31')
  assert.equal(parseQuarter('2024-q4')?.id, '2024-q4')
  assert.equal(parseQuarter('2024-q5'), null)
  assert.equal(parseQuarter('Q1'), null)
  assert.deepEqual(
    quartersBetween('2024-02-10', '2024-08-01').map((q) => q.id),
    ['2024-q2', '2024-q1', '2023-q4'],
  )
})

test('reads the expected month from its month and year boxes', () => {
  assert.deepEqual(parseExpectedMonth('3', '2025'), { month: '2025-03-01' })
  assert.deepEqual(parseExpectedMonth('', ''), { error: 'Enter the month the decision is expected in' })
  assert.deepEqual(parseExpectedMonth('13', '2025'), { error: 'The expected month must be a real month, like 3 2025' })
  assert.deepEqual(parseExpectedMonth('3', ''), { error: 'The expected month must include a year' })
  assert.equal(monthLabel('2025-03-01'), 'March 2025')
})

interface Entry extends PlanEntryFacts {
  name: string
}
const entry = (name: string, expectedMonth: string, rest: Partial<Entry> = {}): Entry => ({
  name,
  expectedMonth,
  status: 'planned',
  takenOn: null,
  droppedOn: null,
  ...rest,
})

test('the panel report sorts a quarter into on time, late, dropped, outstanding and never planned', () => {
  const q4 = quarter(2023, 4) // January to March 2024
  const entries = [
    entry('early', '2024-03-01', { status: 'taken', takenOn: '2024-02-10' }),
    entry('in its month', '2024-02-01', { status: 'taken', takenOn: '2024-02-29' }),
    entry('late', '2024-01-01', { status: 'taken', takenOn: '2024-03-01' }),
    entry('taken last quarter', '2023-11-01', { status: 'taken', takenOn: '2023-12-01' }),
    entry('dropped', '2024-02-01', { status: 'dropped', droppedOn: '2024-02-20' }),
    entry('dropped after the quarter', '2024-01-01', { status: 'dropped', droppedOn: '2024-04-02' }),
    entry('overdue from last year', '2023-06-01'),
    entry('due in the last month', '2024-03-01'),
    entry('taken after the quarter', '2024-02-01', { status: 'taken', takenOn: '2024-05-01' }),
    entry('not due yet', '2024-04-01'),
  ]
  const decisions = [
    { ref: 'A', takenOn: '2024-03-05', onPlan: false },
    { ref: 'B', takenOn: '2024-03-01', onPlan: true },
    { ref: 'C', takenOn: '2024-04-01', onPlan: false },
    { ref: 'D', takenOn: '2023-12-31', onPlan: false },
  ]
  const report = panelReport(q4, entries, decisions, '2026-12-02')
  const names = (list: Entry[]) => list.map((e) => e.name)
  assert.equal(report.asOf, '2024-03-31')
  assert.deepEqual(names(report.onTime), ['early', 'in its month'])
  assert.deepEqual(names(report.late), ['late'])
  assert.deepEqual(names(report.dropped), ['dropped'])
  assert.deepEqual(names(report.outstanding), [
    'dropped after the quarter',
    'overdue from last year',
    'due in the last month',
    'taken after the quarter',
  ])
  assert.deepEqual(
    report.neverPlanned.map((d) => d.ref),
    ['A'],
  )
})

test('a quarter still running is judged on today, and a future quarter holds nothing', () => {
  const running = quarter(2026, 3) // October to December 2026
  const entries = [entry('due in October', '2026-10-01'), entry('due in December', '2026-12-01')]
  const decisions = [{ takenOn: '2026-12-05', onPlan: false }]
  const report = panelReport(running, entries, decisions, '2026-12-02')
  assert.equal(report.asOf, '2026-12-02')
  assert.deepEqual(
    report.outstanding.map((e) => e.name),
    ['due in October'],
  )
  assert.equal(report.neverPlanned.length, 0)
  const future = panelReport(quarter(2027, 1), entries, [{ takenOn: '2027-04-02', onPlan: false }], '2026-12-02')
  assert.equal(future.outstanding.length + future.neverPlanned.length, 0)
})
