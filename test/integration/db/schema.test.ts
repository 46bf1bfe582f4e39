import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql, type Insertable } from 'kysely'
import type { DB } from '../../../src/db/tables/index.ts'
import { openTestDatabase, testEngines, type TestDatabase } from '../../support/database.ts'
import { rowOf } from '../../support/rows.ts'

for (const engine of testEngines()) {
  describe(`the data model on ${engine}`, () => {
    let t: TestDatabase
    let officeId: number
    let decisionId: number
    before(async () => {
      t = await openTestDatabase(engine)
      const org = await t.database.db
        .insertInto('organisations')
        .values({ kind: 'office', name: 'Test Office', slug: 'test-office' })
        .returning('id')
        .executeTakeFirstOrThrow()
      officeId = org.id
      await t.database.db.insertInto('offices').values({ organisation_id: officeId, short_name: 'Test' }).execute()
      const d = await t.database.db
        .insertInto('decisions')
        .values({ office_id: officeId, reference: 'T/1', title: 'A decision' })
        .returning('id')
        .executeTakeFirstOrThrow()
      decisionId = d.id
    })
    after(() => t.dispose())

    test('has a table for every part of the product', async () => {
      const rows = await sql<{
        table_name: string
      }>`select table_name from information_schema.tables where table_schema = 'public'`.execute(t.database.db)
      const tables = new Set(rows.rows.map((r) => r.table_name))
      for (const name of [
        'organisations',
        'organisation_aliases',
        'offices',
        'funding_streams',
        'funding_stream_receipts',
        'decisions',
        'decision_sections',
        'decision_links',
        'sign_offs',
        'awards',
        'contributions',
        'services',
        'service_areas',
        'service_providers',
        'outcome_returns',
        'documents',
        'findings',
        'foi_requests',
        'foi_questions',
        'users',
        'sessions',
        'api_tokens',
        'audit_log',
        'areas',
      ]) {
        assert.ok(tables.has(name), `missing table ${name}`)
      }
    })

    /** Inserts an award of 1p to X under the test decision, with `values` instead where given. */
    const insertAward = (values: Partial<Insertable<DB['awards']>>) =>
      t.database.db
        .insertInto('awards')
        .values({ decision_id: decisionId, recipient_name: 'X', amount_pence: 1, ...values })
        .execute()
    /** Inserts a decision of the test office. */
    const insertDecision = (values: Omit<Insertable<DB['decisions']>, 'office_id'>) =>
      t.database.db
        .insertInto('decisions')
        .values({ office_id: officeId, ...values })
        .execute()

    test('refuses a negative award', async () => {
      await assert.rejects(insertAward({ amount_pence: -1 }), /awards_amount_pence_check/)
    })

    test('refuses a period that ends before it starts', async () => {
      await assert.rejects(insertAward({ period_start: '2024-04-01', period_end: '2024-03-31' }), /check/)
      const service = { name: 'S', slug: 's', start_date: '2024-04-01', end_date: '2023-04-01' }
      await assert.rejects(t.database.db.insertInto('services').values(service).execute(), /check/)
    })

    test('keeps references unique within an office', async () => {
      await assert.rejects(insertDecision({ reference: 'T/1', title: 'Another' }), /decisions_office_reference_key/)
    })

    test('refuses an award for a decision that does not exist', async () => {
      await assert.rejects(insertAward({ decision_id: 999999 }), /foreign key/)
    })

    test('requires an exemption for a confidential decision', async () => {
      const secret = { reference: 'T/2', title: 'Secret', classification: 'confidential' } as const
      await assert.rejects(insertDecision(secret), /check/)
    })

    test('keeps the audit log append-only', async () => {
      await t.database.db
        .insertInto('audit_log')
        .values({ actor_label: 'test', action: 'create', entity_type: 'decision', previous_hash: '0', hash: 'h1' })
        .execute()
      await assert.rejects(t.database.db.updateTable('audit_log').set({ action: 'changed' }).execute(), /append-only/)
      await assert.rejects(t.database.db.deleteFrom('audit_log').execute(), /append-only/)
    })

    test('returns dates as YYYY-MM-DD strings and amounts as exact numbers of pence', async () => {
      await t.database.db
        .insertInto('awards')
        .values({
          decision_id: decisionId,
          recipient_name: 'Exact',
          amount_pence: 4_503_599_627_370_49,
          period_start: '2024-04-01',
          period_end: '2025-03-31',
        })
        .execute()
      const row = await rowOf(t.database, 'awards', ['amount_pence', 'period_start'], { recipient_name: 'Exact' })
      assert.equal(row.period_start, '2024-04-01')
      assert.equal(row.amount_pence, 450_359_962_737_049)
    })
  })
}
