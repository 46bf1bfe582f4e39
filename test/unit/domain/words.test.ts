import { test } from 'node:test'
import assert from 'node:assert/strict'
import { labelledWords } from '../../../src/domain/words.ts'
import { DECISION_STATUSES, LINK_KINDS, LINK_LABELS, STATUS_LABELS, linkWording } from '../../../src/domain/decision.ts'

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

test('a link between decisions is worded from each side, the later decision’s side being its label', () => {
  assert.deepEqual(LINK_KINDS, ['follows', 'supersedes', 'extends'])
  assert.equal(linkWording('supersedes', 'from'), 'Supersedes')
  assert.equal(linkWording('supersedes', 'to'), 'Is superseded by')
  assert.equal(linkWording('follows', 'to'), 'Is followed by')
  for (const kind of LINK_KINDS) assert.equal(LINK_LABELS[kind], linkWording(kind, 'from'))
})
