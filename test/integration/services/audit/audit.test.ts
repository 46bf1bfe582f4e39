import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { AuditService, SYSTEM_ACTOR } from '../../../../src/services/audit/audit.ts'
import { openTestDatabase, testEngines, type TestDatabase, withTestDatabase } from '../../../support/database.ts'

for (const engine of testEngines()) {
  describe(`the audit log on ${engine}`, () => {
    let t: TestDatabase
    let audit: AuditService
    before(async () => {
      t = await openTestDatabase(engine)
      audit = new AuditService(t.database)
      for (let i = 1; i <= 5; i++) {
        await t.database.transaction((trx) =>
          audit.record(trx, {
            actor: SYSTEM_ACTOR,
            action: 'update',
            entityType: 'decision',
            entityId: i,
            before: { title: `old ${i}` },
            after: { title: `new ${i}`, amount: i * 100 },
          }),
        )
      }
    })
    after(() => t.dispose())

    test('an untouched chain verifies', async () => {
      assert.deepEqual(await audit.verify(), { ok: true, entries: 5, headsChecked: 0 })
    })

    test('entries written at the same instant from two transactions still form one chain', () =>
      withTestDatabase(engine, async (extra) => {
        const a = new AuditService(extra.database)
        await Promise.all(
          [1, 2, 3, 4].map((i) =>
            extra.database.transaction((trx) =>
              a.record(trx, { actor: SYSTEM_ACTOR, action: 'create', entityType: 'user', entityId: i }),
            ),
          ),
        )
        assert.deepEqual(await a.verify(), { ok: true, entries: 4, headsChecked: 0 })
      }))

    test('reports the first altered entry, and the first entry after a removed one', async () => {
      // The table refuses UPDATE and DELETE, so tampering here means switching the guard off, as an attacker with the database would.
      await t.database.transaction(async (trx) => {
        await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx)
        await trx
          .updateTable('audit_log')
          .set({ after: JSON.stringify({ title: 'forged', amount: 1 }) })
          .where('entity_id', '=', '3')
          .execute()
        await sql`alter table audit_log enable trigger audit_log_append_only`.execute(trx)
      })
      const altered = await audit.verify()
      assert.equal(altered.ok, false)
      assert.match(!altered.ok ? altered.reason : '', /was altered/)
      const ids = (await t.database.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => r.id)
      assert.equal(!altered.ok && altered.firstBadId, ids[2])

      await t.database.transaction(async (trx) => {
        await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx)
        await trx.deleteFrom('audit_log').where('entity_id', 'in', ['2', '3']).execute()
        await sql`alter table audit_log enable trigger audit_log_append_only`.execute(trx)
      })
      const removed = await audit.verify()
      assert.equal(!removed.ok && removed.firstBadId, ids[3])
      assert.match(!removed.ok ? removed.reason : '', /removed or altered/)
    })
  })
}
