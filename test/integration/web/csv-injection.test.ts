import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { parse } from 'csv-parse/sync'
import { sql } from 'kysely'
import { testEngines } from '../../support/database.ts'
import { webAppSetUp } from '../../support/staff.ts'

/** Text a spreadsheet would run as a formula if a CSV cell started with it. */
const DECISION_TITLE = '=HYPERLINK("http://x")'
const RECIPIENT_NAME = '@SUM(A1)'
const FOI_SUMMARY = '+cmd|calc'

for (const engine of testEngines()) {
  describe(`CSV formula injection on ${engine}`, () => {
    const web = webAppSetUp(engine)
    before(async () => {
      const db = web.database.db
      const award = await db
        .selectFrom('awards')
        .innerJoin('decisions', 'decisions.id', 'awards.decision_id')
        .select(['awards.decision_id', 'awards.recipient_id'])
        .where('decisions.status', '=', 'published')
        .where('decisions.classification', '=', 'non_confidential')
        .orderBy('awards.id')
        .executeTakeFirstOrThrow()
      await db.updateTable('decisions').set({ title: DECISION_TITLE }).where('id', '=', award.decision_id).execute()
      await db.updateTable('organisations').set({ name: RECIPIENT_NAME }).where('id', '=', award.recipient_id).execute()
      await db.updateTable('foi_requests').set({ summary: FOI_SUMMARY }).where('published_on', 'is not', null).execute()
      const views = await sql<{
        name: string
      }>`select matviewname as name from pg_matviews where schemaname = 'public'`.execute(db)
      for (const view of views.rows) await sql.raw(`refresh materialized view "${view.name}"`).execute(db)
    })

    const cells = async (path: string) => {
      const response = await fetch(`${web.baseUrl}${path}`)
      assert.equal(response.status, 200, path)
      return (parse(await response.text(), { bom: true, relax_column_count: true }) as string[][]).flat()
    }

    for (const [path, text] of [
      ['/downloads/decisions.csv', DECISION_TITLE],
      ['/downloads/disclosure-log.csv', FOI_SUMMARY],
      ['/ledger.csv', DECISION_TITLE],
      ['/downloads/360giving.csv', RECIPIENT_NAME],
    ] as const) {
      test(`${path} writes "${text}" as text, not a formula`, async () => {
        const all = await cells(path)
        const formulas = all.filter((cell) => /^[=+@]/.test(cell) || (/^-/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell)))
        assert.deepEqual(formulas, [], `${path} holds cells a spreadsheet would run`)
        assert.ok(
          all.some((cell) => cell.includes(text)),
          `${path} should still hold ${text}`,
        )
        assert.ok(
          all.some((cell) => cell.startsWith(`'${text.slice(0, 1)}`)),
          `${path} should prefix the cell with a quote`,
        )
      })
    }
  })
}
