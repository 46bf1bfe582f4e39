import type { GeneratedAlways } from 'kysely'

export interface OrganisationAliasesTable {
  id: GeneratedAlways<number>
  organisation_id: number
  alias: string
}
