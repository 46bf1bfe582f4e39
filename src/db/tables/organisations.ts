import type { Generated, GeneratedAlways } from 'kysely'
import type { OrganisationKind } from '../../domain/decision.ts'

export interface OrganisationsTable {
  id: GeneratedAlways<number>
  kind: OrganisationKind
  name: string
  slug: string
  charity_number: string | null
  company_number: string | null
  org_id: string | null
  website: string | null
  merged_into_id: number | null
  needs_review: Generated<boolean>
  created_at: Generated<Date>
}
