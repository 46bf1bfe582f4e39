import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { learnAliases } from '../../../../src/services/imports/learning.ts'
import { openTestDatabase, testEngines, type TestDatabase } from '../../../support/database.ts'

for (const engine of testEngines()) {
  describe(`a misread name learned as an alias on ${engine}`, () => {
    let t: TestDatabase
    before(async () => {
      t = await openTestDatabase(engine)
    })
    after(async () => t?.dispose())

    const organisation = async (name: string, needsReview: boolean) =>
      (
        await t.database.db
          .insertInto('organisations')
          .values({ kind: 'provider', name, slug: name.toLowerCase().replace(/\W+/g, '-'), needs_review: needsReview })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    const mergedInto = async (id: number) =>
      (
        await t.database.db
          .selectFrom('organisations')
          .select('merged_into_id')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).merged_into_id

    test('an organisation named by nothing else is merged into the one confirmed; one with an alias is left alone', async () => {
      const target = await organisation('Riverside Refuge Trust', false)
      const unnamed = await organisation('Riverside Refuge Trst', true)
      const named = await organisation('Riverside Refuge', true)
      await t.database.db.insertInto('organisation_aliases').values({ organisation_id: named, alias: 'RRT' }).execute()

      const learned = await t.database.transaction((trx) =>
        learnAliases(trx, [
          { from: 'Riverside Refuge Trst', to: 'Riverside Refuge Trust' },
          { from: 'Riverside Refuge', to: 'Riverside Refuge Trust' },
        ]),
      )

      assert.deepEqual(learned, [{ alias: 'Riverside Refuge Trst', organisationId: target }])
      assert.equal(Number(await mergedInto(unnamed)), target)
      assert.equal(await mergedInto(named), null, 'an alias names it, so it stays its own organisation')
    })
  })
}
