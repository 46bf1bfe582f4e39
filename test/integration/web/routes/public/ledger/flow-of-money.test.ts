import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { parse } from 'csv-parse/sync'
import type { NewAward, NewContribution, NewDecision } from '../../../../../../src/db/repositories/decisions/decisions.ts'
import { KIND_ORDER } from '../../../../../../src/domain/amount-kinds.ts'
import { penceToDecimalString } from '../../../../../../src/domain/money.ts'
import { services, type Services } from '../../../../../../src/services/index.ts'
import { openTestDatabase, testEngines, type TestDatabase } from '../../../../../support/database.ts'
import { startApp, type RunningApp } from '../../../../../support/server.ts'
import { addDecision as addDecisionTo, organisationIdWithSlug } from '../../../../../support/records.ts'


const YEAR = 2023
const DRAFT_PARTNER = 'Zeta Draft Partner Council'
const SECRET_PARTNER = 'Omega Confidential Partner Council'
const DRAFT_PENCE = 777_777

for (const engine of testEngines()) {
  describe(`the flow of money on ${engine}`, () => {
    let t: TestDatabase
    let app: Services
    let web: RunningApp
    let essex: { id: number; slug: string }
    let notts: number
    before(async () => {
      t = await openTestDatabase(engine, { demo: true })
      app = services(t.database)
      web = await startApp(t.database)
      const office = (shortName: string) =>
        t.database.db
          .selectFrom('offices')
          .select(['organisation_id', 'slug'])
          .where('short_name', '=', shortName)
          .executeTakeFirstOrThrow()
      const e = await office('Essex')
      essex = { id: e.organisation_id, slug: e.slug }
      notts = (await office('Nottinghamshire')).organisation_id
      const juno = await organisationIdWithSlug(t.database, 'juno-women-s-aid')
      const yearly: NewAward = {
        recipientId: juno,
        recipientName: "Juno Women's Aid",
        amountPence: 1_200_000,
        perAnnum: true,
        periodStart: '2022-04-01',
        periodEnd: '2025-03-31',
      }
      const ceiling: NewAward = {
        recipientId: juno,
        recipientName: "Juno Women's Aid",
        amountPence: 900_000,
        upTo: true,
        periodStart: '2023-04-01',
        periodEnd: '2024-03-31',
      }
      const partner: NewContribution = {
        organisationId: null,
        organisationName: 'Felpersham City Council',
        amountPence: 300_000,
        financialYear: YEAR,
      }
      await addDecision('FLOW.1', [yearly, ceiling], [partner])
      const hidden = (name: string): NewContribution => ({
        organisationId: null,
        organisationName: name,
        amountPence: DRAFT_PENCE,
        perAnnum: true,
        financialYear: YEAR,
      })
      const hiddenAward = { ...yearly, amountPence: DRAFT_PENCE }
      await addDecision('FLOW.2', [hiddenAward], [hidden(DRAFT_PARTNER)], { status: 'draft', datePublished: null })
      await addDecision('FLOW.3', [hiddenAward], [hidden(SECRET_PARTNER)], {
        classification: 'confidential',
        exemption: 's.43',
      })
    })
    after(async () => {
      await web.stop()
      await t.dispose()
    })

    const addDecision = (
      reference: string,
      awards: NewAward[],
      contributions: NewContribution[],
      extra: Partial<NewDecision> = {},
    ) =>
      addDecisionTo(t.database, {
        officeId: notts,
        reference,
        title: `Flow test ${reference}`,
        datePublished: '2023-06-01',
        dateDecided: '2023-05-20',
        awards,
        contributions,
        ...extra,
      })

    const get = (path: string) => fetch(`${web.baseUrl}${path}`)

    /** What the ledger says the year holds: the awards' money of every kind in the year, and the partners' contributions. */
    async function ledgerFigures(offices?: number[]) {
      const filter = { year: YEAR, ...(offices ? { offices } : {}) }
      const apportioned = await app.ledger.apportioned(filter)
      const year = apportioned.years.find((y) => y.financialYear === YEAR) ?? { oneOffPence: 0, perAnnumPence: 0, ceilingPence: 0 }
      const money = await app.coFunding.money(filter)
      return {
        awards: year.oneOffPence + year.perAnnumPence + year.ceilingPence,
        contributions: KIND_ORDER.reduce((sum, kind) => sum + money.contributions[kind].pence, 0),
      }
    }

    for (const scope of ['the national register', 'an office register'] as const) {
      test(`on ${scope}, the diagram's totals reconcile with the ledger's for the same year`, async () => {
        const offices = scope === 'an office register' ? [essex.id] : undefined
        const flow = await app.charts.flow({ year: YEAR, ...(offices ? { offices } : {}) })
        const ledger = await ledgerFigures(offices)
        assert.ok(ledger.contributions > 0, 'the year has partners’ contributions')
        assert.equal(flow.streamPence, ledger.awards)
        assert.equal(flow.partnerPence, ledger.contributions)
        assert.equal(flow.totalPence, ledger.awards + ledger.contributions)
        for (let column = 0; column < 3; column++) {
          const nodes = flow.nodes.filter((n) => n.column === column)
          assert.equal(
            nodes.reduce((s, n) => s + n.pence, 0),
            flow.totalPence,
            `column ${column}`,
          )
        }
        assert.equal(
          flow.nodes.filter((n) => n.kind === 'partner').reduce((s, n) => s + n.pence, 0),
          ledger.contributions,
        )
        // The CSV's bands out of the first column add up to the same total.
        const base = offices ? `/offices/${essex.slug}` : ''
        const csv = parse(await (await get(`${base}/charts/flow-of-money.csv?year=${YEAR}`)).text(), {
          bom: true,
        }) as string[][]
        // Every pound passes through two bands: into its lead commissioner, and on to its provider.
        const bands = csv.slice(1).reduce((s, r) => s + Math.round(Number(r[4]) * 100), 0)
        assert.equal(penceToDecimalString(bands), penceToDecimalString(2 * flow.totalPence))
        const html = await (await get(`${base}/charts?year=${YEAR}`)).text()
        assert.match(html, new RegExp(`from partners’ contributions, ${escape(pounds(flow.totalPence))} in all`))
      })
    }

    test('yearly amounts count once in each year their period covers, and ceilings are marked “up to”', async () => {
      for (const year of [2022, 2023, 2024, 2025]) {
        const flow = await app.charts.flow({ year })
        const ledger = (await app.ledger.apportioned({ year })).years.find((y) => y.financialYear === year)
        // The yearly award of £12,000 runs from April 2022 to March 2025: once in each of its three years, not after.
        assert.equal((ledger?.perAnnumPence ?? 0) >= 1_200_000, year < 2025, String(year))
        assert.equal(
          flow.streamPence,
          (ledger?.oneOffPence ?? 0) + (ledger?.perAnnumPence ?? 0) + (ledger?.ceilingPence ?? 0),
          String(year),
        )
      }
      assert.ok((await app.charts.flow({ year: YEAR })).ceilingPence >= 900_000)
      const html = await (await get(`/charts?year=${YEAR}`)).text()
      assert.match(html, /up to £9,000\.00|of which £9,000\.00 up to/)
    })

    test('unknowns are named in plain words, never as errors', async () => {
      const html = await (await get(`/charts?year=${YEAR}`)).text()
      const svg = await (await get(`/charts/flow-of-money.svg?year=${YEAR}`)).text()
      for (const text of [html, svg]) {
        assert.match(text, /Lead commissioner not recorded/)
        assert.match(text, /Funding stream not recorded/)
        assert.doesNotMatch(text, /No lead commissioner|not stated|Funding stream not stated/i)
      }
      assert.match(html, /id="flow-legend"/)
      assert.match(html, /<strong>Purple<\/strong>: [^<]*Felpersham City Council/)
    })

    test('a draft’s or a confidential decision’s contribution never shows in the diagram, its CSV or its SVG', async () => {
      const flow = await app.charts.flow({ year: YEAR })
      assert.ok(!flow.nodes.some((n) => n.label === DRAFT_PARTNER || n.label === SECRET_PARTNER))
      for (const path of [
        `/charts?year=${YEAR}`,
        `/charts/flow-of-money.csv?year=${YEAR}`,
        `/charts/flow-of-money.svg?year=${YEAR}`,
        `/offices/${essex.slug}/charts?year=${YEAR}`,
      ]) {
        const text = await (await get(path)).text()
        assert.doesNotMatch(text, new RegExp(`${DRAFT_PARTNER}|${SECRET_PARTNER}`), path)
        assert.doesNotMatch(text, /7,777\.77|7777\.77/, path)
      }
    })

    test('without a year the diagram shows the latest year with money, and its downloads name that year', async () => {
      const flow = await app.charts.flow({}, 12, '2024-01-15')
      assert.equal(flow.year, 2023)
      const html = await (await get('/charts')).text()
      const shown = /<h2 class="govuk-heading-m" id="flow-heading">Flow of money, (\d{4})\/\d\d<\/h2>/.exec(html)
      assert.ok(shown)
      assert.match(html, new RegExp(`href="/charts/flow-of-money\\.csv\\?year=${shown[1]}"`))
      const download = await get('/charts/flow-of-money.svg')
      assert.match(download.headers.get('content-disposition') ?? '', new RegExp(`flow-of-money-${shown[1]}-\\d\\d\\.svg`))
    })
  })
}

function pounds(pence: number): string {
  return `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: pence % 100 ? 2 : 0, maximumFractionDigits: 2 })}`
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
