import { sql, type Selectable } from 'kysely'
import { z } from 'zod'
import type { Database } from '../db/database.ts'
import type { UsersTable } from '../db/tables/index.ts'
import { ROLES, type Role } from '../domain/roles.ts'
import { type Actor, AuditService } from './audit.ts'
import { generatePassword, hashPassword, verifyPassword } from './passwords.ts'

export type User = Omit<Selectable<UsersTable>, 'password_hash'>

export const MAX_FAILED_SIGN_INS = 5
export const LOCK_MINUTES = 15

export const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().email({ message: 'Enter an email address in the correct format, like name@example.org' }),
  name: z.string().trim().min(1, { message: 'Enter the person’s name' }).max(200, { message: 'Name must be 200 characters or fewer' }),
  roles: z.array(z.enum(ROLES, { message: 'Choose roles from the list' })).min(1, { message: 'Choose at least one role' }),
  password: z.string().min(12, { message: 'Password must be at least 12 characters' }).max(200).optional(),
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

export type SignInResult = { ok: true; user: User } | { ok: false; reason: 'invalid' | 'locked'; failedAttempts: number }

const USER_COLUMNS = ['id', 'email', 'name', 'roles', 'office_id', 'active', 'failed_sign_ins', 'locked_until', 'sessions_valid_after', 'created_at'] as const

/** Staff accounts: creation, sign-in with lock-out, roles, and ending sessions. */
export class AccountService {
  private readonly audit: AuditService
  private dummyHash: Promise<string> | null = null
  private readonly unknownFailures = new Map<string, { failed: number; lockedUntil: number }>()

  constructor(private readonly database: Database) {
    this.audit = new AuditService(database)
  }

  /** Creates an account; returns the password (generated when none was given). */
  async create(input: NewUser, actor: Actor): Promise<{ user: User; password: string }> {
    const parsed = newUserSchema.safeParse(input)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      throw new AccountError(issue.message, String(issue.path[0]))
    }
    const password = parsed.data.password ?? generatePassword()
    const passwordHash = await hashPassword(password)
    return this.database.transaction(async (trx) => {
      const existing = await trx.selectFrom('users').select('id').where(sql<string>`lower(email)`, '=', parsed.data.email).executeTakeFirst()
      if (existing) throw new AccountError(`An account with the email address ${parsed.data.email} already exists`, 'email')
      const user = await trx
        .insertInto('users')
        .values({ email: parsed.data.email, name: parsed.data.name, roles: sql`${sql.val(parsed.data.roles)}::text[]`, password_hash: passwordHash })
        .returning(USER_COLUMNS)
        .executeTakeFirstOrThrow()
      await this.audit.record(trx, { actor, action: 'create', entityType: 'user', entityId: user.id, after: { email: user.email, name: user.name, roles: user.roles } })
      return { user, password }
    })
  }

  async findById(id: number): Promise<User | undefined> {
    return this.database.db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst()
  }

  async list(): Promise<User[]> {
    return this.database.db.selectFrom('users').select(USER_COLUMNS).orderBy('name').execute()
  }

  async count(): Promise<number> {
    const row = await this.database.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    return Number(row.n)
  }

  /**
   * Checks an email and password. An unknown email costs the same work as a wrong password, and both
   * get the same answer, so the form does not tell who has an account. Five failures lock the account.
   */
  async signIn(email: string, password: string, now = new Date()): Promise<SignInResult> {
    const row = await this.database.db
      .selectFrom('users')
      .select([...USER_COLUMNS, 'password_hash'])
      .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
      .executeTakeFirst()
    if (!row) {
      await verifyPassword(password, await this.getDummyHash())
      return this.failUnknown(email.trim().toLowerCase(), now)
    }
    if (row.locked_until && row.locked_until > now) {
      await verifyPassword(password, row.password_hash)
      return { ok: false, reason: 'locked', failedAttempts: row.failed_sign_ins }
    }
    const valid = row.active && (await verifyPassword(password, row.password_hash))
    if (!valid) {
      const failed = row.failed_sign_ins + 1
      const lockedUntil = failed >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null
      await this.database.db.updateTable('users').set({ failed_sign_ins: lockedUntil ? 0 : failed, locked_until: lockedUntil }).where('id', '=', row.id).execute()
      return { ok: false, reason: lockedUntil ? 'locked' : 'invalid', failedAttempts: failed }
    }
    await this.database.db.updateTable('users').set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', row.id).execute()
    const { password_hash: _hash, ...user } = row
    return { ok: true, user }
  }

  /** Ends every session of the user, on every device. */
  async signOutEverywhere(userId: number): Promise<void> {
    await this.database.transaction(async (trx) => {
      await trx.updateTable('users').set({ sessions_valid_after: new Date() }).where('id', '=', userId).execute()
      await trx.deleteFrom('sessions').where('user_id', '=', userId).execute()
    })
  }

  async setRoles(userId: number, roles: Role[], actor: Actor): Promise<void> {
    await this.database.transaction(async (trx) => {
      const before = await trx.selectFrom('users').select(['roles', 'active']).where('id', '=', userId).executeTakeFirstOrThrow()
      await trx.updateTable('users').set({ roles: sql`${sql.val(roles)}::text[]` }).where('id', '=', userId).execute()
      await this.audit.record(trx, { actor, action: 'update', entityType: 'user', entityId: userId, before: { roles: before.roles }, after: { roles } })
    })
  }

  async setActive(userId: number, active: boolean, actor: Actor): Promise<void> {
    await this.database.transaction(async (trx) => {
      await trx.updateTable('users').set({ active }).where('id', '=', userId).execute()
      if (!active) await trx.deleteFrom('sessions').where('user_id', '=', userId).execute()
      await this.audit.record(trx, { actor, action: active ? 'reactivate' : 'deactivate', entityType: 'user', entityId: userId, before: { active: !active }, after: { active } })
    })
  }

  /** An unknown email is throttled and locked exactly as a known one would be, so answers reveal nothing. */
  private failUnknown(email: string, now: Date): SignInResult {
    const state = this.unknownFailures.get(email) ?? { failed: 0, lockedUntil: 0 }
    if (state.lockedUntil > now.getTime()) return { ok: false, reason: 'locked', failedAttempts: state.failed }
    const failed = state.failed + 1
    const locked = failed >= MAX_FAILED_SIGN_INS
    if (this.unknownFailures.size > 10_000) this.unknownFailures.clear()
    this.unknownFailures.set(email, { failed: locked ? 0 : failed, lockedUntil: locked ? now.getTime() + LOCK_MINUTES * 60_000 : 0 })
    return { ok: false, reason: locked ? 'locked' : 'invalid', failedAttempts: failed }
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= hashPassword('no account has this password')
    return this.dummyHash
  }
}
