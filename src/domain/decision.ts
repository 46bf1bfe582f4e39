/** The vocabulary of decision records, shared by the database, the services and the pages. */
import { labelledWords } from './words.ts'

/** How an award's provider was chosen. */
export const { words: PROCUREMENT_ROUTES, labels: ROUTE_LABELS } = labelledWords({
  direct_award: 'Direct award',
  framework_call_off: 'Framework call-off',
  open_tender: 'Open tender',
  grant: 'Grant',
})
export type ProcurementRoute = (typeof PROCUREMENT_ROUTES)[number]

/** The terms of an award's money: yearly or once, a ceiling or the sum, over what period, procured how. */
export interface AwardTerms {
  perAnnum: boolean
  upTo: boolean
  periodLabel: string | null
  periodStart: string | null
  periodEnd: string | null
  financialYear: number | null
  route: ProcurementRoute | null
}

/** What a record is: a decision notice, an information or a report notice, or a published FOI response. */
export const { words: DECISION_KINDS, labels: KIND_LABELS } = labelledWords({
  decision: 'Decision',
  information: 'Information',
  report: 'Report',
  foi_response: 'FOI response',
})
export type DecisionKind = (typeof DECISION_KINDS)[number]

export const SIGN_OFF_STAGES = ['finance', 'chief_executive', 'decision_maker'] as const
export type SignOffStage = (typeof SIGN_OFF_STAGES)[number]

/** Where a record stands, from draft through the three sign-offs to publication; imported records stand apart. */
export const { words: DECISION_STATUSES, labels: STATUS_LABELS } = labelledWords({
  draft: 'Draft',
  submitted: 'Awaiting finance sign-off',
  finance_approved: 'Awaiting chief executive approval',
  executive_approved: 'Awaiting decision',
  approved: 'Approved',
  rejected: 'Rejected',
  published: 'Published',
  withdrawn: 'Withdrawn',
  imported: 'Imported',
})
export type DecisionStatus = (typeof DECISION_STATUSES)[number]

/** Statuses whose records the public register shows. Imported records are published documents already. */
export const PUBLIC_STATUSES: readonly DecisionStatus[] = ['published', 'imported']

/** How much of a decision may be published. */
export const { words: CLASSIFICATIONS, labels: CLASSIFICATION_LABELS } = labelledWords({
  non_confidential: 'Not confidential',
  partially_confidential: 'Partially confidential',
  confidential: 'Confidential',
})
export type Classification = (typeof CLASSIFICATIONS)[number]

/**
 * How one decision relates to an earlier one, as each side of the link says it: the later decision "Follows"
 * the earlier one (`from`), and the earlier one "Is followed by" the later (`to`).
 */
const LINK_WORDING = {
  follows: { from: 'Follows', to: 'Is followed by' },
  supersedes: { from: 'Supersedes', to: 'Is superseded by' },
  extends: { from: 'Extends', to: 'Is extended by' },
} as const
export type LinkKind = keyof typeof LINK_WORDING
export const { words: LINK_KINDS, labels: LINK_LABELS } = labelledWords(
  Object.fromEntries(Object.entries(LINK_WORDING).map(([kind, wording]) => [kind, wording.from])) as Record<
    LinkKind,
    string
  >,
)

/** A link as the decision on `direction`'s side of it says it: "Supersedes", or "Is superseded by". */
export function linkWording(kind: LinkKind, direction: 'from' | 'to'): string {
  return LINK_WORDING[kind][direction]
}
