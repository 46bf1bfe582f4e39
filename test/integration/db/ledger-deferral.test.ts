import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import type { Database } from '../../../src/db/database.ts'
import { withLedgerDeferred } from '../../../src/db/ledger-deferral.ts'
import { openTestDatabase, testEngines } from '../../support/database.ts'
import { rowOf } from '../../support/rows.ts'

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

/**
 * Adds, with the ledger kept statement by statement, the kinds of award the demonstration data lacks: areas on a
 * decision whose award's service has areas of its own, a yearly amount, a ceiling, a financial year with no dates,
 * and a period over three years.
 */
async function addAwardsOfEveryKind(database: Database): Promise<void> {
  const db = database.db
  const decision = await db
    .selectFrom('ledger_awards')
    .innerJoin('service_areas', 'service_areas.service_id', 'ledger_awards.service_id')
    .select(['ledger_awards.decision_id as id', 'ledger_awards.recipient_name', 'ledger_awards.service_id'])
    .executeTakeFirstOrThrow()
  // Areas the award's service does not cover, so that a ledger row shows which of the two it took.
  const areas = await db
    .selectFrom('areas')
    .select('id')
    .where(
      'id',
      'not in',
      db.selectFrom('service_areas').select('area_id').where('service_id', '=', decision.service_id),
    )
    .orderBy('id')
    .limit(2)
    .execute()
  await db
    .insertInto('decision_areas')
    .values(areas.map((area) => ({ decision_id: decision.id, area_id: area.id })))
    .onConflict((oc) => oc.doNothing())
    .execute()
  const award = { decision_id: decision.id, recipient_name: decision.recipient_name, amount_pence: 1_000_001 }
  await db
    .insertInto('awards')
    .values([
      { ...award, position: 91, per_annum: true, period_start: '2023-04-01', period_end: '2025-03-31' },
      { ...award, position: 92, up_to: true, period_start: '2023-10-01', period_end: '2024-09-30' },
      { ...award, position: 93, financial_year: 2022 },
      { ...award, position: 94, period_start: '2021-07-15', period_end: '2024-01-14' },
    ])
    .execute()
}

/** Whether the data holds each kind of award the rebuild treats its own way, so that comparing the two means something. */
async function casesCovered(database: Database): Promise<Record<string, boolean>> {
  const { rows } = await sql<Record<string, boolean>>`
    select
      exists (select 1 from ledger_awards a join service_areas sa on sa.service_id = a.service_id) as "serviceAreas",
      exists (select 1 from ledger_awards a join decision_areas da on da.decision_id = a.decision_id
        where not exists (select 1 from service_areas sa where sa.service_id = a.service_id)) as "decisionAreas",
      exists (select 1 from ledger_awards where per_annum) as "perAnnum",
      exists (select 1 from ledger_awards where up_to) as "ceiling",
      exists (select 1 from awards where period_start is null and financial_year is not null) as "yearOnly",
      exists (select 1 from ledger_years group by award_id having count(*) > 1) as "severalYears"`.execute(database.db)
  return rows[0]!
}

for (const engine of testEngines()) {
  describe(`bulk work with the ledger held off, on ${engine}`, () => {
    test('a rebuild gives the same ledger and running totals as the statement-by-statement refresh', async () => {
      const t = await openTestDatabase(engine, { demo: true })
      try {
        await addAwardsOfEveryKind(t.database)
        assert.deepEqual(await casesCovered(t.database), {
          serviceAreas: true,
          decisionAreas: true,
          perAnnum: true,
          ceiling: true,
          yearOnly: true,
          severalYears: true,
        })
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
        // An award in the ledger already, to add another to its decision.
        const inLedger = await rowOf(t.database, 'ledger_awards', ['decision_id', 'recipient_name'], {})
        const countInLedger = async (executor: Pick<Database['db'], 'selectFrom'>) =>
          Number(
            (
              await executor
                .selectFrom('ledger_awards')
                .select((eb) => eb.fn.countAll<string>().as('n'))
                .where('decision_id', '=', inLedger.decision_id)
                .executeTakeFirstOrThrow()
            ).n,
          )
        const before = await countInLedger(t.database.db)
        const seenInside = await withLedgerDeferred(t.database, async (trx) => {
          await trx
            .insertInto('awards')
            .values({
              decision_id: inLedger.decision_id,
              position: 99,
              recipient_name: inLedger.recipient_name,
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
