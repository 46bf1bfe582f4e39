import type { Generated, GeneratedAlways } from 'kysely'
import type { Role } from '../../domain/roles.ts'

export interface UsersTable {
  id: GeneratedAlways<number>
  email: string
  name: string
  password_hash: string
  roles: Generated<Role[]>
  office_id: number | null
  active: Generated<boolean>
  failed_sign_ins: Generated<number>
  locked_until: Date | null
  sessions_valid_after: Generated<Date>
  created_at: Generated<Date>
  must_change_password: Generated<boolean>
}
