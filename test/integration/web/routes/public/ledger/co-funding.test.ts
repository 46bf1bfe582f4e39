import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { parse } from 'csv-parse/sync'
import { webAppSetUp } from '../../../../../support/staff.ts'
import { testEngines } from '../../../../../support/database.ts'

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ')

/** Pounds as written in a CSV ("1632000.00") to pence. */
const pence = (pounds: string) => Math.round(Number(pounds) * 100)

type CsvRecord = Record<string, string>

for (const engine of testEngines()) {
  describe(`money by kind and partner contributions on ${engine}`, () => {
    const web = webAppSetUp(engine)

    const get = (path: string) => fetch(`${web.baseUrl}${path}`)
    const page = async (path: string) => {
      const response = await get(path)
      assert.equal(response.status, 200, path)
      return response.text()
    }
    const csv = async (path: string): Promise<CsvRecord[]> => {
      const response = await get(path)
      assert.equal(response.status, 200, path)
      const body = await response.text()
      return parse(body, { columns: true, bom: true }) as CsvRecord[]
    }
    const idOf = async (table: 'areas' | 'organisations', slug: string) =>
      (await web.database.db.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id

    test('Hampshire and Essex show what is committed, never £0', async () => {
      const hampshire = text(await page('/areas/hampshire'))
      assert.doesNotMatch(hampshire, /£0(\.00)?\b/)
      assert.match(hampshire, /Yearly ceilings \(up to\) None £1,988,400 a year \(up to\) £1,988,400 a year \(up to\)/)
      assert.match(hampshire, /Hampshire Office of the Police and Crime Commissioner commits £364,500 a year \(up to\)/)
      assert.match(hampshire, /£294,500 a year \(up to\) £1,472,500 over 5 years, up to/)
      assert.match(hampshire, /Only one-off sums are added together/)
      const essex = text(await page('/areas/essex'))
      assert.doesNotMatch(essex, /£0(\.00)?\b/)
      assert.match(essex, /Yearly commitments None £2,125,000 a year £2,125,000 a year/)
      assert.match(essex, /April 2019 to March 2024/)
    })

    test('the providers list shows money of each kind, not a count', async () => {
      const html = await page('/providers')
      assert.doesNotMatch(html, />Awards</)
      const body = text(html)
      assert.match(body, /Women’s Aid Integrated Services £86,000 None None/)
      assert.match(text(/id="providers-one-off"[\s\S]*?<\/td>/.exec(html)![0]), /£562,808\.55/)
    })

    test('a decision sums its partners in words', async () => {
      const body = text(await page('/decisions/essex-pcc036-18'))
      assert.match(body, /£2,125,000 a year in total from four partners/)
      assert.match(body, /Essex County Council £1,632,000 a year/)
      const hampshire = text(await page('/decisions/hampshire-pccml-000407-2018'))
      assert.match(hampshire, /£1,988,400 a year in total from three partners, up to/)
    })

    test('the ledger lists contributions beside the awards, filterable by partner', async () => {
      const all = text(await page('/ledger'))
      assert.match(all, /9 partner contributions/)
      const council = await idOf('organisations', 'hampshire-county-council')
      const html = await page(`/ledger?partner=${council}`)
      assert.match(html, /id="partner-note"/)
      const body = text(html)
      assert.match(body, /2 partner contributions/)
      assert.match(body, /£1,583,900 a year \(up to\)/)
      const rows = await csv(`/ledger/contributions.csv?partner=${council}`)
      assert.deepEqual(rows.map((r) => r.Partner).sort(), ['Hampshire County Council', 'Hampshire County Council'])
      const bad = await get('/ledger/contributions.csv?partner=x')
      assert.equal(bad.status, 400)
    })

    test('contributions reconcile per area, office, provider and year across pages, CSV and API', async () => {
      const allRows = await csv('/ledger/contributions.csv')
      assert.equal(allRows.length, 9)
      const sum = (rows: CsvRecord[]) => rows.reduce((s, r) => s + pence(r['Amount (£)']!), 0)

      for (const slug of ['hampshire', 'essex', 'southampton', 'thurrock']) {
        const area = await idOf('areas', slug)
        const rows = await csv(`/ledger/contributions.csv?area=${area}`)
        const areaPage = await page(`/areas/${slug}`)
        const ledgerPage = await page(`/ledger?area=${area}`)
        const column = (html: string) =>
          [...html.matchAll(/data-label="Partner contributions">([^<]*)</g)].map((m) => m[1]!.trim())
        const expected = `£${(sum(rows) / 100).toLocaleString('en-GB')}`
        assert.ok(column(areaPage).some((c) => c.startsWith(expected)), `${slug}: ${column(areaPage)} vs ${expected}`)
        assert.deepEqual(column(ledgerPage), column(areaPage), slug)
      }

      // Per office: the API's decisions hold the same contributions as the CSV.
      const decisions = (await (await get('/api/v1/decisions?limit=100')).json()) as { data: Array<{ id: number }> }
      let apiTotal = 0
      for (const d of decisions.data) {
        const detail = (await (await get(`/api/v1/decisions/${d.id}`)).json()) as {
          contributions: Array<{ amount: number }>
        }
        apiTotal += detail.contributions.reduce((s, c) => s + Math.round(c.amount * 100), 0)
      }
      assert.equal(apiTotal, sum(allRows))
      const offices = [...new Set(allRows.map((r) => r.Office))]
      assert.equal(offices.length, 2)
      assert.equal(
        offices.reduce((s, office) => s + sum(allRows.filter((r) => r.Office === office)), 0),
        sum(allRows),
      )

      // Per year: the services run April 2019 to March 2024, so every contribution falls in 2019/20 and none in 2024/25.
      assert.equal((await csv('/ledger/contributions.csv?year=2019')).length, 9)
      assert.equal((await csv('/ledger/contributions.csv?year=2024')).length, 0)
      assert.equal((await csv('/ledger/contributions.csv?year=2018')).length, 0)
    })

    test('awards reconcile per provider across the providers page, the ledger CSV and the API', async () => {
      const html = await page('/providers')
      const ledger = await csv('/ledger.csv')
      const awards: Array<{ recipient: { name: string } | null; amount: number; perAnnum: boolean; upTo: boolean }> = []
      let next: string | null = '/api/v1/awards?limit=100'
      while (next) {
        const body = (await (await get(next)).json()) as { data: typeof awards; links: { next: string | null } }
        awards.push(...body.data)
        next = body.links.next
      }
      assert.equal(awards.length, ledger.length)
      let checked = 0
      for (const row of [...html.matchAll(/<tr class="govuk-table__row">\s*<th scope="row"[^>]*>([\s\S]*?)<\/th>\s*<td[^>]*data-label="One-off sums">([^<]*)</g)]) {
        const name = text(row[1]!).trim().replace(/&#39;/g, "'")
        const shown = row[2]!.trim()
        const fromCsv = sum(ledger.filter((r) => r.Recipient === name && r['Amount is'] === 'One-off'))
        const fromApi = awards
          .filter((a) => a.recipient?.name === name && !a.perAnnum && !a.upTo)
          .reduce((s, a) => s + Math.round(a.amount * 100), 0)
        assert.equal(fromCsv, fromApi, name)
        checked += 1
        assert.equal(shown, fromCsv ? `£${(fromCsv / 100).toLocaleString('en-GB', { minimumFractionDigits: fromCsv % 100 ? 2 : 0 })}` : 'None', name)
      }
      assert.ok(checked >= 4, `${checked} providers checked`)
      function sum(rows: CsvRecord[]) {
        return rows.reduce((s, r) => s + pence(r['Amount (£)']!), 0)
      }
    })

    test('periods read in GOV.UK style on the ledger, the decision page and its notice', async () => {
      // The notes on a document may quote it as printed; the figures themselves read in GOV.UK style.
      const awardsTable = (html: string) => /id="awards"[\s\S]*?<\/table>/.exec(html)?.[0] ?? ''
      const ledger = /id="ledger"[\s\S]*?<\/table>/.exec(await page('/ledger'))![0]
      const decision = awardsTable(await page('/decisions/nottinghamshire-2024-006'))
      const notice = text(await page('/decisions/nottinghamshire-2024-006/notice'))
      for (const [name, body] of Object.entries({ ledger, decision, notice })) {
        assert.match(body, /April 2025 to September 2025/, name)
        assert.doesNotMatch(body, /Apr25- Sept25/, name)
      }
    })

    test('the funding streams page totals each partner’s contributions, reconciling with the CSV', async () => {
      const html = await page('/funding-streams')
      const total = text(/id="partner-contributions-total"[\s\S]*?<\/td>/.exec(html)![0])
      const rows = await csv('/ledger/contributions.csv')
      const yearly = rows.filter((r) => r['Amount is'] === 'A year').reduce((s, r) => s + pence(r['Amount (£)']!), 0)
      const ceilings = rows
        .filter((r) => r['Amount is'] === 'Up to, a year (ceiling)')
        .reduce((s, r) => s + pence(r['Amount (£)']!), 0)
      assert.equal(yearly, 212_500_000)
      assert.equal(ceilings, 198_840_000)
      assert.match(total, /£2,125,000 a year/)
      assert.match(total, /£1,988,400 a year \(up to\)/)
      assert.match(text(html), /Hampshire County Council £1,583,900 a year \(up to\)/)
    })

    test('every CSV download starts with a UTF-8 byte-order mark', async () => {
      for (const path of ['/ledger.csv', '/ledger/contributions.csv', '/downloads/decisions.csv', '/downloads/disclosure-log.csv', '/downloads/360giving.csv']) {
        const bytes = new Uint8Array(await (await get(path)).arrayBuffer())
        assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], path)
      }
    })
  })
}
