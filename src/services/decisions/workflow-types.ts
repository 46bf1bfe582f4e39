import { type Selectable } from 'kysely'
import { type NewAward, type NewContribution } from '../../db/repositories/decisions/decisions.ts'
import type { DecisionsTable } from '../../db/tables/index.ts'
import type { Classification, DecisionKind } from '../../domain/decision.ts'
import type { Role } from '../../domain/roles.ts'
import { labelledWords } from '../../domain/words.ts'

export class WorkflowError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}

/** The record changed since the person opened it: their save is refused and their input kept. */
export class ConcurrentEditError extends WorkflowError {
  constructor() {
    super(
      'Someone else saved changes to this decision after you opened it. Your changes have not been saved: they are shown below. Check them against the current record and save again.',
    )
  }
}

/** Submission refused: these required sections of the task list are not completed. */
export class SectionsLeftError extends WorkflowError {
  constructor(readonly sections: ReadonlyArray<{ key: string; title: string; path: string }>) {
    super(
      `Complete ${sections.length === 1 ? 'this section' : 'these sections'} before you submit: ${sections.map((s) => s.title).join(', ')}`,
    )
  }
}

export interface Signer {
  userId: number
  name: string
  roles: readonly Role[]
}

export interface DraftDetails {
  /** The office the decision is for, when the officer works for more than one. */
  officeId?: number
  kind: Exclude<DecisionKind, 'foi_response'>
  title: string
  authorName: string
  authorContact: string | null
  executiveSummary: string | null
  supportingInformation: string | null
  recommendations: string | null
  decisionText: string | null
}

export interface FinanceDetails {
  revenueOrCapital: 'revenue' | 'capital' | 'both' | null
  inBudget: boolean | null
  financialInformation: string | null
  /** The total the notice states; left as it is when not given. */
  statedTotal?: number | null
}

export interface MoneyDetails {
  statedTotalPence: number | null
  /** Recipients, lead commissioners and partners by name: known organisations are matched, new ones created. */
  awards: Array<Omit<NewAward, 'recipientId' | 'viaId'> & { viaName: string | null }>
  contributions: Array<Omit<NewContribution, 'organisationId'>>
}

export interface ClassificationDetails {
  classification: Classification
  exemption: string | null
  /** Section key → exemption relied on, for each withheld section. */
  withheldSections: Record<string, string>
  awardsExemption: string | null
}

export interface SignOffInput {
  outcome: 'approved' | 'rejected' | 'returned'
  comment: string | null
  declaration: 'no_interest' | 'interest_declared' | null
  declaredInterest: string | null
}

export const { words: SECTION_ORDER, labels: SECTION_HEADINGS } = labelledWords({
  supporting_information: 'Information in support of the decision',
  financial_information: 'Financial information',
  recommendations: 'Recommendations',
})
export type SectionKey = (typeof SECTION_ORDER)[number]

export type DecisionRow = Selectable<DecisionsTable>
