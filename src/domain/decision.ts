/** The vocabulary of decision records, shared by the database, the services and the pages. */

export const DECISION_KINDS = ['decision', 'information', 'report', 'foi_response'] as const
export type DecisionKind = (typeof DECISION_KINDS)[number]

export const DECISION_STATUSES = [
  'draft',
  'submitted',
  'finance_approved',
  'executive_approved',
  'approved',
  'rejected',
  'published',
  'withdrawn',
  'imported',
] as const
export type DecisionStatus = (typeof DECISION_STATUSES)[number]

export const CLASSIFICATIONS = ['non_confidential', 'partially_confidential', 'confidential'] as const
export type Classification = (typeof CLASSIFICATIONS)[number]

export const PROCUREMENT_ROUTES = ['direct_award', 'framework_call_off', 'open_tender', 'grant'] as const
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

export const LINK_KINDS = ['follows', 'supersedes', 'extends'] as const
export type LinkKind = (typeof LINK_KINDS)[number]

export const SIGN_OFF_STAGES = ['finance', 'chief_executive', 'decision_maker'] as const
export type SignOffStage = (typeof SIGN_OFF_STAGES)[number]

export const ORGANISATION_KINDS = ['office', 'council', 'provider', 'government_department', 'other'] as const
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]

/** Statuses whose records the public register shows. Imported records are published documents already. */
export const PUBLIC_STATUSES: readonly DecisionStatus[] = ['published', 'imported']

export const KIND_LABELS: Record<DecisionKind, string> = {
  decision: 'Decision',
  information: 'Information',
  report: 'Report',
  foi_response: 'FOI response',
}

export const STATUS_LABELS: Record<DecisionStatus, string> = {
  draft: 'Draft',
  submitted: 'Awaiting finance sign-off',
  finance_approved: 'Awaiting chief executive approval',
  executive_approved: 'Awaiting decision',
  approved: 'Approved',
  rejected: 'Rejected',
  published: 'Published',
  withdrawn: 'Withdrawn',
  imported: 'Imported',
}

export const CLASSIFICATION_LABELS: Record<Classification, string> = {
  non_confidential: 'Not confidential',
  partially_confidential: 'Partially confidential',
  confidential: 'Confidential',
}

export const ROUTE_LABELS: Record<ProcurementRoute, string> = {
  direct_award: 'Direct award',
  framework_call_off: 'Framework call-off',
  open_tender: 'Open tender',
  grant: 'Grant',
}

export const LINK_LABELS: Record<LinkKind, string> = {
  follows: 'Follows',
  supersedes: 'Supersedes',
  extends: 'Extends',
}
