import { type Selectable } from 'kysely'
import { z } from 'zod'
import type { UsersTable } from '../../db/tables/index.ts'
import type { OfficeMembership } from '../../domain/office-scope.ts'
import { ROLES, type Role } from '../../domain/roles.ts'
import { requiredText } from '../shared/form-fields.ts'

export type UserRow = Omit<Selectable<UsersTable>, 'password_hash'>

/** A staff account with its roles per office; `roles` is every role held in any office (for the navigation). */
export interface User extends UserRow {
  memberships: OfficeMembership[]
  roles: Role[]
}

export const MAX_FAILED_SIGN_INS = 5
export const LOCK_MINUTES = 15

export const newUserSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .email({ message: 'Enter an email address in the correct format, like name@example.org' }),
  name: requiredText(200, 'Enter the person’s name', 'Name must be 200 characters or fewer'),
  roles: z
    .array(z.enum(ROLES, { message: 'Choose roles from the list' }))
    .min(1, { message: 'Choose at least one role' }),
  password: z.string().max(200, { message: 'Password must be 200 characters or fewer' }).optional(),
  /** The office the roles are held in; by default the home office, or the only office. */
  officeId: z.number().int().positive().optional(),
  /** Administers the whole deployment: every office, adding offices, appointing their first administrators. */
  deploymentAdmin: z.boolean().optional(),
})
export type NewUser = z.infer<typeof newUserSchema>

export class AccountError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}

export type SignInResult =
  { ok: true; user: User } | { ok: false; reason: 'invalid' | 'locked'; failedAttempts: number }

export const USER_COLUMNS = [
  'id',
  'email',
  'name',
  'deployment_admin',
  'active',
  'failed_sign_ins',
  'locked_until',
  'sessions_valid_after',
  'created_at',
  'must_change_password',
] as const
