import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import type { Database } from '../../../src/db/database.ts'
import { withLedgerDeferred } from '../../../src/db/ledger-deferral.ts'
import { openTestDatabase, testEngines } from '../../support/database.ts'

async function ledgerState(database: Database): Promise<unknown> {
  const rows = async (query: string) => (await sql.raw(query).execute(database.db)).rows
  return {
    awards: await rows('select * from ledger_awards order by award_id'),
    years: await rows('select * from ledger_years order by award_id, financial_year'),
    cube: await rows(
      'select * from ledger_cube where awards <> 0 or one_off_pence <> 0 order by dim, value, financial_year',
    ),
  }
}

for (const engine of testEngines()) {
  describe(`bulk work with the ledger held off, on ${engine}`, () => {
    test('a rebuild gives the same ledger and running totals as the statement-by-statement refresh', async () => {
      const t = await openTestDatabase(engine, { demo: true })
      try {
        const before = await ledgerState(t.database)
        await withLedgerDeferred(t.database, async () => undefined)
        assert.deepEqual(await ledgerState(t.database), before)
      } finally {
        await t.dispose()
      }
    })

    test('awards added while held off reach the ledger once the work ends, not before', async () => {
      const t = await openTestDatabase(engine, { demo: true })
      try {
        const decision = await t.database.db
          .selectFrom('decisions')
          .innerJoin('awards', 'awards.decision_id', 'decisions.id')
          .innerJoin('ledger_awards', 'ledger_awards.award_id', 'awards.id')
          .select(['decisions.id', 'awards.recipient_name'])
          .executeTakeFirstOrThrow()
        const countInLedger = async (executor: Pick<Database['db'], 'selectFrom'>) =>
          Number(
            (
              await executor
                .selectFrom('ledger_awards')
                .select((eb) => eb.fn.countAll<string>().as('n'))
                .where('decision_id', '=', decision.id)
                .executeTakeFirstOrThrow()
            ).n,
          )
        const before = await countInLedger(t.database.db)
        const seenInside = await withLedgerDeferred(t.database, async (trx) => {
          await trx
            .insertInto('awards')
            .values({
              decision_id: decision.id,
              position: 99,
              recipient_name: decision.recipient_name,
              amount_pence: 12_345,
            })
            .execute()
          return countInLedger(trx)
        })
        assert.equal(seenInside, before)
        assert.equal(await countInLedger(t.database.db), before + 1)
      } finally {
        await t.dispose()
      }
    })
  })
}
