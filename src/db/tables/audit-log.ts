import type { Generated, GeneratedAlways } from 'kysely'

export interface AuditLogTable {
  id: GeneratedAlways<number>
  at: Generated<Date>
  actor_user_id: number | null
  actor_label: string
  action: string
  entity_type: string
  entity_id: string | null
  before: unknown | null
  after: unknown | null
  previous_hash: string
  hash: string
  /** The office the entry concerns, for filtering (not part of the hash); null for the register as a whole. */
  office_id: number | null
}
