import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { matchesWords } from '../../../src/db/repositories/decisions/decision-search.ts'
import { withLedgerDeferred } from '../../../src/db/ledger-deferral.ts'
import { openTestDatabase, testEngines, type TestDatabase } from '../../support/database.ts'

/** Each decision's words as the lexemes they hold, which do not depend on the order the names were joined in. */
async function wordsOfEveryDecision(t: TestDatabase): Promise<string[]> {
  const { rows } = await sql<{ line: string }>`
    select decision_id || ' ' || array_to_string(tsvector_to_array(words), ' ') as line
    from decision_words order by decision_id`.execute(t.database.db)
  return rows.map((row) => row.line)
}

for (const engine of testEngines()) {
  describe(`the search's words of each decision, kept by triggers, on ${engine}`, () => {
    let t: TestDatabase
    let decisionId: number
    let awardId: number

    const found = async (words: string) => {
      const { rows } = await sql<{ id: number }>`select d.id from decisions d
        where ${matchesWords(words, null)}`.execute(t.database.db)
      return rows.map((row) => Number(row.id))
    }

    const nameRecipient = (name: string) =>
      t.database.db.updateTable('awards').set({ recipient_name: name }).where('id', '=', awardId).execute()

    before(async () => {
      t = await openTestDatabase(engine, { demo: true })
      const award = await t.database.db
        .selectFrom('awards as a')
        .innerJoin('decisions as d', 'd.id', 'a.decision_id')
        .where('d.classification', '<>', 'confidential')
        .where('a.withheld', '=', false)
        .select(['a.id', 'a.decision_id'])
        .orderBy('a.id')
        .executeTakeFirstOrThrow()
      decisionId = Number(award.decision_id)
      awardId = Number(award.id)
    })
    after(() => t.dispose())

    test('every decision has its words, and a rebuild gives the words the triggers kept', async () => {
      const decisions = await t.database.db
        .selectFrom('decisions')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
      const kept = await wordsOfEveryDecision(t)
      assert.equal(kept.length, Number(decisions.n))
      await withLedgerDeferred(t.database, async () => undefined)
      assert.deepEqual(await wordsOfEveryDecision(t), kept)
    })

    test("an award's new recipient is found, and is not found while the award is withheld or its decision confidential", async () => {
      await nameRecipient('Zephyrquill Trust')
      assert.deepEqual(await found('Zephyrquill'), [decisionId])
      await t.database.db.updateTable('awards').set({ withheld: true }).where('id', '=', awardId).execute()
      assert.deepEqual(await found('Zephyrquill'), [])
      await t.database.db.updateTable('awards').set({ withheld: false }).where('id', '=', awardId).execute()
      assert.deepEqual(await found('Zephyrquill'), [decisionId])
      await t.database.db
        .updateTable('decisions')
        .set({ classification: 'confidential', exemption: 's.43' })
        .where('id', '=', decisionId)
        .execute()
      assert.deepEqual(await found('Zephyrquill'), [], 'a confidential decision is not found by the names around it')
      await t.database.db
        .updateTable('decisions')
        .set({ classification: 'non_confidential', exemption: null })
        .where('id', '=', decisionId)
        .execute()
      assert.deepEqual(await found('Zephyrquill'), [decisionId])
    })

    test('a renamed area or service finds the decisions it belongs to', async () => {
      const area = await t.database.db.selectFrom('areas').select('id').orderBy('id').executeTakeFirstOrThrow()
      await t.database.db
        .insertInto('decision_areas')
        .values({ decision_id: decisionId, area_id: area.id })
        .onConflict((oc) => oc.doNothing())
        .execute()
      await t.database.db.updateTable('areas').set({ name: 'Brackenmoor' }).where('id', '=', area.id).execute()
      assert.ok((await found('Brackenmoor')).includes(decisionId))
      await t.database.db
        .deleteFrom('decision_areas')
        .where('decision_id', '=', decisionId)
        .where('area_id', '=', area.id)
        .execute()
      assert.ok(!(await found('Brackenmoor')).includes(decisionId))

      const service = await t.database.db.selectFrom('services').select('id').orderBy('id').executeTakeFirstOrThrow()
      await t.database.db.updateTable('awards').set({ service_id: service.id }).where('id', '=', awardId).execute()
      await t.database.db
        .updateTable('services')
        .set({ name: 'Thistledown outreach' })
        .where('id', '=', service.id)
        .execute()
      assert.ok((await found('Thistledown')).includes(decisionId))
    })

    test('a deleted award takes its words with it', async () => {
      await nameRecipient('Quarrelwyn Aid')
      assert.deepEqual(await found('Quarrelwyn'), [decisionId])
      await t.database.db
        .transaction()
        .execute(async (trx) => {
          await trx.deleteFrom('awards').where('id', '=', awardId).execute()
          const { rows } = await sql<{ id: number }>`select d.id from decisions d
          where ${matchesWords('Quarrelwyn', null)}`.execute(trx)
          assert.deepEqual(rows, [])
          throw new Error('roll back')
        })
        .catch((error: Error) => assert.equal(error.message, 'roll back'))
    })
  })
}
