import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import type { Database } from '../../../src/db/database.ts'
import { withTablesLoadedInBulk } from '../../../src/db/bulk-load.ts'
import { testEngines, withTestDatabase } from '../../support/database.ts'
import { countOf } from '../../support/rows.ts'

async function indexesAndKeys(database: Database, table: string): Promise<unknown> {
  const { rows: indexes } = await sql<{ definition: string }>`
    select pg_get_indexdef(indexrelid) as definition from pg_index
    where indrelid = ${table}::regclass order by 1`.execute(database.db)
  const { rows: keys } = await sql<{ definition: string }>`
    select conname || ' ' || pg_get_constraintdef(oid) as definition from pg_constraint
    where conrelid = ${table}::regclass order by 1`.execute(database.db)
  return { indexes: indexes.map((row) => row.definition), keys: keys.map((row) => row.definition) }
}

async function awardIndexCount(trx: Pick<Database['db'], 'selectFrom'>): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    select count(*) as n from pg_index where indrelid = 'awards'::regclass`.execute(trx as Database['db'])
  return Number(rows[0]?.n)
}

for (const engine of testEngines()) {
  describe(`loading tables in bulk, on ${engine}`, () => {
    test('the secondary indexes are gone during the work and every index and key is back after it', () =>
      withTestDatabase(
        engine,
        async (t) => {
          const before = await indexesAndKeys(t.database, 'awards')
          const countBefore = await awardIndexCount(t.database.db)
          const countDuring = await t.database.db
            .transaction()
            .execute((trx) => withTablesLoadedInBulk(trx, ['awards'], () => awardIndexCount(trx)))
          assert.ok(countDuring < countBefore, `${countDuring} indexes during the work, ${countBefore} before`)
          assert.deepEqual(await indexesAndKeys(t.database, 'awards'), before)
        },
        { demo: true },
      ))

    test('a row that breaks a foreign key makes the whole load fail and leaves nothing behind', () =>
      withTestDatabase(
        engine,
        async (t) => {
          const before = await indexesAndKeys(t.database, 'awards')
          const count = () => countOf(t.database, 'awards')
          const awardsBefore = await count()
          const template = await t.database.db.selectFrom('awards').selectAll().executeTakeFirstOrThrow()
          await assert.rejects(
            t.database.db.transaction().execute((trx) =>
              withTablesLoadedInBulk(trx, ['awards'], async () => {
                const { id: _id, ...values } = template
                await trx
                  .insertInto('awards')
                  .values({ ...values, decision_id: 987_654_321, position: 1 })
                  .execute()
              }),
            ),
            /foreign key/i,
          )
          assert.equal(await count(), awardsBefore)
          assert.deepEqual(await indexesAndKeys(t.database, 'awards'), before)
        },
        { demo: true },
      ))
  })
}
