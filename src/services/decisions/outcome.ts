import type { DecisionStatus } from '../../domain/decision.ts'

export type DecisionOutcome = 'approved' | 'rejected' | null

/**
 * What the decision maker decided, whatever has happened since: a published decision keeps the outcome it
 * was published with (its rejection reasons mark a rejection). Null while no decision has been made.
 */
export function decisionOutcome(d: { status: DecisionStatus; rejection_reasons: string | null }): DecisionOutcome {
  if (d.status === 'rejected') return 'rejected'
  if (d.status === 'approved') return 'approved'
  if (d.status === 'published') return d.rejection_reasons ? 'rejected' : 'approved'
  return null
}

/** The tag a staff list shows for a decision: where it is in its journey, or the outcome once decided. */
export function outcomeTag(d: {
  status: DecisionStatus
  rejection_reasons: string | null
  returned_comment?: string | null
}): { text: string; classes: string } {
  const outcome = decisionOutcome(d)
  if (outcome === 'rejected') return { text: 'Rejected', classes: 'govuk-tag--red' }
  if (outcome === 'approved') return { text: 'Approved', classes: 'govuk-tag--green' }
  if (d.status === 'draft')
    return d.returned_comment
      ? { text: 'Returned', classes: 'govuk-tag--orange' }
      : { text: 'Draft', classes: 'govuk-tag--grey' }
  return { text: 'In sign-off', classes: 'govuk-tag--blue' }
}
