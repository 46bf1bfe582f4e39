import type { Generated, GeneratedAlways } from 'kysely'
import type { Classification, DecisionKind, DecisionStatus } from '../../domain/decision.ts'

export interface DecisionsTable {
  id: GeneratedAlways<number>
  office_id: number
  reference: string | null
  slug: string | null
  kind: Generated<DecisionKind>
  title: string
  status: Generated<DecisionStatus>
  review_status: Generated<'unreviewed' | 'reviewed'>
  date_received: string | null
  date_decided: string | null
  date_published: string | null
  author_name: string | null
  author_contact: string | null
  classification: Generated<Classification>
  exemption: string | null
  executive_summary: string | null
  decision_text: string | null
  revenue_or_capital: 'revenue' | 'capital' | 'both' | null
  in_budget: boolean | null
  declaration: 'no_interest' | 'interest_declared' | null
  declared_interest: string | null
  decision_maker_name: string | null
  decision_maker_title: string | null
  stated_total_pence: number | null
  stated_total_per_annum: Generated<boolean>
  source_document_id: number | null
  public_text: Generated<string>
  search: GeneratedAlways<string>
  version: Generated<number>
  created_by: number | null
  /** The officer the author handed the draft to; null while the author holds it. */
  held_by: Generated<number | null>
  created_at: Generated<Date>
  updated_at: Generated<Date>
  submission_round: Generated<number>
  returned_comment: string | null
  rejection_reasons: string | null
  awards_exemption: string | null
  significant_public_interest: Generated<boolean>
}
