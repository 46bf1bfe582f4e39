import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { parse } from 'csv-parse/sync'
import { testEngines } from '../../../support/database.ts'
import { webAppSetUp } from '../../../support/staff.ts'
import { generateRegister } from '../../../../bench/generate.ts'
import { REGISTER_PAGE_SIZE } from '../../../../src/services/decisions/register.ts'
import { addClassifiedRecords, leakedSecrets } from './fixtures.ts'

for (const engine of testEngines()) {
  describe(`CSV downloads and Atom feeds on ${engine}`, () => {
    const web = webAppSetUp(engine)
    before(async () => {
      await addClassifiedRecords(web.database)
      await generateRegister(web.database, 80, 5)
    })

    const get = (path: string) => fetch(`${web.baseUrl}${path}`)
    const csv = async (path: string) => {
      const response = await get(path)
      assert.equal(response.status, 200)
      assert.match(response.headers.get('content-type') ?? '', /^text\/csv/)
      assert.match(response.headers.get('content-disposition') ?? '', /attachment/)
      const text = await response.text()
      assert.deepEqual(leakedSecrets(text), [])
      return parse(text, { columns: true, bom: true }) as Array<Record<string, string>>
    }
    const pageReferences = async (query: string) => {
      const references: string[] = []
      for (let page = 1; ; page++) {
        const html = await (await get(`/?${query}&page=${page}`)).text()
        const found = [
          ...html.matchAll(/<tr class="govuk-table__row">\s*<td class="govuk-table__cell">([^<]*)<\/td>/g),
        ].map((m) => m[1]!)
        references.push(...found)
        if (found.length < REGISTER_PAGE_SIZE) return references
      }
    }

    test('the register CSV holds every page of exactly what the home page shows, with its filters', async () => {
      for (const query of [
        'q=',
        'year=2020',
        'q=refuge',
        `office=${(await web.database.db.selectFrom('offices').select('organisation_id').orderBy('organisation_id').executeTakeFirstOrThrow()).organisation_id}`,
      ]) {
        const rows = await csv(`/downloads/decisions.csv?${query}`)
        assert.deepEqual(
          rows.map((r) => r.Reference),
          await pageReferences(query),
          query,
        )
      }
      const car = (await csv('/downloads/decisions.csv?q=partnership+car')).find((r) => r.Reference === '2021.021')
      assert.equal(car?.Total, '£47,013')
      assert.equal(car?.['Total (pounds)'], '47013.00')
      assert.equal(car?.Date, '2021-03-16')
      const stub = (await csv('/downloads/decisions.csv?q=T2025.003')).find((r) => r.Reference === 'T2025.003')
      assert.equal(stub?.Classification, 'Confidential')
      assert.equal(stub?.Total, '')
    })

    test('the home page links to the CSV of what it shows, and a bad filter is refused', async () => {
      const html = await (await get('/?q=refuge&year=2020')).text()
      assert.match(html, /href="\/downloads\/decisions\.csv\?q=refuge&amp;office=&amp;year=2020"/)
      assert.equal((await get('/downloads/decisions.csv?year=banana')).status, 400)
    })

    test('the disclosure log CSV lists answered requests without requesters', async () => {
      const rows = await csv('/downloads/disclosure-log.csv')
      assert.ok(rows.some((r) => r.Reference === '10653' && r.Questions === '6'))
      assert.ok(rows.some((r) => r.Reference === 'FOI-T-1'))
      assert.deepEqual(
        (await csv('/downloads/disclosure-log.csv?q=WAIS')).map((r) => r.Reference),
        ['10653'],
      )
    })

    test('the open data page links the 360Giving downloads, which validate and leak nothing', async () => {
      const page = await (await get('/open-data')).text()
      assert.match(page, /href="\/downloads\/360giving\.json"/)
      assert.match(page, /<link rel="alternate" type="application\/atom\+xml" href="\/feeds\/decisions\.atom"/)
      const response = await get('/downloads/360giving.json')
      assert.equal(response.status, 200)
      const text = await response.text()
      assert.deepEqual(leakedSecrets(text), [])
      const data = JSON.parse(text) as { grants: Array<{ id: string }> }
      assert.ok(data.grants.length > 20)
      const again = JSON.parse(await (await get('/downloads/360giving.json')).text()) as {
        grants: Array<{ id: string }>
      }
      assert.deepEqual(
        again.grants.map((g) => g.id),
        data.grants.map((g) => g.id),
      )
      assert.equal((await get('/downloads/360giving.csv')).status, 200)
    })

    test('Atom feeds: new decisions, per provider and per area, with confidential ones as stubs', async () => {
      const all = await get('/feeds/decisions.atom')
      assert.equal(all.status, 200)
      assert.match(all.headers.get('content-type') ?? '', /application\/atom\+xml/)
      const xml = await all.text()
      assert.match(xml, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/)
      assert.match(xml, /T2025\.003 Confidential decision/)
      assert.match(xml, /Withheld under section 43 of the Freedom of Information Act 2000/)
      assert.deepEqual(leakedSecrets(xml), [])
      assert.equal(xml.match(/<entry>/g)?.length, 50)
      const provider = await (await get('/feeds/providers/juno-women-s-aid.atom')).text()
      assert.match(provider, /2021\.021 Domestic Abuse Partnership Car Pilot/)
      assert.doesNotMatch(provider, /PCC036\/18/)
      const area = await (await get('/feeds/areas/mansfield.atom')).text()
      assert.match(area, /2021\.021/)
      assert.doesNotMatch(area, /T2025\.003/)
      assert.equal((await get('/feeds/providers/nobody-at-all.atom')).status, 404)
    })
  })
}
