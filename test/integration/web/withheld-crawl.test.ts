import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { openTestDatabase, testEngines, type TestDatabase } from '../../support/database.ts'
import { startApp, type RunningApp } from '../../support/server.ts'
import { crawl } from '../../support/crawl.ts'
import {
  addPersonalData,
  addRecords,
  ENTRY_POINTS,
  PRIVATE_AMOUNTS,
  PRIVATE_ORGANISATIONS,
  PRIVATE_PERSONAL,
  PRIVATE_WORDS,
  PUBLIC_ORGANISATIONS,
  shapeOf,
  textOf,
  type Fixture,
} from '../../support/withheld-records.ts'

/**
 * What a confidential decision, withheld awards and never-published records hold must not reach any public
 * page, notice, PDF, feed, export or API answer: not its people, not its amounts (or anything they could be
 * worked out from), not even the names of organisations that appear only there. The records are in
 * test/support/withheld-records.ts.
 */
for (const engine of testEngines()) {
  describe(`withheld people, amounts and names on ${engine}`, () => {
    let t: TestDatabase
    let app: RunningApp
    let fixture: Fixture
    const get = (path: string) => fetch(`${app.baseUrl}${path}`)

    before(async () => {
      t = await openTestDatabase(engine, { demo: true })
      fixture = await addRecords(t)
      await addPersonalData(t)
      app = await startApp(t.database)
    })
    after(async () => {
      await app.stop()
      await t.dispose()
    })

    function assertNothingPrivate(path: string, body: string): void {
      for (const word of [...PRIVATE_WORDS, ...PRIVATE_AMOUNTS, ...PRIVATE_PERSONAL])
        assert.ok(!body.includes(word), `${word} appears in ${path}`)
    }

    test('no public page, notice, PDF, feed, export or API answer holds a withheld person, amount or name', async (context) => {
      const { open, moneyWithheld, confidential } = fixture
      const organisations = await t.database.db.selectFrom('organisations').select(['id', 'slug']).execute()
      const areas = await t.database.db.selectFrom('areas').select('slug').execute()
      const queue = [
        ...ENTRY_POINTS,
        ...[open, moneyWithheld, confidential].flatMap(({ id, slug }) => [
          `/decisions/${slug}`,
          `/decisions/${slug}/notice`,
          `/decisions/${slug}/notice.pdf`,
          `/api/v1/decisions/${id}`,
        ]),
        '/api/v1/decisions?limit=100',
        '/api/v1/disclosure-log?limit=100',
        '/disclosure-log',
        '/downloads/disclosure-log.csv',
        '/api/v1/awards?limit=100',
        '/api/v1/organisations?limit=100',
        '/api/v1/services?limit=100',
        ...organisations.flatMap(({ id, slug }) => [
          `/providers/${slug}`,
          `/feeds/providers/${slug}.atom`,
          `/api/v1/organisations/${id}`,
        ]),
        ...areas.flatMap(({ slug }) => [`/areas/${slug}`, `/feeds/areas/${slug}.atom`]),
      ]
      let fetched = 0
      const requested = await crawl(
        app.baseUrl,
        queue,
        900,
        async (path, response) => {
          assert.ok(response.status < 500, `${path} answered ${response.status}`)
          const body = await textOf(response)
          assertNothingPrivate(path, body)
          if (response.status === 404) return null
          fetched++
          return (response.headers.get('content-type') ?? '').includes('html') ? body : null
        },
        ['/ledger?'],
      )
      assert.ok(fetched > 50, `only ${fetched} public addresses answered`)
      context.diagnostic(
        `${requested} public addresses requested, ${fetched} answered, none holding a withheld word or amount`,
      )
    })

    test('a confidential decision’s notice and PDF are stubs: reference, office, date, confidential and the exemption', async () => {
      const { slug } = fixture.confidential
      for (const path of [`/decisions/${slug}/notice`, `/decisions/${slug}/notice.pdf`]) {
        const text = await textOf(await get(path))
        assert.match(text, /W2025\.003/, path)
        assert.ok(text.includes(fixture.officeName), `${path} names the office`)
        assert.match(text, /1 May 2025/, path)
        assert.match(text, /This decision is confidential/, path)
        assert.match(text, /Withheld under section 31/, path)
        assert.doesNotMatch(text, /Sign-off|Approved on|Signed off on|Author|Declaration|Chief Finance Officer/i, path)
      }
      const open = await textOf(await get(`/decisions/${fixture.open.slug}/notice.pdf`))
      assert.match(open, /Open-CFO\. Signed off on 20 April 2025/)
    })

    test('the stated total and contributions of a decision whose awards are withheld are nowhere, and an open decision keeps its own', async () => {
      const api = async (id: number) =>
        (await (await get(`/api/v1/decisions/${id}`)).json()) as {
          statedTotal: number | null
          contributions: unknown[]
        }
      const withheld = await api(fixture.moneyWithheld.id)
      assert.equal(withheld.statedTotal, null)
      assert.deepEqual(withheld.contributions, [])
      assert.equal((await api(fixture.confidential.id)).statedTotal, null)
      const open = await api(fixture.open.id)
      assert.equal(open.statedTotal, 2500)
      assert.equal(open.contributions.length, 1)
      const list = (await (await get('/api/v1/decisions?limit=100')).json()) as {
        data: Array<{ id: number; statedTotal: number | null }>
      }
      assert.equal(list.data.find((d) => d.id === fixture.moneyWithheld.id)?.statedTotal, null)
      const csv = await (await get('/downloads/decisions.csv')).text()
      assert.match(csv.split('\n').find((line) => line.includes('W2025.001')) ?? '', /"£2,500",2500\.00/)
      const partRow = csv.split('\n').find((line) => line.includes('W2025.004')) ?? ''
      assert.match(
        partRow,
        /"£3,000 \(part withheld\)",,,/,
        'a sum of only the public awards says so and gives no figure as the total',
      )
      assert.match(csv.split('\n').find((line) => line.includes('W2025.002')) ?? '', /,Withheld,,,/)
      const home = await (await get('/?q=helpline')).text()
      assert.match(home, /£3,000 \(part withheld\)/)
      const service = await (await get('/services/outreach-service')).text()
      assert.match(service, /Outreach service/)
      assert.doesNotMatch(service, /PANGOLIN|44,444\.44/)
    })

    test('with the financial information withheld, neither the page nor the notice says revenue or within budget', async () => {
      const { slug } = fixture.moneyWithheld
      for (const path of [`/decisions/${slug}`, `/decisions/${slug}/notice`, `/decisions/${slug}/notice.pdf`]) {
        const text = await textOf(await get(path))
        assert.match(text, /Withheld under section 40/, path)
        assert.doesNotMatch(text, /within budget|funding is revenue|Revenue or capital/i, path)
      }
      assert.match(
        await textOf(await get(`/decisions/${fixture.open.slug}/notice`)),
        /The funding is revenue and is within budget/,
      )
    })

    test('the organisations API lists only organisations with a public part, and the rest answer as unknown ones do', async () => {
      const names: string[] = []
      for (let next: string | null = '/api/v1/organisations?limit=100'; next;) {
        const page = (await (await get(next.replace(/^https?:\/\/[^/]+/, ''))).json()) as {
          data: Array<{ name: string }>
          links: { next: string | null }
        }
        names.push(...page.data.map((o) => o.name))
        next = page.links.next
      }
      for (const name of PUBLIC_ORGANISATIONS) assert.ok(names.includes(name), `${name} is listed`)
      for (const name of PRIVATE_ORGANISATIONS) assert.ok(!names.includes(name), `${name} is not listed`)
      const unknown = await get('/api/v1/organisations/987654321')
      const unknownBody = await unknown.text()
      for (const name of PRIVATE_ORGANISATIONS) {
        const { id } = await t.database.db
          .selectFrom('organisations')
          .select('id')
          .where('name', '=', name)
          .executeTakeFirstOrThrow()
        const response = await get(`/api/v1/organisations/${id}`)
        assert.equal(response.status, unknown.status, name)
        assert.equal(
          shapeOf(await response.text(), `/api/v1/organisations/${id}`),
          shapeOf(unknownBody, '/api/v1/organisations/987654321'),
          name,
        )
      }
    })

    test('provider and area pages and feeds of names with no public part answer exactly as unknown ones', async () => {
      const slugs = await t.database.db
        .selectFrom('organisations')
        .select(['name', 'slug'])
        .where('name', 'in', [...PRIVATE_ORGANISATIONS, ...PUBLIC_ORGANISATIONS])
        .execute()
      const unknownPage = await get('/providers/no-such-organisation')
      const unknownPageBody = shapeOf(await unknownPage.text(), '/providers/no-such-organisation')
      const unknownFeed = await get('/feeds/providers/no-such-organisation.atom')
      const unknownFeedBody = shapeOf(await unknownFeed.text(), '/feeds/providers/no-such-organisation.atom')
      for (const { name, slug } of slugs) {
        const page = await get(`/providers/${slug}`)
        const feed = await get(`/feeds/providers/${slug}.atom`)
        if (PUBLIC_ORGANISATIONS.includes(name)) {
          assert.equal(page.status, 200, name)
          assert.equal(feed.status, 200, name)
          continue
        }
        assert.equal(page.status, unknownPage.status, name)
        assert.equal(shapeOf(await page.text(), `/providers/${slug}`), unknownPageBody, name)
        assert.equal(feed.status, unknownFeed.status, name)
        assert.equal(shapeOf(await feed.text(), `/feeds/providers/${slug}.atom`), unknownFeedBody, name)
      }
      assert.equal((await get('/areas/tapirshire')).status, (await get('/areas/no-such-area')).status)
      assert.equal(
        (await get('/feeds/areas/tapirshire.atom')).status,
        (await get('/feeds/areas/no-such-area.atom')).status,
      )
      assert.doesNotMatch(await (await get('/areas')).text(), /Tapirshire/)
    })
  })
}
