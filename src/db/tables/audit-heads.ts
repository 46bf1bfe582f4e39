import type { Generated, GeneratedAlways } from 'kysely'

export interface AuditHeadsTable {
  id: GeneratedAlways<number>
  published_at: Generated<Date>
  entries: number
  last_entry_id: number | null
  head_hash: string
}
