import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { z } from 'zod'
import { inOfficeScope } from '../../db/repositories/office-scope.ts'
import { OfficeScope } from '../../domain/office-scope.ts'
import { membershipsOf } from './memberships.ts'
import type { Role } from '../../domain/roles.ts'
import { AuditedService, type Actor } from '../audit/audit.ts'
import { requiredText } from '../shared/form-fields.ts'

export const TOKEN_SCOPES = ['read', 'write'] as const
export type TokenScope = (typeof TOKEN_SCOPES)[number]
/** The lifetimes a token may be given; it stops working after that many days. */
export const TOKEN_LIFETIMES_DAYS = [7, 30, 90, 180, 365] as const
export const DEFAULT_TOKEN_DAYS = 90

export const newTokenSchema = z.object({
  name: requiredText(
    100,
    'Enter a name for the token, such as the script that will use it',
    'The name must be 100 characters or fewer',
  ),
  scope: z.enum(TOKEN_SCOPES, { message: 'Choose what the token may do' }),
  expiresInDays: z.coerce
    .number({ message: 'Choose when the token expires' })
    .refine((days) => (TOKEN_LIFETIMES_DAYS as readonly number[]).includes(days), {
      message: 'Choose when the token expires',
    })
    .default(DEFAULT_TOKEN_DAYS),
})

export class TokenError extends Error {
  constructor(readonly errors: Record<string, string>) {
    super(Object.values(errors).join('; '))
  }
}

export interface TokenSummary {
  id: number
  name: string
  scope: TokenScope
  userId: number
  userName: string
  createdAt: Date
  lastUsedAt: Date | null
  revokedAt: Date | null
  expiresAt: Date
}

export interface TokenHolder {
  tokenId: number
  scope: TokenScope
  user: { id: number; name: string; email: string; roles: Role[] }
  /** The offices the token's holder belongs to, with their roles in each: every request it makes is limited to them. */
  offices: OfficeScope
}

/** Tokens whose holders the scope reaches: members of its offices (everyone's, for a deployment administrator). */
function holderInScope(scope: OfficeScope, userColumn: string) {
  if (scope.allOffices) return sql<boolean>`true`
  return sql<boolean>`exists (select 1 from office_memberships m where m.user_id = ${sql.ref(userColumn)} and ${inOfficeScope(scope, 'm.office_id')})`
}

const PREFIX = 'crpat_'

/** sha256 of the token: the only form it is stored in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** Personal access tokens for the staff API: shown once, stored hashed, scoped read or write, revocable. */
export class ApiTokenService extends AuditedService {
  async create(
    userId: number,
    input: { name: unknown; scope: unknown; expiresInDays?: unknown },
    actor: Actor,
    now = new Date(),
  ): Promise<{ token: string; id: number; expiresAt: Date }> {
    const parsed = newTokenSchema.safeParse(input)
    if (!parsed.success)
      throw new TokenError(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])))
    const token = `${PREFIX}${randomBytes(32).toString('base64url')}`
    const expiresAt = new Date(now.getTime() + parsed.data.expiresInDays * 86_400_000)
    const id = await this.database.transaction(async (trx) => {
      const row = await trx
        .insertInto('api_tokens')
        .values({
          user_id: userId,
          name: parsed.data.name,
          scope: parsed.data.scope,
          token_hash: hashToken(token),
          expires_at: expiresAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await this.audit.recordChange(trx, actor, 'api_token.create', ['api_token', row.id], {
        after: { name: parsed.data.name, scope: parsed.data.scope, userId, expiresAt: expiresAt.toISOString() },
      })
      return row.id
    })
    return { token, id, expiresAt }
  }

  /** One person's tokens, or (userId null) those of everyone the scope reaches. */
  async list(userId: number | null, scope: OfficeScope = OfficeScope.system): Promise<TokenSummary[]> {
    let query = this.database.db
      .selectFrom('api_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select([
        't.id',
        't.name',
        't.scope',
        't.user_id',
        'u.name as user_name',
        't.created_at',
        't.last_used_at',
        't.revoked_at',
        't.expires_at',
      ])
    if (userId !== null) query = query.where('t.user_id', '=', userId)
    else query = query.where(holderInScope(scope, 't.user_id'))
    const rows = await query
      .orderBy('t.revoked_at', (ob) => ob.desc().nullsFirst())
      .orderBy('t.id', 'desc')
      .execute()
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      scope: r.scope as TokenScope,
      userId: r.user_id,
      userName: r.user_name,
      createdAt: r.created_at,
      lastUsedAt: r.last_used_at,
      revokedAt: r.revoked_at,
      expiresAt: r.expires_at,
    }))
  }

  /** Revokes a token of `ownerId` (any token when ownerId is null); false when there was none to revoke. */
  async revoke(id: number, ownerId: number | null, actor: Actor): Promise<boolean> {
    return this.database.transaction(async (trx) => {
      let query = trx
        .updateTable('api_tokens')
        .set({ revoked_at: new Date() })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
      if (ownerId !== null) query = query.where('user_id', '=', ownerId)
      else query = query.where(holderInScope(actor.scope ?? OfficeScope.system, 'user_id'))
      const row = await query.returning(['id', 'name']).executeTakeFirst()
      if (!row) return false
      await this.audit.recordChange(trx, actor, 'api_token.revoke', ['api_token', id], {
        after: { name: row.name },
      })
      return true
    })
  }

  /** The holder of a bearer token, or null when it is unknown, revoked, expired or its person deactivated. */
  async authenticate(token: string, now = new Date()): Promise<TokenHolder | null> {
    if (!token.startsWith(PREFIX) || token.length > 200) return null
    const row = await this.database.db
      .selectFrom('api_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['t.id', 't.scope', 't.last_used_at', 'u.id as user_id', 'u.name', 'u.email', 'u.deployment_admin'])
      .where('t.token_hash', '=', hashToken(token))
      .where('t.revoked_at', 'is', null)
      .where('t.expires_at', '>', now)
      .where('u.active', '=', true)
      .executeTakeFirst()
    if (!row) return null
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
      await this.database.db
        .updateTable('api_tokens')
        .set({ last_used_at: new Date() })
        .where('id', '=', row.id)
        .execute()
    }
    const memberships = (await membershipsOf(this.database.db, [row.user_id])).get(row.user_id) ?? []
    const offices = OfficeScope.of(memberships, row.deployment_admin)
    return {
      tokenId: row.id,
      scope: row.scope as TokenScope,
      user: { id: row.user_id, name: row.name, email: row.email, roles: offices.roles() },
      offices,
    }
  }
}
