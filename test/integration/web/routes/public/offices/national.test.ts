import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { formatPounds } from '../../../../../../src/domain/money-words.ts'
import { formatPence } from '../../../../../../src/domain/money.ts'
import { SYSTEM_ACTOR } from '../../../../../../src/services/audit/audit.ts'
import { PublicOfficeService } from '../../../../../../src/services/offices/public-offices.ts'
import { webAppSetUp } from '../../../../../support/staff.ts'
import { testEngines } from '../../../../../support/database.ts'

/** The row of one office in the spend-by-year table. */
function officeRow(html: string, name: string): string {
  const table = /<table class="govuk-table" id="by-year">[\s\S]*?<\/table>/.exec(html)?.[0] ?? ''
  return [...table.matchAll(/<tr class="govuk-table__row">[\s\S]*?<\/tr>/g)].map((m) => m[0]).find((row) => row.includes(name)) ?? ''
}

for (const engine of testEngines()) {
  describe(`the national comparison on ${engine}`, () => {
    const web = webAppSetUp(engine)
    let notts = { id: 0, name: '' }

    before(async () => {
      const row = await web.database.db
        .selectFrom('offices as f')
        .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
        .select(['f.organisation_id as id', 'o.name'])
        .where('f.short_name', '=', 'Nottinghamshire')
        .executeTakeFirstOrThrow()
      notts = { id: row.id, name: row.name }
    })

    const page = async () => {
      const response = await fetch(`${web.baseUrl}/national`)
      assert.equal(response.status, 200)
      return (await response.text()).replace(/&#39;/g, "'")
    }
    const oneOffTotal = async (officeId: number) =>
      Number(
        (
          await sql<{ pence: number }>`select coalesce(sum(pence), 0)::bigint as pence from ledger_years
            where office_id = ${officeId} and not per_annum and not up_to`.execute(web.database.db)
        ).rows[0]!.pence,
      )

    test('each office’s spend by year adds up to its public one-off awards, and every office has a row', async () => {
      const html = await page()
      const total = await oneOffTotal(notts.id)
      assert.ok(total > 0)
      assert.ok(officeRow(html, notts.name).includes(formatPounds(total)), 'the Nottinghamshire total')
      for (const name of ['Essex Office of the Police, Fire and Crime Commissioner', 'Hampshire Office of the Police and Crime Commissioner'])
        assert.ok(officeRow(html, name), `${name} has a row`)
      assert.match(html, /id="by-stream"/)
      assert.match(html, /id="by-type"/)
      assert.match(html, /id="by-provider"/)
      assert.match(officeRow(html, notts.name), /not recorded/)
    })

    test('per-head figures come from the recorded population, with its source named', async () => {
      await new PublicOfficeService(web.database).recordPopulation(
        { officeId: notts.id, year: 2022, population: 1_000_000, source: 'Test population estimate, mid-2022' },
        SYSTEM_ACTOR,
      )
      const html = await page()
      const perHead = Math.round((await oneOffTotal(notts.id)) / 1_000_000)
      assert.ok(officeRow(html, notts.name).includes(formatPence(perHead)), `per head ${formatPence(perHead)}`)
      assert.match(html, /1,000,000 people in 2022 \(Test population estimate, mid-2022\)/)
      await assert.rejects(
        new PublicOfficeService(web.database).recordPopulation(
          { officeId: notts.id, year: 2022, population: 0, source: '' },
          SYSTEM_ACTOR,
        ),
        /greater than 0/,
      )
    })

    test('a decision made confidential leaves the national figures at once', async () => {
      const before = await oneOffTotal(notts.id)
      const decision = (
        await sql<{ id: number }>`select decision_id as id from ledger_years where office_id = ${notts.id} and not per_annum and not up_to
          group by decision_id order by sum(pence) desc limit 1`.execute(web.database.db)
      ).rows[0]!
      await web.database.db
        .updateTable('decisions')
        .set({ classification: 'confidential', exemption: 'Section 43: commercial interests' })
        .where('id', '=', decision.id)
        .execute()
      const after = await oneOffTotal(notts.id)
      assert.ok(after < before, 'the read model dropped the decision')
      const html = await page()
      assert.ok(officeRow(html, notts.name).includes(formatPounds(after)))
      assert.ok(!officeRow(html, notts.name).includes(`>${formatPounds(before)}<`))
    })
  })
}
