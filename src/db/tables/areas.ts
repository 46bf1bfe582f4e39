import type { Generated, GeneratedAlways } from 'kysely'

export interface AreasTable {
  id: GeneratedAlways<number>
  name: string
  slug: string
  kind: Generated<string>
  parent_id: number | null
  gss_code: string | null
}
