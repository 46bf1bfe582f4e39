import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { AuditService, entryHash, SYSTEM_ACTOR, type AuditRow } from '../../../../src/services/audit/audit.ts'
import type { Database } from '../../../../src/db/database.ts'
import { openTestDatabase, testEngines, withTestDatabase, type TestDatabase } from '../../../support/database.ts'
import { withApp } from '../../../support/server.ts'
import { deleteLastAuditEntries } from '../../../support/audit.ts'

async function recordEntries(database: Database, audit: AuditService, from: number, to: number): Promise<void> {
  for (let i = from; i <= to; i++) {
    await database.transaction((trx) =>
      audit.record(trx, {
        actor: SYSTEM_ACTOR,
        action: 'update',
        entityType: 'decision',
        entityId: i,
        after: { title: `title ${i}` },
      }),
    )
  }
}

/** What an attacker with write access does: switch the guard off, change an entry, and rehash every entry after it. */
async function rewriteAndRehash(database: Database, entityId: string): Promise<void> {
  await database.transaction(async (trx) => {
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx)
    await trx
      .updateTable('audit_log')
      .set({ after: JSON.stringify({ title: 'forged' }) })
      .where('entity_id', '=', entityId)
      .execute()
    const rows = await trx.selectFrom('audit_log').selectAll().orderBy('id').execute()
    let previous = '0'.repeat(64)
    for (const r of rows) {
      const body: Omit<AuditRow, 'id' | 'hash' | 'previousHash'> = {
        at: r.at.toISOString(),
        actorUserId: r.actor_user_id,
        actorLabel: r.actor_label,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
      }
      const hash = entryHash(previous, body)
      await trx.updateTable('audit_log').set({ previous_hash: previous, hash }).where('id', '=', r.id).execute()
      previous = hash
    }
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(trx)
  })
}

async function removeLast(database: Database, count: number): Promise<void> {
  await database.transaction(async (trx) => {
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx)
    await deleteLastAuditEntries(trx, count)
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(trx)
  })
}

for (const engine of testEngines()) {
  describe(`published heads of the audit log on ${engine}`, () => {
    let t: TestDatabase
    let audit: AuditService
    before(async () => {
      t = await openTestDatabase(engine)
      audit = new AuditService(t.database)
      await recordEntries(t.database, audit, 1, 5)
    })
    after(() => t.dispose())

    test('publishing records the head once, and an intact chain verifies against it', async () => {
      const first = await audit.publishHead()
      assert.equal(first.published, true)
      assert.equal(first.head.entries, 5)
      const last = await t.database.db
        .selectFrom('audit_log')
        .select('hash')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow()
      assert.equal(first.head.hash, last.hash)
      assert.equal((await audit.publishHead()).published, false, 'an unchanged head is not published twice')
      await recordEntries(t.database, audit, 6, 8)
      assert.equal((await audit.publishHead()).head.entries, 8)
      assert.deepEqual(await audit.verify(), { ok: true, entries: 8, headsChecked: 2 })
    })

    test('the heads table is append-only', async () => {
      await assert.rejects(t.database.db.deleteFrom('audit_heads').execute(), /append-only/)
    })

    test('the public page, its JSON and the Atom feed show the published heads', async () => {
      const heads = await audit.publishedHeads()
      await withApp(t.database, async (app) => {
        const page = await (await fetch(`${app.baseUrl}/audit-heads`)).text()
        const json = (await (await fetch(`${app.baseUrl}/audit-heads.json`)).json()) as { heads: unknown[] }
        const feed = await fetch(`${app.baseUrl}/feeds/audit-heads.atom`)
        assert.match(feed.headers.get('content-type') ?? '', /application\/atom\+xml/)
        const xml = await feed.text()
        for (const head of heads) {
          assert.ok(page.includes(head.hash), 'page names each head')
          assert.ok(xml.includes(head.hash), 'feed names each head')
        }
        assert.deepEqual(json.heads, heads)
        assert.match(await (await fetch(`${app.baseUrl}/open-data`)).text(), /href="\/audit-heads"/)
      })
    })

    test('a chain rewritten and rehashed after a head was published is reported, naming the head', () =>
      withTestDatabase(engine, async (extra) => {
        const a = new AuditService(extra.database)
        await recordEntries(extra.database, a, 1, 6)
        const { head } = await a.publishHead()
        await rewriteAndRehash(extra.database, '3')
        const withoutHeads = await a.verify([])
        assert.equal(withoutHeads.ok, true, 'the rehashed chain is consistent in itself')
        const result = await a.verify()
        assert.equal(result.ok, false)
        assert.match(!result.ok ? result.reason : '', /no longer matches: entries up to 6 were rewritten/)
        assert.ok(!result.ok && result.reason.includes(head.publishedAt))
        await assert.rejects(a.publishHead(), /not intact/)
      }))

    test('entries removed from the end after a head was published are reported', () =>
      withTestDatabase(engine, async (extra) => {
        const a = new AuditService(extra.database)
        await recordEntries(extra.database, a, 1, 6)
        const { head } = await a.publishHead()
        await removeLast(extra.database, 3)
        const result = await a.verify()
        assert.equal(result.ok, false)
        assert.match(
          !result.ok ? result.reason : '',
          /is longer than the log, which now holds 3 entries: entries were removed/,
        )
        assert.deepEqual(!result.ok && result.head, head)
        const fromFile = await a.verify([head])
        assert.equal(fromFile.ok, false, 'heads kept outside the database find it too')
      }))
  })
}
