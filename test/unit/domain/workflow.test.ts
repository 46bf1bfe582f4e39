import { test } from 'node:test'
import assert from 'node:assert/strict'
import { isEditable, isPublishable, mayActOnStage } from '../../../src/domain/workflow.ts'

const base = {
  signerId: 2,
  signerRoles: ['finance_officer'] as const,
  authorId: 1,
  status: 'submitted' as const,
  earlierSigners: [],
}

test('the finance officer signs a submitted decision', () => {
  assert.deepEqual(mayActOnStage(base), { ok: true, stage: 'finance' })
})

test('only the role of the current stage may sign it', () => {
  const verdict = mayActOnStage({ ...base, signerRoles: ['chief_executive'] })
  assert.equal(verdict.ok, false)
  assert.match(!verdict.ok ? verdict.reason : '', /Only a finance officer/)
})

test('nobody signs a decision they wrote, whatever their roles', () => {
  const verdict = mayActOnStage({ ...base, signerId: 1, signerRoles: ['officer', 'finance_officer'] })
  assert.match(!verdict.ok ? verdict.reason : '', /You wrote this decision/)
})

test('nobody signs two stages of one decision', () => {
  const verdict = mayActOnStage({
    ...base,
    status: 'finance_approved',
    signerRoles: ['finance_officer', 'chief_executive'],
    earlierSigners: [{ userId: 2, stage: 'finance' }],
  })
  assert.match(!verdict.ok ? verdict.reason : '', /You gave the finance sign-off/)
})

test('the same person may sign the same stage again in a later round', () => {
  assert.deepEqual(mayActOnStage({ ...base, earlierSigners: [{ userId: 2, stage: 'finance' }] }), {
    ok: true,
    stage: 'finance',
  })
})

test('drafts, approved and other statuses', () => {
  assert.equal(mayActOnStage({ ...base, status: 'draft' }).ok, false)
  assert.equal(isEditable('draft'), true)
  assert.equal(isEditable('submitted'), false)
  assert.equal(isPublishable('approved'), true)
  assert.equal(isPublishable('rejected'), true)
  assert.equal(isPublishable('executive_approved'), false)
})
