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

    /** Adds organisations by name (those after the first marked for review, as an import leaves them); their ids. */
    const organisations = async (...names: string[]) => {
      const values = names.map((name, i) => ({
        kind: 'provider' as const,
        name,
        slug: `org-${i}`,
        needs_review: i > 0,
      }))
      const rows = await t.database.db.insertInto('organisations').values(values).returning('id').execute()
      return rows.map((row) => Number(row.id))
    }
    const mergedInto = async (ids: number[]) => {
      const rows = await t.database.db.selectFrom('organisations').select(['id', 'merged_into_id']).execute()
      return ids.map((id) => rows.find((row) => Number(row.id) === id)?.merged_into_id ?? null)
    }

    test('an organisation named by nothing else is merged into the one confirmed; one with an alias is left alone', async () => {
      const [target, unnamed, named] = await organisations(
        'Riverside Refuge Trust',
        'Riverside Refuge Trst',
        'Riverside Refuge',
      )
      await t.database.db.insertInto('organisation_aliases').values({ organisation_id: named!, alias: 'RRT' }).execute()

      const learned = await t.database.transaction((trx) =>
        learnAliases(trx, [
          { from: 'Riverside Refuge Trst', to: 'Riverside Refuge Trust' },
          { from: 'Riverside Refuge', to: 'Riverside Refuge Trust' },
        ]),
      )

      assert.deepEqual(learned, [{ alias: 'Riverside Refuge Trst', organisationId: target }])
      const [unnamedInto, namedInto] = await mergedInto([unnamed!, named!])
      assert.equal(Number(unnamedInto), target)
      assert.equal(namedInto, null, 'an alias names it, so it stays its own organisation')
    })
  })
}
