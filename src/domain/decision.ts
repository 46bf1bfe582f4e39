/** The vocabulary of decision records, shared by the database, the services and the pages. */
import { labelledWords } from './words.ts'

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

export const { words: DECISION_KINDS, labels: KIND_LABELS } = labelledWords({
  decision: 'Decision',
  information: 'Information',
  report: 'Report',
  foi_response: 'FOI response',
})
export type DecisionKind = (typeof DECISION_KINDS)[number]

export const SIGN_OFF_STAGES = ['finance', 'chief_executive', 'decision_maker'] as const
export type SignOffStage = (typeof SIGN_OFF_STAGES)[number]

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

export const { words: CLASSIFICATIONS, labels: CLASSIFICATION_LABELS } = labelledWords({
  non_confidential: 'Not confidential',
  partially_confidential: 'Partially confidential',
  confidential: 'Confidential',
})
export type Classification = (typeof CLASSIFICATIONS)[number]

export const { words: ORGANISATION_KINDS, labels: ORGANISATION_KIND_LABELS } = labelledWords({
  office: 'Office',
  council: 'Council',
  provider: 'Provider',
  government_department: 'Government department',
  other: 'Other',
})
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]

export const { words: LINK_KINDS, labels: LINK_LABELS } = labelledWords({
  follows: 'Follows',
  supersedes: 'Supersedes',
  extends: 'Extends',
})
export type LinkKind = (typeof LINK_KINDS)[number]
