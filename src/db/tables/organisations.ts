import type { Generated, GeneratedAlways } from 'kysely'
import type { OrganisationKind } from '../../domain/organisation.ts'

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

export interface OrganisationMergesTable {
  id: GeneratedAlways<number>
  source_id: number
  target_id: number
  /** The ids of every row the merge moved, so that it can be undone: see OrganisationMergeRepository. */
  moved: unknown
  merged_by: number | null
  merged_at: Generated<Date>
  undone_by: number | null
  undone_at: Date | null
}
