import { sql } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { Actor, AuditService } from '../audit/audit.ts'
import { AccountError, USER_COLUMNS, newUserSchema, type NewUser, type User } from './account-types.ts'
import { officeForAccount, putMembership, withMemberships } from './memberships.ts'
import { generatePassword, hashPassword, passwordProblem } from './passwords.ts'

/**
 * Creates an account with its roles in one office (the one given, else the home office or the only office), or
 * as a deployment administrator. A caller with a scope may only add staff to an office they administer.
 */
export async function createAccount(
  database: Database,
  audit: AuditService,
  input: NewUser,
  actor: Actor,
  options: { passwordHash?: string; mustChangePassword?: boolean } = {},
): Promise<{ user: User; password: string }> {
  const parsed = newUserSchema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new AccountError(issue.message, String(issue.path[0]))
  }
  if (parsed.data.password !== undefined) {
    const problem = await passwordProblem(parsed.data.password)
    if (problem) throw new AccountError(problem, 'password')
  }
  const password = parsed.data.password ?? generatePassword()
  const passwordHash = options.passwordHash ?? (await hashPassword(password))
  const deploymentAdmin = parsed.data.deploymentAdmin ?? false
  if (deploymentAdmin && actor.scope && !actor.scope.allOffices)
    throw new AccountError('Only a deployment administrator may make another', 'deploymentAdmin')
  return database.transaction(async (trx) => {
    const officeId = await officeForAccount(trx, parsed.data.officeId)
    if (officeId === undefined && !deploymentAdmin)
      throw new AccountError('Choose the office the person works for', 'office')
    if (officeId !== undefined && actor.scope && !actor.scope.includes(officeId, 'administrator'))
      throw new AccountError('You may only add staff to an office you administer', 'office')
    const existing = await trx
      .selectFrom('users')
      .select('id')
      .where(sql<string>`lower(email)`, '=', parsed.data.email)
      .executeTakeFirst()
    if (existing)
      throw new AccountError(`An account with the email address ${parsed.data.email} already exists`, 'email')
    const row = await trx
      .insertInto('users')
      .values({
        email: parsed.data.email,
        name: parsed.data.name,
        password_hash: passwordHash,
        deployment_admin: deploymentAdmin,
        must_change_password: options.mustChangePassword ?? false,
      })
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow()
    if (officeId !== undefined) await putMembership(trx, row.id, officeId, parsed.data.roles)
    const [user] = await withMemberships(trx, [row])
    await audit.recordChange(trx, actor, 'create', ['user', row.id], {
      officeId: officeId ?? null,
      after: { email: row.email, name: row.name, roles: user!.roles, officeId, deploymentAdmin },
    })
    return { user: user!, password }
  })
}
