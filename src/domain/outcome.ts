/**
 * What became of a decision, as the public reads it: one GOV.UK tag everywhere a decision is shown.
 */
import type { Classification, DecisionStatus } from './decision.ts'

export type PublicOutcome = 'approved' | 'rejected' | 'confidential' | 'imported'

export const OUTCOME_TAGS: Record<PublicOutcome, { text: string; classes: string }> = {
  approved: { text: 'Approved', classes: 'govuk-tag--green' },
  rejected: { text: 'Rejected', classes: 'govuk-tag--red' },
  confidential: { text: 'Confidential', classes: 'govuk-tag--grey' },
  imported: { text: 'Imported from a published document', classes: 'govuk-tag--blue' },
}

export function publicOutcome(decision: {
  status: DecisionStatus
  classification: Classification
  rejected: boolean
}): PublicOutcome {
  if (decision.classification === 'confidential') return 'confidential'
  if (decision.status === 'imported') return 'imported'
  return decision.rejected ? 'rejected' : 'approved'
}

/** Whether the decision maker's latest word on a decision was to reject it. */
export function isRejected(signOffs: ReadonlyArray<{ stage: string; outcome: string; id?: number }>): boolean {
  const final = signOffs.filter((s) => s.stage === 'decision_maker').at(-1)
  return final?.outcome === 'rejected'
}

/**
 * A sign-off's outcome in public words. Finance and the chief executive sign off; only the decision maker
 * approves or rejects, so a rejected decision never reads "Approved".
 */
export function signOffOutcomeText(stage: string, outcome: string): string {
  if (outcome === 'rejected') return 'Rejected'
  if (outcome === 'returned') return 'Returned'
  return stage === 'decision_maker' ? 'Approved' : 'Signed off'
}
