import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { openTestDatabase, testEngines, type TestDatabase } from '../../../support/database.ts'
import { startApp, type RunningApp } from '../../../support/server.ts'
import { addClassifiedRecords, leakedSecrets } from './fixtures.ts'
import { rowsOf, valueOf } from '../../../support/rows.ts'

const LISTS = ['decisions', 'awards', 'organisations', 'services', 'funding-streams', 'disclosure-log']

for (const engine of testEngines()) {
  describe(`crawl of the API, exports and feeds on ${engine}`, () => {
    let t: TestDatabase
    let app: RunningApp
    before(async () => {
      t = await openTestDatabase(engine, { demo: true })
      await addClassifiedRecords(t.database)
      app = await startApp(t.database)
    })
    after(async () => {
      await app.stop()
      await t.dispose()
    })

    const fetched: string[] = []
    async function body(path: string, status: number | number[] = 200): Promise<string> {
      const response = await fetch(`${app.baseUrl}${path}`)
      assert.ok([status].flat().includes(response.status), `${path}: ${response.status}`)
      const text = await response.text()
      assert.deepEqual(leakedSecrets(text), [], `${path} shows withheld or personal text`)
      fetched.push(path)
      return text
    }

    test('no list page, record, export, table or feed shows anything withheld, unpublished or personal', async () => {
      for (const list of LISTS) {
        let next: string | null = `/api/v1/${list}?limit=100`
        while (next) {
          const page = JSON.parse(await body(next)) as {
            data: Array<{ id: number; slug?: string }>
            links: { next: string | null }
          }
          for (const item of page.data) await body(`/api/v1/${list}/${item.id}`)
          next = page.links.next
        }
      }
      for (const path of [
        '/api',
        '/api/openapi.json',
        '/open-data',
        '/downloads/360giving.json',
        '/downloads/360giving.csv',
        '/downloads/decisions.csv',
        '/downloads/disclosure-log.csv',
        '/feeds/decisions.atom',
      ])
        await body(path)
      const providers = await rowsOf(t.database, 'organisations', ['slug'])
      for (const { slug } of providers) await body(`/feeds/providers/${slug}.atom`, [200, 404])
      await body('/feeds/providers/withheldorganisationname.atom', 404)
      const areas = await rowsOf(t.database, 'areas', ['slug'])
      for (const { slug } of areas) await body(`/feeds/areas/${slug}.atom`)
      assert.ok(fetched.length > 80)
    })

    test('records that are not public are not found by id either', async () => {
      const hidden = await t.database.db
        .selectFrom('decisions')
        .select('id')
        .where((eb) =>
          eb.or([eb('status', 'not in', ['published', 'imported']), eb('review_status', '=', 'unreviewed')]),
        )
        .execute()
      assert.ok(hidden.length >= 2)
      for (const { id } of hidden) await body(`/api/v1/decisions/${id}`, 404)
      const awards = await t.database.db
        .selectFrom('awards as a')
        .innerJoin('decisions as d', 'd.id', 'a.decision_id')
        .select('a.id')
        .where((eb) =>
          eb.or([
            eb('a.withheld', '=', true),
            eb('d.classification', '=', 'confidential'),
            eb('d.status', '=', 'draft'),
            eb('d.review_status', '=', 'unreviewed'),
          ]),
        )
        .execute()
      assert.ok(awards.length >= 4)
      for (const { id } of awards) await body(`/api/v1/awards/${id}`, 404)
      for (const { id } of awards)
        await body(
          `/api/v1/awards?decision=${(await t.database.db.selectFrom('awards').select('decision_id').where('id', '=', id).executeTakeFirstOrThrow()).decision_id}`,
        )
    })

    test('a partially confidential decision shows its withheld section by heading and exemption only', async () => {
      const id = await valueOf(t.database, 'decisions', 'id', { reference: 'T2025.002' })
      const decision = JSON.parse(await body(`/api/v1/decisions/${id}`)) as {
        sections: Array<{ heading: string; body: string | null; withheld: boolean; exemption: string | null }>
      }
      assert.deepEqual(decision.sections, [{ heading: 'Part 2', body: null, withheld: true, exemption: 's.31' }])
    })
  })
}
