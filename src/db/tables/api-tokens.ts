import type { Generated, GeneratedAlways } from 'kysely'

export interface ApiTokensTable {
  id: GeneratedAlways<number>
  user_id: number
  name: string
  token_hash: string
  scope: string
  created_at: Generated<Date>
  last_used_at: Date | null
  revoked_at: Date | null
  expires_at: Date
}
