import type { Generated, GeneratedAlways } from 'kysely'

export interface ContributionsTable {
  id: GeneratedAlways<number>
  decision_id: number | null
  service_id: number | null
  organisation_id: number | null
  organisation_name: string
  amount_pence: number
  per_annum: Generated<boolean>
  up_to: Generated<boolean>
  financial_year: number | null
  condition: string | null
  pro_rata_with_partners: Generated<boolean>
  /** Subject to funding still to come: from the stream named, or on the condition in words. */
  subject_to_funding: Generated<boolean>
  funding_stream_id: Generated<number | null>
  funding_condition: Generated<string | null>
}
