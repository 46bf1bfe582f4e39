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
}
