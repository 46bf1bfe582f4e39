/** What the review form holds (as typed) and what it yields once valid. */
import type { AwardTerms, DecisionKind } from '../../domain/decision.ts'

export interface ReviewedAward extends AwardTerms {
  recipient: string
  amountPence: number
  via: string | null
}

export interface ReviewedContribution {
  organisation: string
  amountPence: number
  perAnnum: boolean
  upTo: boolean
}

export interface ReviewInput {
  kind: DecisionKind
  officeId: number
  reference: string
  title: string
  /** The document's summary and its decision as worded: what the public page shows and search reads. */
  summary: string | null
  decisionText: string | null
  decisionDate: string | null
  statedTotalPence: number | null
  statedTotalPerAnnum: boolean
  awards: ReviewedAward[]
  contributions: ReviewedContribution[]
  areas: string[]
}

/** One row as typed, kept to show the form again. */
export interface AwardRowValues {
  recipient: string
  amount: string
  period: string
  start: string
  end: string
  perAnnum: boolean
  upTo: boolean
  via: string
  route: string
  line: string
  remove: boolean
}

export interface ContributionRowValues {
  organisation: string
  amount: string
  perAnnum: boolean
  upTo: boolean
  line: string
  remove: boolean
}

export interface ReviewValues {
  kind: string
  officeId: string
  reference: string
  title: string
  summary: string
  decisionText: string
  decisionDate: string
  statedTotal: string
  statedTotalPerAnnum: boolean
  areas: string
  awards: AwardRowValues[]
  contributions: ContributionRowValues[]
}

export type FieldErrors = Record<string, string>
