import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { DB } from '../../db/tables/index.ts'
import { OfficeScope } from '../../domain/office-scope.ts'
import { inOfficeScope } from '../../db/repositories/office-scope.ts'
import { GENESIS, describeHead, entryHash, type PublishedHead, type VerifyResult } from './audit-chain.ts'
import { entityOffice } from './entity-office.ts'

export {
  PublishedHeadsFileError,
  entryHash,
  parsePublishedHeads,
  type PublishedHead,
  type VerifyResult,
} from './audit-chain.ts'

export interface Actor {
  userId: number | null
  label: string
  /** The offices the actor may act in; none given means the system, which may act in every office. */
  scope?: OfficeScope
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system' }

export interface AuditEntry {
  actor: Actor
  action: string
  entityType: string
  entityId: string | number | null
  before?: unknown
  after?: unknown
  /** The office the entry concerns; found from the entity (a decision's, an FOI request's office) when not given. */
  officeId?: number | null
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

/**
 * The append-only audit log. Each entry carries the hash of the one before, so altering or removing an
 * entry breaks the chain from that point. The database refuses UPDATE and DELETE on the table.
 */
export class AuditService {
  constructor(private readonly database: Database) {}

  /**
   * Records what an actor did to one entity, named as [entityType, entityId], with what it was and became;
   * the same entry as `record`, written the short way.
   */
  recordChange(
    trx: Transaction<DB>,
    actor: Actor,
    action: string,
    [entityType, entityId]: [string, AuditEntry['entityId']],
    change: Pick<AuditEntry, 'before' | 'after' | 'officeId'> = {},
  ): Promise<void> {
    return this.record(trx, { actor, action, entityType, entityId, ...change })
  }

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
        office_id: entry.officeId === undefined ? entityOffice(body.entityType, body.entityId) : entry.officeId,
      })
      .execute()
  }

  async history(
    entityType: string,
    entityId: string | number,
    handle: Kysely<DB> = this.database.db,
  ): Promise<AuditRow[]> {
    const rows = await handle
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', entityType)
      .where('entity_id', '=', String(entityId))
      .orderBy('id')
      .execute()
    return rows.map(toAuditRow)
  }

  /** The latest entries the scope reaches: a deployment administrator sees every entry, an office's administrator that office's. */
  async recent(limit = 100, scope: OfficeScope = OfficeScope.system): Promise<AuditRow[]> {
    const rows = await this.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where(inOfficeScope(scope, 'office_id'))
      .orderBy('id', 'desc')
      .limit(limit)
      .execute()
    return rows.map(toAuditRow)
  }

  /**
   * Walks the whole chain and compares it with every published head (those in the database unless a list is
   * given): reports the first entry altered or whose predecessor was removed, a head the chain no longer
   * reaches (entries removed from the end) and a head whose hash differs (the chain rewritten and rehashed).
   */
  async verify(heads?: PublishedHead[]): Promise<VerifyResult> {
    const checkpoints = [...(heads ?? (await this.publishedHeads()))].sort((a, b) => a.entries - b.entries)
    let next = 0
    let previousHash = GENESIS
    let entries = 0
    let lastId = 0
    const headMismatch = (head: PublishedHead, firstBadId: number | null): VerifyResult => ({
      ok: false,
      entries,
      firstBadId,
      head,
      reason: `${describeHead(head)} no longer matches: entries up to ${head.entries} were rewritten after it was published`,
    })
    for (; next < checkpoints.length && checkpoints[next]!.entries === 0; next++) {
      if (checkpoints[next]!.hash !== GENESIS) return headMismatch(checkpoints[next]!, null)
    }
    for (;;) {
      const batch = await this.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('id', '>', lastId)
        .orderBy('id')
        .limit(1000)
        .execute()
      if (!batch.length) break
      for (const raw of batch) {
        const row = toAuditRow(raw)
        entries++
        lastId = row.id
        if (row.previousHash !== previousHash) {
          return {
            ok: false,
            entries,
            firstBadId: row.id,
            reason: `entry ${row.id} does not follow the entry before it: an entry before it was removed or altered`,
          }
        }
        const { id: _id, hash, previousHash: _p, ...body } = row
        if (entryHash(previousHash, body) !== hash) {
          return { ok: false, entries, firstBadId: row.id, reason: `entry ${row.id} was altered after it was written` }
        }
        previousHash = hash
        for (; next < checkpoints.length && checkpoints[next]!.entries === entries; next++) {
          if (checkpoints[next]!.hash !== hash) return headMismatch(checkpoints[next]!, row.id)
        }
      }
    }
    if (next < checkpoints.length) {
      const head = checkpoints[checkpoints.length - 1]!
      return {
        ok: false,
        entries,
        firstBadId: null,
        head,
        reason: `${describeHead(head)} is longer than the log, which now holds ${entries} entries: entries were removed after it was published`,
      }
    }
    return { ok: true, entries, headsChecked: checkpoints.length }
  }

  /** Every published head, oldest first. */
  async publishedHeads(): Promise<PublishedHead[]> {
    const rows = await this.database.db.selectFrom('audit_heads').selectAll().orderBy('id').execute()
    return rows.map((r) => ({
      publishedAt: r.published_at.toISOString(),
      entries: Number(r.entries),
      lastEntryId: r.last_entry_id === null ? null : Number(r.last_entry_id),
      hash: r.head_hash,
    }))
  }

  /**
   * Records the chain's current head as published, after checking the chain against the heads before it (a
   * tampered chain is never anchored). Nothing new is recorded while the head is the one last published.
   */
  async publishHead(): Promise<{ head: PublishedHead; published: boolean }> {
    const check = await this.verify()
    if (!check.ok) throw new Error(`The audit log is not intact, so its head was not published: ${check.reason}`)
    return this.database.transaction(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext('audit_log'))`.execute(trx)
      const last = await trx
        .selectFrom('audit_log')
        .select(['id', 'hash'])
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst()
      const { count } = await trx
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .executeTakeFirstOrThrow()
      const entries = Number(count)
      const hash = last?.hash ?? GENESIS
      const previous = await trx.selectFrom('audit_heads').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst()
      if (previous && Number(previous.entries) === entries && previous.head_hash === hash) {
        return {
          head: { publishedAt: previous.published_at.toISOString(), entries, lastEntryId: last?.id ?? null, hash },
          published: false,
        }
      }
      const row = await trx
        .insertInto('audit_heads')
        .values({ entries, last_entry_id: last?.id ?? null, head_hash: hash })
        .returning('published_at')
        .executeTakeFirstOrThrow()
      return {
        head: { publishedAt: row.published_at.toISOString(), entries, lastEntryId: last?.id ?? null, hash },
        published: true,
      }
    })
  }
}

/** A service whose changes are written to the audit log, each in the transaction that makes it. */
export abstract class AuditedService {
  protected readonly audit: AuditService

  constructor(protected readonly database: Database) {
    this.audit = new AuditService(database)
  }
}

function toAuditRow(row: {
  id: number
  at: Date
  actor_user_id: number | null
  actor_label: string
  action: string
  entity_type: string
  entity_id: string | null
  before: unknown
  after: unknown
  previous_hash: string
  hash: string
}): AuditRow {
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
