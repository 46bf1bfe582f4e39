import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { parse } from 'csv-parse/sync'
import { organisationIdWithSlug } from '../../../../../support/records.ts'
import { webAppSetUp } from '../../../../../support/staff.ts'
import { testEngines } from '../../../../../support/database.ts'

for (const engine of testEngines()) {
  describe(`the ledger pages on ${engine}`, () => {
    const web = webAppSetUp(engine)
    let junoId: number
    before(async () => {
      junoId = await organisationIdWithSlug(web.database, 'juno-women-s-aid')
    })

    const get = (path: string) => fetch(`${web.baseUrl}${path}`)
    const cells = (html: string, tableId: string) => {
      const table = new RegExp(`<table[^>]*id="${tableId}"[\\s\\S]*?</table>`).exec(html)?.[0] ?? ''
      return [...table.matchAll(/<tbody[\s\S]*?<\/tbody>/g)].flatMap((body) =>
        [...body[0].matchAll(/<tr[\s\S]*?<\/tr>/g)].map((row) =>
          [...row[0].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) =>
            c[1]!
              .replace(/<[^>]+>/g, ' ')
              .replace(/\s+/g, ' ')
              .trim(),
          ),
        ),
      )
    }

    test('the ledger lists every public award with its decision, and totals the one-off sums', async () => {
      const response = await get('/ledger')
      assert.equal(response.status, 200)
      const html = await response.text()
      assert.match(html, /21 awards/)
      assert.match(html, /One-off sums: <strong>£562,808\.55<\/strong>/)
      assert.equal(cells(html, 'ledger').length, 21)
    })

    test('filters and sorting narrow and order the table, and the CSV holds exactly the same rows', async () => {
      const query = `provider=${junoId}&year=2024&sort=amount&dir=desc`
      const html = await (await get(`/ledger?${query}`)).text()
      const rows = cells(html, 'ledger')
      assert.deepEqual(
        rows.map((r) => r[2]),
        ['£94,838.82', '£33,997.16', '£30,148.43'],
      )
      assert.match(html, /of which <strong>£158,984\.41<\/strong> falls in 2024\/25/)
      const csvResponse = await get(`/ledger.csv?${query}`)
      assert.match(csvResponse.headers.get('content-type') ?? '', /text\/csv/)
      const csv = parse(await csvResponse.text(), { columns: true }) as Array<Record<string, string>>
      assert.deepEqual(
        csv.map((r) => r['Amount (£)']),
        ['94838.82', '33997.16', '30148.43'],
      )
      assert.deepEqual(
        csv.map((r) => r['In 2024/25 (£)']),
        ['94838.82', '33997.16', '30148.43'],
      )
      assert.ok(csv.every((r) => r.Recipient === "Juno Women's Aid" && r['Decision reference'] === '2024.006'))
    })

    test('the per-year view apportions and reconciles, and says what it leaves out', async () => {
      const html = await (await get('/ledger?view=years')).text()
      const rows = cells(html, 'ledger-years')
      assert.deepEqual(rows.find((r) => r[0] === '2024/25')?.[1], '£215,566.69')
      assert.match(html, /id="years-total">£562,808\.55/)
    })

    test('a bad filter is explained with a 400, naming the field', async () => {
      const response = await get('/ledger?year=banana&route=bribe')
      assert.equal(response.status, 400)
      const html = await response.text()
      assert.match(html, /Choose a financial year from the list/)
      assert.match(html, /Choose a procurement route from the list/)
      assert.match(html, /href="#route"/)
    })

    test('a provider page shows what it received by year and by service', async () => {
      const html = await (await get('/providers/juno-women-s-aid')).text()
      assert.match(html, /<h1[^>]*>Juno Women&#39;s Aid<\/h1>/)
      assert.match(html, /id="provider-total">£334,836\.31/)
      const services = cells(html, 'provider-services')
      assert.deepEqual(
        services.map((r) => r[0]),
        ['Domestic abuse partnership car pilot', 'Perpetrator programme survivor support'],
      )
      const list = await (await get('/providers')).text()
      assert.match(list, /Juno Women&#39;s Aid/)
    })

    test('an area page lists every service serving it', async () => {
      const html = await (await get('/areas/southampton')).text()
      assert.deepEqual(
        cells(html, 'services').map((r) => r[0]),
        [
          'Hampshire and Southampton domestic abuse perpetrator service',
          'Domestic Abuse Prevention Partnership (DAPP)',
        ],
      )
    })

    test('the pipeline on 1 May 2018 shows the two seed 003 contracts ending together with no successor', async () => {
      const html = await (await get('/pipeline?on=2018-05-01')).text()
      const within12 = cells(html, 'pipeline-12')
      assert.equal(within12.length, 2)
      assert.ok(within12.every((r) => r[3] === '31 March 2019'))
      const bad = await get('/pipeline?on=31/03/2019')
      assert.equal(bad.status, 400)
      assert.match(await bad.text(), /Enter the date as year-month-day/)
    })

    test('a service page gives its term, contributions and the pro-rata calculation', async () => {
      const base = '/services/hampshire-and-southampton-domestic-abuse-perpetrator-service'
      const html = await (await get(base)).text()
      assert.match(html, /31 March 2026/)
      assert.match(html, /6 months’ notice/)
      const southampton = /<option value="(\d+)">Southampton City Council/.exec(html)![1]
      const result = await (await get(`${base}?partner=${southampton}&reduction=50`)).text()
      assert.match(result, /id="pro-rata-office">£60,000 a year \(up to\)/)
      const bad = await get(`${base}?partner=${southampton}&reduction=150`)
      assert.equal(bad.status, 400)
      assert.match(await bad.text(), /Enter the reduction as a percentage from 0 to 100/)
    })

    test('funding streams show what was received, committed and left', async () => {
      const html = await (await get('/funding-streams')).text()
      assert.match(html, /Core commissioning budget/)
      assert.match(html, /£215,566\.69/)
    })

    test('the charts are accessible SVG images with their figures in tables', async () => {
      const html = await (await get('/charts')).text()
      const svgs = html.match(/<svg[^>]*role="img"[^>]*>/g) ?? []
      assert.equal(svgs.length, 4)
      for (const id of ['chart-serviceType', 'chart-provider', 'chart-area', 'flow']) {
        assert.match(html, new RegExp(`<title id="${id}-title">`))
        assert.match(html, new RegExp(`<desc id="${id}-desc">`))
      }
      assert.ok(cells(html, 'flow-table').length > 5)
      assert.match(html, /id="chart-area-table"[\s\S]*?£562,808\.55/)
      assert.doesNotMatch(html, /<script(?![^>]*nonce)/)
    })

    test('each chart’s years run without a gap, the years with no spend shown empty', async () => {
      const html = await (await get('/charts')).text()
      for (const id of ['chart-serviceType', 'chart-provider', 'chart-area']) {
        const head = new RegExp(`<table[^>]*id="${id}-table"[\\s\\S]*?</thead>`).exec(html)?.[0] ?? ''
        const years = [...head.matchAll(/>(\d{4})\/\d{2}</g)].map((m) => Number(m[1]))
        assert.ok(years.length > 2, id)
        assert.deepEqual(years, Array.from({ length: years.length }, (_, i) => years[0]! + i), id)
      }
    })

    test('each chart downloads as an SVG picture and its figures as CSV, for the year chosen', async () => {
      const html = await (await get('/charts?year=2024')).text()
      for (const file of ['spend-by-service-type', 'spend-by-provider', 'spend-by-area', 'flow-of-money']) {
        assert.match(html, new RegExp(`href="/charts/${file}\\.svg\\?year=2024"`), file)
        assert.match(html, new RegExp(`href="/charts/${file}\\.csv\\?year=2024"`), file)
      }
      const page = await (await get('/charts')).text()
      const svg = await get('/charts/spend-by-area.svg')
      assert.equal(svg.status, 200)
      assert.match(svg.headers.get('content-type') ?? '', /^image\/svg\+xml/)
      assert.match(svg.headers.get('content-disposition') ?? '', /attachment; filename="?spend-by-area\.svg"?$/)
      const picture = await svg.text()
      assert.match(picture, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
      assert.ok(page.includes(picture.split('\n')[1]!), 'the file is the picture on the page')

      const csv = await get('/charts/spend-by-area.csv')
      assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/)
      const bytes = Buffer.from(await csv.arrayBuffer())
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark')
      const rows = parse(bytes.subarray(3).toString('utf8')) as string[][]
      const table = cells(page, 'chart-area-table')
      assert.equal(rows[0]![0], 'Area')
      assert.equal(rows.length, table.length + 2, 'a header, every series and the total')
      assert.deepEqual(rows.at(-1)!.at(-1), '562808.55')
      for (const [i, row] of table.entries()) assert.equal(rows[i + 1]![0], row[0])

      const flow = parse(await (await get('/charts/flow-of-money.csv')).text()) as string[][]
      assert.deepEqual(flow[0], ['From', 'To', 'Money from', 'Colour', 'Amount (£)', 'Of which ceilings, up to (£)'])
      assert.equal(flow.length - 1, cells(page, 'flow-table').length)
      assert.equal((await get('/charts/spend-by-area.csv?year=20x')).status, 400)
      assert.equal((await get('/charts/spend-by-nothing.csv')).status, 404)
      assert.equal((await get('/charts/spend-by-area.png')).status, 404)
    })
  })
}
