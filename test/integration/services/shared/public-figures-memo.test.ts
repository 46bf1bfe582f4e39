import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { PublicFiguresMemo } from '../../../../src/services/shared/public-figures-memo.ts'
import { services } from '../../../../src/services/index.ts'
import { testEngines, withTestDatabase } from '../../../support/database.ts'

for (const engine of testEngines()) {
  describe(`figures kept until their data changes, on ${engine}`, () => {
    test('a figure is computed once while nothing changes, and again after any change to its source tables', () =>
      withTestDatabase(
        engine,
        async (t) => {
          const memo = new PublicFiguresMemo(t.database)
          let computed = 0
          const figure = () => memo.get('a figure', async () => ++computed)
          assert.equal(await figure(), 1)
          assert.equal(await figure(), 1)
          for (const change of [
            sql`update awards set purpose = purpose where id = (select min(id) from awards)`,
            sql`update contributions set amount_pence = amount_pence where id = (select min(id) from contributions)`,
            sql`update organisations set name = name where id = (select min(id) from organisations)`,
            sql`update funding_streams set name = name where id = (select min(id) from funding_streams)`,
          ]) {
            const before = computed
            await change.execute(t.database.db)
            assert.equal(await figure(), before + 1, 'recomputed after the change')
            assert.equal(await figure(), before + 1, 'then kept')
          }
        },
        { demo: true },
      ))

    test('the public figures follow a decision made confidential at once', () =>
      withTestDatabase(
        engine,
        async (t) => {
          const app = services(t.database)
          const before = await app.ledger.totals({})
          const beforeChart = await app.charts.spendByYear('provider')
          const beforeStreams = await app.funding.overview()
          const decision = await t.database.db
            .selectFrom('decisions as d')
            .innerJoin('ledger_awards as l', 'l.decision_id', 'd.id')
            .select('d.id')
            .where('l.per_annum', '=', false)
            .where('l.up_to', '=', false)
            .executeTakeFirstOrThrow()
          await t.database.db
            .updateTable('decisions')
            .set({ classification: 'confidential', exemption: 's.43 – commercial interests' })
            .where('id', '=', decision.id)
            .execute()
          const after = await app.ledger.totals({})
          assert.ok(after.count < before.count, 'the confidential decision’s awards left the totals')
          assert.ok((await app.charts.spendByYear('provider')).totalPence < beforeChart.totalPence)
          const committed = (overview: typeof beforeStreams) =>
            overview.reduce((sum, s) => sum + s.years.reduce((y, year) => y + year.committedPence, 0), 0)
          assert.ok(committed(await app.funding.overview()) <= committed(beforeStreams))
        },
        { demo: true },
      ))

    test('a failed computation is not kept', () =>
      withTestDatabase(engine, async (t) => {
        const memo = new PublicFiguresMemo(t.database)
        await assert.rejects(memo.get('broken', async () => Promise.reject(new Error('no'))))
        assert.equal(await memo.get('broken', async () => 'now it works'), 'now it works')
      }))
  })
}
