import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { webAppSetUp } from '../../support/staff.ts'
import { testEngines } from '../../support/database.ts'

interface Office {
  id: number
  name: string
  slug: string
}

/** A CSV's column by its header (the files are simple: no quoted commas in the office column). */
function csvColumn(text: string, header: string): string[] {
  const rows = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((line) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')),
    )
  const index = rows[0]!.indexOf(header)
  assert.ok(index >= 0, `the CSV has a ${header} column`)
  return rows.slice(1).map((row) => row[index]!)
}

for (const engine of testEngines()) {
  describe(`an office's register shows only its own records on ${engine}`, () => {
    const web = webAppSetUp(engine)
    let offices: Office[] = []

    before(async () => {
      offices = await web.database.db
        .selectFrom('offices as f')
        .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
        .select(['o.id', 'o.name', 'f.slug'])
        .orderBy('o.id')
        .execute()
      assert.ok(offices.length >= 3)
    })

    const get = async (path: string) => {
      const response = await fetch(`${web.baseUrl}${path}`)
      assert.equal(response.status, 200, path)
      return response.text()
    }

    test('the downloads (decisions, disclosure log, 360Giving) hold only the office’s records', async () => {
      let decisions = 0
      let grants = 0
      let responses = 0
      let empty = 0
      for (const office of offices) {
        const base = `/offices/${office.slug}`
        const names = csvColumn(await get(`${base}/downloads/decisions.csv`), 'Office')
        assert.deepEqual(
          [...new Set(names)].filter((n) => n !== office.name),
          [],
          `${office.name}: decisions.csv`,
        )
        decisions += names.length
        const log = csvColumn(await get(`${base}/downloads/disclosure-log.csv`), 'Office')
        assert.deepEqual(
          [...new Set(log)].filter((n) => n !== office.name),
          [],
          `${office.name}: disclosure-log.csv`,
        )
        responses += log.length
        // An office with no published award has no 360Giving package (the standard needs a grant): not found, and not offered.
        const response = await fetch(`${web.baseUrl}${base}/downloads/360giving.json`)
        if (response.status === 404) {
          assert.match(await get(`${base}/open-data`), /id="no-grants"/)
          empty += 1
          continue
        }
        const json = (await response.json()) as {
          grants: Array<{ fundingOrganization: Array<{ name: string }> }>
        }
        const funders = new Set(json.grants.map((g) => g.fundingOrganization[0]!.name))
        assert.deepEqual(
          [...funders].filter((n) => n !== office.name),
          [],
          `${office.name}: 360giving.json`,
        )
        const sheet = await get(`${base}/downloads/360giving.csv`)
        for (const other of offices.filter((o) => o.id !== office.id))
          assert.ok(!sheet.includes(other.name), `${office.name}: 360giving.csv names ${other.name}`)
        grants += json.grants.length
      }
      // The whole register's files hold every office's records: what the offices' files hold adds up to them.
      assert.equal(decisions, csvColumn(await get('/downloads/decisions.csv'), 'Office').length)
      assert.equal(responses, csvColumn(await get('/downloads/disclosure-log.csv'), 'Office').length)
      const all = JSON.parse(await get('/downloads/360giving.json')) as { grants: unknown[] }
      assert.equal(grants, all.grants.length)
      assert.ok(decisions > 0 && grants > 0 && responses > 0)
      assert.ok(empty < offices.length, 'some office has a 360Giving file')
    })

    test('the Atom feeds list only the office’s decisions and link inside its register', async () => {
      const slugs = new Map(
        (
          await web.database.db
            .selectFrom('decisions')
            .select(['slug', 'office_id'])
            .where('slug', 'is not', null)
            .execute()
        ).map((d) => [d.slug!, d.office_id]),
      )
      let entries = 0
      for (const office of offices) {
        const base = `/offices/${office.slug}`
        const feed = await get(`${base}/feeds/decisions.atom`)
        assert.match(feed, new RegExp(`<title[^>]*>${office.name.replace(/[()]/g, '\\$&')}: newly published decisions`))
        for (const [, href] of feed.matchAll(/<link[^>]*href="([^"]+)"/g)) {
          assert.ok(
            href!.startsWith(`${web.baseUrl}${base}`) || href!.includes(base),
            `${office.name}: ${href} is inside its register`,
          )
          const slug = /\/decisions\/([^/"]+)$/.exec(href!)?.[1]
          if (slug) {
            assert.equal(slugs.get(slug), office.id, `${office.name}: ${slug} is its own decision`)
            entries += 1
          }
        }
      }
      assert.ok(entries > 0)
    })

    test('the areas, pipeline and funding streams pages show only the office’s services and streams', async () => {
      const services = await web.database.db.selectFrom('services').select(['name', 'slug', 'office_id']).execute()
      const streams = await web.database.db.selectFrom('funding_streams').select(['name', 'office_id']).execute()
      let ownStreams = 0
      let ownServices = 0
      for (const office of offices) {
        const base = `/offices/${office.slug}`
        const othersServices = services.filter((s) => s.office_id !== null && s.office_id !== office.id)
        const othersStreams = streams.filter((s) => s.office_id !== null && s.office_id !== office.id)
        const funding = await get(`${base}/funding-streams`)
        for (const s of othersStreams)
          assert.ok(!funding.includes(`>${s.name}<`), `${office.name}: funding streams show ${s.name}`)
        ownStreams += streams.filter((s) => s.office_id === office.id && funding.includes(s.name)).length
        const pipeline = await get(`${base}/pipeline?on=2020-01-01`)
        for (const s of othersServices)
          assert.ok(!pipeline.includes(`/services/${s.slug}"`), `${office.name}: the pipeline shows ${s.name}`)
        const areas = await get(`${base}/areas`)
        for (const [, slug] of areas.matchAll(/href="[^"]*\/areas\/([a-z0-9-]+)"/g)) {
          const area = await get(`${base}/areas/${slug}`)
          for (const s of othersServices)
            assert.ok(!area.includes(`/services/${s.slug}"`), `${office.name}: the area ${slug} shows ${s.name}`)
          ownServices += services.filter(
            (s) => s.office_id === office.id && area.includes(`${base}/services/${s.slug}"`),
          ).length
        }
      }
      assert.ok(ownStreams > 0, 'some office’s own streams are shown')
      assert.ok(ownServices > 0, 'some office’s own services are shown by area')
    })
  })
}
