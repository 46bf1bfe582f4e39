import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { decisionOutcome, outcomeTag } from '../../../../src/services/decisions/outcome.ts'
import { workQueue, type StaffListRow } from '../../../../src/services/decisions/work-queue.ts'

const row = (id: number, fields: Partial<StaffListRow>): StaffListRow => ({
  id,
  office_id: 1,
  reference: null,
  title: `Decision ${id}`,
  status: 'draft',
  created_by: 1,
  held_by: null,
  updated_at: new Date(),
  slug: null,
  author_name: null,
  returned_comment: null,
  rejection_reasons: null,
  ...fields,
})

describe('one person’s work', () => {
  const rows = [
    row(1, {}),
    row(2, { returned_comment: 'Add the costs' }),
    row(3, { created_by: 2 }),
    row(4, { created_by: 2, held_by: 1 }),
    row(5, { status: 'submitted', created_by: 2 }),
    row(6, { status: 'finance_approved', created_by: 2 }),
    row(7, { status: 'rejected', created_by: 2, rejection_reasons: 'No budget' }),
  ]

  test('an officer’s drafts are split into returned and not, including one handed to them', () => {
    const work = workQueue(rows, { id: 1, roles: ['officer'] }, new Set([1, 2, 4]))
    assert.deepEqual(
      work.drafts.map((d) => d.id),
      [1, 4],
    )
    assert.deepEqual(
      work.returned.map((d) => d.id),
      [2],
    )
    assert.deepEqual(
      work.toPublish.map((d) => d.id),
      [7],
    )
    assert.deepEqual(work.waiting, [])
  })

  test('a finance officer waits only for the finance stage, and never for what they changed', () => {
    assert.deepEqual(
      workQueue(rows, { id: 3, roles: ['finance_officer'] }, new Set()).waiting.map((d) => d.id),
      [5],
    )
    assert.deepEqual(workQueue(rows, { id: 3, roles: ['finance_officer'] }, new Set([5])).waiting, [])
    assert.deepEqual(workQueue(rows, { id: 3, roles: ['finance_officer'] }, new Set()).toPublish, [])
  })
})

describe('the outcome of a decision', () => {
  test('a published decision keeps its rejection', () => {
    assert.equal(decisionOutcome({ status: 'published', rejection_reasons: 'Funded nationally' }), 'rejected')
    assert.equal(decisionOutcome({ status: 'published', rejection_reasons: null }), 'approved')
    assert.equal(decisionOutcome({ status: 'submitted', rejection_reasons: null }), null)
    assert.equal(outcomeTag({ status: 'published', rejection_reasons: 'x' }).text, 'Rejected')
    assert.equal(outcomeTag({ status: 'draft', rejection_reasons: null, returned_comment: 'Fix' }).text, 'Returned')
    assert.equal(outcomeTag({ status: 'executive_approved', rejection_reasons: null }).text, 'In sign-off')
  })
})
