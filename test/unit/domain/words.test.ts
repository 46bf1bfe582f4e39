import { test } from 'node:test'
import assert from 'node:assert/strict'
import { labelledWords } from '../../../src/domain/words.ts'
import { DECISION_STATUSES, STATUS_LABELS } from '../../../src/domain/decision.ts'

test('a labelled list gives its words in the order its labels are written, with those labels', () => {
  const plan = labelledWords({ planned: 'Planned', taken: 'Taken', dropped: 'Dropped' })
  assert.deepEqual(plan.words, ['planned', 'taken', 'dropped'])
  assert.equal(plan.labels.taken, 'Taken')
})

test('decision statuses keep their lifecycle order and every status has its label', () => {
  assert.deepEqual(DECISION_STATUSES.slice(0, 5), [
    'draft',
    'submitted',
    'finance_approved',
    'executive_approved',
    'approved',
  ])
  for (const status of DECISION_STATUSES) assert.ok(STATUS_LABELS[status], status)
  assert.equal(STATUS_LABELS.finance_approved, 'Awaiting chief executive approval')
})
