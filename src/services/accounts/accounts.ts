import { createHash } from 'node:crypto'
import { sql, type Transaction } from 'kysely'
import type { DB } from '../../db/tables/index.ts'
import { OfficeScope } from '../../domain/office-scope.ts'
import { type Role } from '../../domain/roles.ts'
import { inOfficeScope } from '../../db/repositories/office-scope.ts'
import { createAccount } from './account-create.ts'
import { assertReaches, officeForAccount, putMembership, withMemberships } from './memberships.ts'
import { type Actor, AuditedService } from '../audit/audit.ts'
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from './passwords.ts'
import {
  AccountError,
  LOCK_MINUTES,
  MAX_FAILED_SIGN_INS,
  USER_COLUMNS,
  newUserSchema,
  type NewUser,
  type SignInResult,
  type User,
} from './account-types.ts'

export {
  AccountError,
  LOCK_MINUTES,
  MAX_FAILED_SIGN_INS,
  newUserSchema,
  type NewUser,
  type SignInResult,
  type User,
} from './account-types.ts'

/** Staff accounts: creation, sign-in with lock-out, roles, and ending sessions. */
export class AccountService extends AuditedService {
  private dummyHash: Promise<string> | null = null

  /**
   * Creates an account with roles in one office (or as a deployment administrator); returns the password (generated
   * when none was given). `passwordHash` stores a hash made elsewhere (the command line's, so the password never
   * leaves it); `mustChangePassword` makes the person choose their own at first sign-in.
   */
  create(
    input: NewUser,
    actor: Actor,
    options: { passwordHash?: string; mustChangePassword?: boolean } = {},
  ): Promise<{ user: User; password: string }> {
    return createAccount(this.database, this.audit, input, actor, options)
  }

  async findById(id: number): Promise<User | undefined> {
    const row = await this.database.db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst()
    return row && (await withMemberships(this.database.db, [row]))[0]
  }

  /** An account the scope reaches: someone who works for one of its offices (anyone, for a deployment administrator). */
  async findInScope(id: number, scope: OfficeScope): Promise<User | undefined> {
    const user = await this.findById(id)
    if (!user) return undefined
    if (scope.allOffices || user.memberships.some((m) => scope.includes(m.officeId))) return user
    return undefined
  }

  /** The accounts the scope reaches: members of its offices (everyone, for a deployment administrator). */
  async list(scope: OfficeScope = OfficeScope.system): Promise<User[]> {
    const ids = scope.officeIds()
    let query = this.database.db.selectFrom('users').select(USER_COLUMNS).orderBy('name')
    if (ids !== null)
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('office_memberships as m')
            .select('m.user_id')
            .whereRef('m.user_id', '=', 'users.id')
            .where(inOfficeScope(scope, 'm.office_id')),
        ),
      )
    return withMemberships(this.database.db, await query.execute())
  }

  async count(): Promise<number> {
    const row = await this.database.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  /**
   * Checks an email and password. An unknown email costs the same work as a wrong password, and both
   * get the same answer, so the form does not tell who has an account. Each attempt is counted in the
   * database before the password is checked, in one statement, so a burst of parallel guesses gets no
   * more than MAX_FAILED_SIGN_INS of them checked in a window of LOCK_MINUTES; a success clears the count.
   */
  async signIn(email: string, password: string, now = new Date()): Promise<SignInResult> {
    const normalised = email.trim().toLowerCase()
    const emailHash = createHash('sha256').update(normalised, 'utf8').digest('hex')
    const windowStart = new Date(now.getTime() - LOCK_MINUTES * 60_000)
    const expired = sql<boolean>`sign_in_attempts.window_started <= ${windowStart}`
    const attempt = await this.database.db
      .insertInto('sign_in_attempts')
      .values({ email_hash: emailHash, attempts: 1, window_started: now })
      .onConflict((oc) =>
        oc.column('email_hash').doUpdateSet({
          attempts: sql<number>`case when ${expired} then 1 else sign_in_attempts.attempts + 1 end`,
          window_started: sql<Date>`case when ${expired} then ${now} else sign_in_attempts.window_started end`,
        }),
      )
      .returning(['attempts', 'window_started'])
      .executeTakeFirstOrThrow()
    if (attempt.attempts > MAX_FAILED_SIGN_INS) return { ok: false, reason: 'locked', failedAttempts: attempt.attempts }

    const row = await this.database.db
      .selectFrom('users')
      .select([...USER_COLUMNS, 'password_hash'])
      .where(sql<string>`lower(email)`, '=', normalised)
      .executeTakeFirst()
    const valid = row
      ? row.active && (await verifyPassword(password, row.password_hash))
      : await verifyPassword(password, await this.getDummyHash()).then(() => false)
    if (!row || !valid) {
      const locked = attempt.attempts >= MAX_FAILED_SIGN_INS
      if (row) {
        const lockedUntil = locked ? new Date(attempt.window_started.getTime() + LOCK_MINUTES * 60_000) : null
        await this.database.db
          .updateTable('users')
          .set({ failed_sign_ins: attempt.attempts, locked_until: lockedUntil })
          .where('id', '=', row.id)
          .execute()
      }
      return { ok: false, reason: locked ? 'locked' : 'invalid', failedAttempts: attempt.attempts }
    }
    await this.database.db.deleteFrom('sign_in_attempts').where('email_hash', '=', emailHash).execute()
    await this.database.db
      .updateTable('users')
      .set({ failed_sign_ins: 0, locked_until: null })
      .where('id', '=', row.id)
      .execute()
    const { password_hash: _hash, ...user } = row
    return { ok: true, user: (await withMemberships(this.database.db, [user]))[0]! }
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const row = await this.database.db
      .selectFrom('users')
      .select(USER_COLUMNS)
      .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
      .executeTakeFirst()
    return row && (await withMemberships(this.database.db, [row]))[0]
  }

  /** Ends every session of the user, on every device, and every API token they hold. */
  async signOutEverywhere(userId: number, actor?: Actor): Promise<void> {
    await this.database.transaction(async (trx) => {
      await this.endSessionsAndTokens(trx, userId)
      if (actor)
        await this.audit.recordChange(trx, actor, 'sign out everywhere', ['user', userId], {
          after: { sessionsEnded: true, tokensRevoked: true },
        })
    })
  }

  /**
   * Replaces a person's roles in one office (by default their only office, or the home office). An administrator
   * cannot take the administrator role from themselves, and may only change roles in an office they administer.
   */
  async setRoles(userId: number, roles: Role[], actor: Actor, office?: number): Promise<void> {
    const parsed = newUserSchema.shape.roles.safeParse(roles)
    if (!parsed.success) throw new AccountError(parsed.error.issues[0]!.message, 'roles')
    await this.database.transaction(async (trx) => {
      const user = await trx.selectFrom('users').select(USER_COLUMNS).where('id', '=', userId).executeTakeFirst()
      if (!user) throw new AccountError('There is no such account')
      const [person] = await withMemberships(trx, [user])
      const only = person!.memberships.length === 1 ? person!.memberships[0]!.officeId : undefined
      const officeId = await officeForAccount(trx, office ?? only)
      if (officeId === undefined) throw new AccountError('Choose the office the roles are held in', 'office')
      if (actor.scope && !actor.scope.includes(officeId, 'administrator'))
        throw new AccountError('You may only change roles in an office you administer', 'office')
      if (actor.userId === userId && !parsed.data.includes('administrator') && !user.deployment_admin)
        throw new AccountError(
          'You cannot remove the administrator role from your own account: ask another administrator',
          'roles',
        )
      const before = person!.memberships.find((m) => m.officeId === officeId)?.roles ?? []
      await putMembership(trx, userId, officeId, parsed.data)
      await this.audit.recordChange(trx, actor, 'update roles', ['user', userId], {
        officeId,
        before: { roles: before },
        after: { roles: parsed.data },
      })
    })
  }

  /** Deactivating ends the person's sessions at once; their tokens stop working while they are inactive. */
  async setActive(userId: number, active: boolean, actor: Actor): Promise<void> {
    if (!active && actor.userId === userId)
      throw new AccountError('You cannot deactivate your own account: ask another administrator', 'active')
    await this.database.transaction(async (trx) => {
      await assertReaches(trx, userId, actor.scope)
      const before = await trx.selectFrom('users').select('active').where('id', '=', userId).executeTakeFirst()
      if (!before) throw new AccountError('There is no such account')
      await trx.updateTable('users').set({ active }).where('id', '=', userId).execute()
      if (!active) await this.endSessionsAndTokens(trx, userId)
      await this.audit.recordChange(trx, actor, active ? 'reactivate' : 'deactivate', ['user', userId], {
        before: { active: before.active },
        after: { active },
      })
    })
  }

  /**
   * Sets a new password (generated when none is given) and returns it: a one-time password the person must
   * change at their next sign-in. Their sessions and tokens end, since whoever knew the old one may have used it.
   */
  async resetPassword(userId: number, password: string | undefined, actor: Actor): Promise<string> {
    if (password !== undefined) {
      const problem = await passwordProblem(password)
      if (problem) throw new AccountError(problem, 'password')
    }
    const chosen = password ?? generatePassword()
    const passwordHash = await hashPassword(chosen)
    await this.database.transaction(async (trx) => {
      await assertReaches(trx, userId, actor.scope)
      const row = await trx
        .updateTable('users')
        .set({ password_hash: passwordHash, failed_sign_ins: 0, locked_until: null, must_change_password: true })
        .where('id', '=', userId)
        .returning('email')
        .executeTakeFirst()
      if (!row) throw new AccountError('There is no such account')
      await this.endSessionsAndTokens(trx, userId)
      await this.audit.recordChange(trx, actor, 'reset password', ['user', userId], {
        after: { passwordChanged: true, mustChangePassword: true },
      })
    })
    return chosen
  }

  /** Deletes sessions past their expiry and sign-in counts whose window has closed; returns how many sessions. */
  async removeExpiredSessions(now = new Date()): Promise<number> {
    const sessions = await this.database.db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst()
    await this.database.db
      .deleteFrom('sign_in_attempts')
      .where('window_started', '<=', new Date(now.getTime() - LOCK_MINUTES * 60_000))
      .execute()
    return Number(sessions.numDeletedRows)
  }

  private async endSessionsAndTokens(trx: Transaction<DB>, userId: number): Promise<void> {
    const now = new Date()
    await trx.updateTable('users').set({ sessions_valid_after: now }).where('id', '=', userId).execute()
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute()
    await trx
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute()
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= hashPassword('no account has this password')
    return this.dummyHash
  }
}
