import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { NewAward, NewDecision } from '../../../../src/db/repositories/decisions/decisions.ts'
import { yearsOfAward } from '../../../../src/domain/ledger.ts'
import { addDays } from '../../../../src/domain/uk-date.ts'
import type { Services } from '../../../../src/services/index.ts'
import { testEngines } from '../../../support/database.ts'
import { addDecision as addDecisionTo, officeIdOf, organisationIdOf } from '../../../support/records.ts'
import { servicesSetUp } from '../../../support/services.ts'
import { rowOf, updateRows } from '../../../support/rows.ts'

const order = { sort: 'date', direction: 'desc' } as const

for (const engine of testEngines()) {
  describe(`the ledger on ${engine}`, () => {
    const { t, app } = servicesSetUp(engine)
    let officeId: number
    let junoId: number
    before(async () => {
      officeId = await officeIdOf(t.database, 'Nottinghamshire')
      junoId = await organisationIdOf(t.database, "Juno Women's Aid")
    })

    const addDecision = (reference: string, awards: NewAward[], extra: Partial<NewDecision> = {}) =>
      addDecisionTo(t.database, { officeId, reference, awards, ...extra })

    test('the demonstration ledger apportions seed 001 across three financial years and reconciles', async () => {
      const years = await app.ledger.apportioned({})
      const byYear = Object.fromEntries(years.years.map((y) => [y.label, y.oneOffPence]))
      assert.equal(byYear['2023/24'], 9_589_075)
      assert.equal(byYear['2024/25'], 21_556_669)
      assert.equal(byYear['2025/26'], 11_833_811)
      const totals = await app.ledger.page({}, order)
      assert.equal(years.oneOffTotalPence, totals.totals.oneOffPence)
    })

    test('the shares kept by the database are the domain’s, and add up per year, for awards crossing year boundaries', async () => {
      let state = 7
      const random = () => (state = (state * 16807) % 2147483647) / 2147483647
      const awards: NewAward[] = []
      for (let i = 0; i < 200; i++) {
        const start = addDays('2015-01-01', Math.floor(random() * 3000))
        awards.push({
          recipientId: junoId,
          recipientName: "Juno Women's Aid",
          amountPence: Math.floor(random() * 10_000_000),
          periodStart: start,
          periodEnd: addDays(start, Math.floor(random() * 1200)),
          perAnnum: i % 10 === 0,
        })
      }
      const decisionId = await addDecision('T.001', awards)
      const stored = await t.database.db
        .selectFrom('awards as a')
        .innerJoin('ledger_years as y', 'y.award_id', 'a.id')
        .select([
          'a.id',
          'a.amount_pence',
          'a.period_start',
          'a.period_end',
          'a.per_annum',
          'y.financial_year',
          'y.pence',
        ])
        .where('a.decision_id', '=', decisionId)
        .execute()
      const awardRows = await t.database.db
        .selectFrom('awards')
        .selectAll()
        .where('decision_id', '=', decisionId)
        .orderBy('position')
        .execute()
      let crossing = 0
      for (const award of awardRows) {
        const expected = yearsOfAward({
          amountPence: award.amount_pence,
          periodStart: award.period_start,
          periodEnd: award.period_end,
          financialYear: award.financial_year,
          perAnnum: award.per_annum,
          upTo: award.up_to,
        })
        const actual = stored
          .filter((s) => s.id === award.id)
          .map((s) => ({ startYear: s.financial_year, pence: s.pence }))
          .sort((a, b) => a.startYear - b.startYear)
        assert.deepEqual(actual, expected)
        if (expected.length > 1) crossing++
      }
      assert.ok(crossing > 100)
      const oneOff = awardRows.filter((a) => !a.per_annum).reduce((s, a) => s + a.amount_pence, 0)
      const apportioned = stored.filter((s) => !s.per_annum).reduce((s, r) => s + r.pence, 0)
      assert.equal(apportioned, oneOff)
      const ledger = await app.ledger.apportioned({})
      const page = await app.ledger.page({}, order)
      assert.equal(ledger.oneOffTotalPence, page.totals.oneOffPence)
      await t.database.db.deleteFrom('decisions').where('id', '=', decisionId).execute()
    })

    test('an award changed later is apportioned again', async () => {
      const decisionId = await addDecision('T.002', [
        {
          recipientId: junoId,
          recipientName: "Juno Women's Aid",
          amountPence: 1000,
          periodStart: '2024-04-01',
          periodEnd: '2025-03-31',
        },
      ])
      await updateRows(t.database, 'awards', { period_end: '2026-03-31' }, { decision_id: decisionId })
      const shares = await t.database.db
        .selectFrom('ledger_years as y')
        .innerJoin('awards as a', 'a.id', 'y.award_id')
        .select(['y.financial_year', 'y.pence'])
        .where('a.decision_id', '=', decisionId)
        .orderBy('y.financial_year')
        .execute()
      assert.deepEqual(shares, [
        { financial_year: 2024, pence: 500 },
        { financial_year: 2025, pence: 500 },
      ])
      await t.database.db.deleteFrom('decisions').where('id', '=', decisionId).execute()
    })

    test('never shows withheld awards, awards of confidential decisions, or unpublished decisions', async () => {
      const secret = {
        recipientId: junoId,
        recipientName: "Juno Women's Aid",
        amountPence: 777_777,
        financialYear: 2024,
      }
      const ids = [
        await addDecision('T.003', [{ ...secret, withheld: true }]),
        await addDecision('T.004', [secret], { classification: 'confidential', exemption: 's.43' }),
        await addDecision('T.005', [secret], { status: 'draft', datePublished: null }),
        await addDecision('T.006', [secret], { status: 'imported', reviewStatus: 'unreviewed' }),
      ]
      const page = await app.ledger.page({ providerId: junoId }, order)
      assert.ok(page.rows.every((r) => r.amountPence !== 777_777))
      const flow = await app.charts.flow({})
      assert.ok(flow.totalPence > 0)
      const all = await app.ledger.apportioned({ providerId: junoId })
      assert.ok(!(await app.ledger.page({ year: 2024 }, order)).rows.some((r) => r.amountPence === 777_777))
      assert.equal(all.oneOffTotalPence, page.totals.oneOffPence)
      for (const id of ids) await t.database.db.deleteFrom('decisions').where('id', '=', id).execute()
    })

    test('filters narrow the ledger by provider, year, stream, route, lead commissioner, area and service type', async () => {
      const stream = await rowOf(t.database, 'funding_streams', ['id'], { name: 'Community Safety Grant' })
      const county = await rowOf(t.database, 'organisations', ['id'], { name: 'Nottinghamshire County Council' })
      const ashfield = await rowOf(t.database, 'areas', ['id'], { name: 'Ashfield' })
      const count = async (filter: Parameters<Services['ledger']['page']>[0]) =>
        (await app.ledger.page(filter, order)).totals.count
      assert.equal(await count({}), 21)
      assert.equal(await count({ streamId: stream.id }), 2)
      assert.equal(await count({ year: 2021 }), 2)
      assert.equal(await count({ year: 2024 }), 6)
      assert.equal(await count({ route: 'direct_award' }), 3)
      assert.equal(await count({ leadId: county.id }), 5)
      assert.equal(await count({ areaId: ashfield.id }), 2)
      assert.equal(await count({ serviceType: 'partnership_car' }), 2)
      assert.equal(await count({ providerId: junoId, year: 2025 }), 3)
      const inYear = await app.ledger.page({ year: 2024 }, order)
      assert.equal(inYear.totals.yearOneOffPence, 21_556_669)
      const sorted = await app.ledger.page({}, { sort: 'amount', direction: 'desc' })
      assert.equal(sorted.rows[0]!.amountPence, 9_483_882)
    })

    test('the pipeline on 1 May 2018 shows seed 003: both contracts end on 31 March 2019 with no successor yet decided', async () => {
      const before = await app.commissioning.pipeline('2018-05-01')
      const names = before.windows.flatMap((w) => w.entries.map((e) => [w.months, e.item.name, e.latestEnd]))
      assert.deepEqual(names, [
        [12, 'Domestic Abuse Prevention Partnership (DAPP)', '2019-03-31'],
        [12, 'Integrated Domestic Abuse Service Hampshire (IDASH)', '2019-03-31'],
      ])
      const later = await app.commissioning.pipeline('2025-06-01')
      assert.deepEqual(
        later.windows.flatMap((w) => w.entries.map((e) => [w.months, e.item.name])),
        [
          [6, 'Perpetrator programme survivor support'],
          [12, 'Hampshire and Southampton domestic abuse perpetrator service'],
          [12, 'Hampshire domestic abuse support service for victims'],
        ],
      )
    })

    test('a service page gives the latest possible end and the pro-rata calculation of seed 003', async () => {
      const page = (await app.commissioning.service('hampshire-and-southampton-domestic-abuse-perpetrator-service'))!
      assert.equal(page.latestEnd, '2026-03-31')
      assert.equal(page.calculator!.officeContribution.amountPence, 7_000_000)
      const southampton = page.calculator!.partners.find((p) => p.organisationName === 'Southampton City Council')!
      const result = app.commissioning.proRata(page, southampton.id, 5000)
      assert.equal(result.officeAfterPence, 6_000_000)
      assert.equal(page.detail.predecessor?.name, 'Domestic Abuse Prevention Partnership (DAPP)')
    })

    test('a provider page gives what it received by year and service', async () => {
      const page = await app.ledger.provider('juno-women-s-aid')
      assert.ok(page && !('mergedInto' in page))
      assert.equal(page.services.length, 2)
      assert.equal(page.years.oneOffTotalPence, page.totals.oneOffPence)
      const byService = page.services.reduce((s, x) => s + x.totalPence, 0)
      assert.equal(byService, page.totals.oneOffPence)
    })

    test('the charts split spend by area so that the areas of each year add up to the year', async () => {
      const byArea = await app.charts.spendByYear('area')
      const byType = await app.charts.spendByYear('serviceType')
      const years = await app.ledger.apportioned({})
      // The charts' years run without gaps: a year with no spend is there, empty.
      const ledgerYear = new Map(years.years.map((y) => [y.financialYear, y.oneOffPence]))
      const expected = byArea.years.map((y) => ledgerYear.get(y.startYear) ?? 0)
      assert.ok(expected.includes(0), 'the demonstration register has a year with no spend')
      assert.deepEqual(
        years.years.map((y) => y.financialYear).filter((y) => !byArea.years.some((c) => c.startYear === y)),
        [],
        'every ledger year is charted',
      )
      assert.deepEqual(byArea.yearTotals, expected)
      assert.deepEqual(byType.yearTotals, expected)
      // The flow of money is of one year: the awards' part of it is the ledger's money of that year, of every kind.
      const flow = await app.charts.flow({})
      const year = years.years.find((y) => y.financialYear === flow.year)!
      assert.equal(flow.streamPence, year.oneOffPence + year.perAnnumPence + year.ceilingPence)
    })
  })
}
