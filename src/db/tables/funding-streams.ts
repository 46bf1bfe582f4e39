import type { Generated, GeneratedAlways } from 'kysely'

export interface FundingStreamsTable {
  id: GeneratedAlways<number>
  office_id: number | null
  name: string
  slug: string
  funder_id: number | null
  description: string | null
  conditions: string | null
  match_funding_required: Generated<boolean>
  created_at: Generated<Date>
  grant_start: string | null
  grant_end: string | null
  spend_by: string | null
  agreement_reference: string | null
  funding_status: Generated<'confirmed' | 'expected'>
  ring_fenced_service_types: Generated<string[]>
  ring_fence_names: Generated<string[]>
}

export interface FundingStreamMatchFundingTable {
  id: GeneratedAlways<number>
  funding_stream_id: number
  financial_year: number
  from_organisation_id: number | null
  from_name: string
  amount_pence: number | null
  share_percent: number | null
}
