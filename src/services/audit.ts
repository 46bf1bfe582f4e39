import { createHash } from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../db/database.ts'
import type { DB } from '../db/tables/index.ts'

export interface Actor {
  userId: number | null
  label: string
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system' }

export interface AuditEntry {
  actor: Actor
  action: string
  entityType: string
  entityId: string | number | null
  before?: unknown
  after?: unknown
}

export interface AuditRow {
  id: number
  at: string
  actorUserId: number | null
  actorLabel: string
  action: string
  entityType: string
  entityId: string | null
  before: unknown
  after: unknown
  previousHash: string
  hash: string
}

export type VerifyResult = { ok: true; entries: number } | { ok: false; entries: number; firstBadId: number; reason: string }

const GENESIS = '0'.repeat(64)

/** Canonical JSON: object keys sorted, so the same entry always hashes the same. */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export function entryHash(previousHash: string, row: Omit<AuditRow, 'id' | 'hash' | 'previousHash'>): string {
  return createHash('sha256').update(previousHash).update('\n').update(canonical(row)).digest('hex')
}

/**
 * The append-only audit log. Each entry carries the hash of the one before, so altering or removing an
 * entry breaks the chain from that point. The database refuses UPDATE and DELETE on the table.
 */
export class AuditService {
  constructor(private readonly database: Database) {}

  /** Records an entry inside the caller's transaction, so the change and its record stand or fall together. */
  async record(trx: Transaction<DB>, entry: AuditEntry): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtext('audit_log'))`.execute(trx)
    const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst()
    const previousHash = last?.hash ?? GENESIS
    const at = new Date().toISOString()
    const before = entry.before === undefined ? null : JSON.parse(JSON.stringify(entry.before))
    const after = entry.after === undefined ? null : JSON.parse(JSON.stringify(entry.after))
    const body = {
      at,
      actorUserId: entry.actor.userId,
      actorLabel: entry.actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId === null ? null : String(entry.entityId),
      before,
      after,
    }
    await trx
      .insertInto('audit_log')
      .values({
        at: new Date(at),
        actor_user_id: body.actorUserId,
        actor_label: body.actorLabel,
        action: body.action,
        entity_type: body.entityType,
        entity_id: body.entityId,
        before: before === null ? null : JSON.stringify(before),
        after: after === null ? null : JSON.stringify(after),
        previous_hash: previousHash,
        hash: entryHash(previousHash, body),
      })
      .execute()
  }

  async history(entityType: string, entityId: string | number, handle: Kysely<DB> = this.database.db): Promise<AuditRow[]> {
    const rows = await handle.selectFrom('audit_log').selectAll().where('entity_type', '=', entityType).where('entity_id', '=', String(entityId)).orderBy('id').execute()
    return rows.map(toAuditRow)
  }

  async recent(limit = 100): Promise<AuditRow[]> {
    const rows = await this.database.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit).execute()
    return rows.map(toAuditRow)
  }

  /** Walks the whole chain; reports the first entry that was altered or whose predecessor was removed. */
  async verify(): Promise<VerifyResult> {
    let previousHash = GENESIS
    let entries = 0
    let lastId = 0
    for (;;) {
      const batch = await this.database.db.selectFrom('audit_log').selectAll().where('id', '>', lastId).orderBy('id').limit(1000).execute()
      if (!batch.length) return { ok: true, entries }
      for (const raw of batch) {
        const row = toAuditRow(raw)
        entries++
        lastId = row.id
        if (row.previousHash !== previousHash) {
          return { ok: false, entries, firstBadId: row.id, reason: `entry ${row.id} does not follow the entry before it: an entry before it was removed or altered` }
        }
        const { id: _id, hash, previousHash: _p, ...body } = row
        if (entryHash(previousHash, body) !== hash) {
          return { ok: false, entries, firstBadId: row.id, reason: `entry ${row.id} was altered after it was written` }
        }
        previousHash = hash
      }
    }
  }
}

function toAuditRow(row: { id: number; at: Date; actor_user_id: number | null; actor_label: string; action: string; entity_type: string; entity_id: string | null; before: unknown; after: unknown; previous_hash: string; hash: string }): AuditRow {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
    previousHash: row.previous_hash,
    hash: row.hash,
  }
}
