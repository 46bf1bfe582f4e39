import type { Generated, GeneratedAlways } from 'kysely'

export interface UsersTable {
  id: GeneratedAlways<number>
  email: string
  name: string
  password_hash: string
  deployment_admin: Generated<boolean>
  active: Generated<boolean>
  failed_sign_ins: Generated<number>
  locked_until: Date | null
  sessions_valid_after: Generated<Date>
  created_at: Generated<Date>
  must_change_password: Generated<boolean>
}
