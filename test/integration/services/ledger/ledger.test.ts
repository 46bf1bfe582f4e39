import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { MEASURES } from '../../../../src/domain/outcomes.ts'
import { sql } from 'kysely'
import { DecisionRepository, type NewAward } from '../../../../src/db/repositories/decisions/decisions.ts'
import { yearsOfAward } from '../../../../src/domain/ledger.ts'
import { addDays } from '../../../../src/domain/uk-date.ts'
import type { Services } from '../../../../src/services/index.ts'
import { testEngines } from '../../../support/database.ts'
import { officeIdOf, organisationIdOf, serviceIdOf } from '../../../support/records.ts'
import { servicesSetUp } from '../../../support/services.ts'

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

    async function addDecision(reference: string, awards: NewAward[], extra: Record<string, unknown> = {}) {
      const repo = new DecisionRepository(t.database.db)
      return t.database.transaction((trx) =>
        repo.create(
          {
            officeId,
            officeShortName: 'Nottinghamshire',
            reference,
            kind: 'decision',
            title: `Test ${reference}`,
            status: 'published',
            datePublished: '2024-06-01',
            dateDecided: '2024-05-20',
            awards,
            ...extra,
          },
          trx,
        ),
      )
    }

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
      await t.database.db
        .updateTable('awards')
        .set({ period_end: '2026-03-31' })
        .where('decision_id', '=', decisionId)
        .execute()
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
      const db = t.database.db
      const stream = await db
        .selectFrom('funding_streams')
        .select('id')
        .where('name', '=', 'Community Safety Grant')
        .executeTakeFirstOrThrow()
      const county = await db
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', 'Nottinghamshire County Council')
        .executeTakeFirstOrThrow()
      const ashfield = await db
        .selectFrom('areas')
        .select('id')
        .where('name', '=', 'Ashfield')
        .executeTakeFirstOrThrow()
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

    test('merging an organisation moves its awards and contributions and is audit-logged', async () => {
      const db = t.database.db
      const duplicate = await db
        .insertInto('organisations')
        .values({ kind: 'provider', name: 'Juno WA', slug: 'juno-wa', needs_review: true })
        .returning('id')
        .executeTakeFirstOrThrow()
      const decisionId = await addDecision('T.007', [
        { recipientId: duplicate.id, recipientName: 'Juno WA', amountPence: 12_345, financialYear: 2024 },
      ])
      const queue = await app.organisations.reviewQueue()
      const item = queue.find((q) => q.organisation.id === duplicate.id)!
      assert.equal(item.suggestions[0]?.name, "Juno Women's Aid")
      const actor = { userId: null, label: 'test' }
      const input = { sourceId: String(duplicate.id), targetId: String(junoId) }
      const preview = await app.organisations.previewMerge(input)
      assert.equal(preview.target.name, "Juno Women's Aid")
      assert.equal(preview.moved.awardsReceived.length, 1)
      assert.equal(
        (
          await db
            .selectFrom('awards')
            .select('recipient_id')
            .where('decision_id', '=', decisionId)
            .executeTakeFirstOrThrow()
        ).recipient_id,
        duplicate.id,
        'a preview moves nothing',
      )
      const { moved, mergeId } = await app.organisations.merge(input, actor)
      assert.equal(moved.awardsReceived, 1)
      const award = await db
        .selectFrom('awards')
        .select('recipient_id')
        .where('decision_id', '=', decisionId)
        .executeTakeFirstOrThrow()
      assert.equal(award.recipient_id, junoId)
      const redirect = await app.ledger.provider('juno-wa')
      assert.deepEqual(redirect, { mergedInto: 'juno-women-s-aid' })
      const log = await db
        .selectFrom('audit_log')
        .select(['action', 'entity_id'])
        .where('action', '=', 'organisation.merge')
        .execute()
      assert.deepEqual(log, [{ action: 'organisation.merge', entity_id: String(junoId) }])
      await assert.rejects(
        app.organisations.merge({ sourceId: String(junoId), targetId: String(junoId) }, actor),
        /cannot be merged into itself/,
      )
      // Undone: the award names the duplicate again, its alias on the kept organisation goes, and it is audit-logged.
      await app.organisations.undoMerge(mergeId, actor)
      const restored = await db
        .selectFrom('awards')
        .select('recipient_id')
        .where('decision_id', '=', decisionId)
        .executeTakeFirstOrThrow()
      assert.equal(restored.recipient_id, duplicate.id)
      const unmerged = await db
        .selectFrom('organisations')
        .select(['merged_into_id', 'needs_review'])
        .where('id', '=', duplicate.id)
        .executeTakeFirstOrThrow()
      assert.deepEqual(unmerged, { merged_into_id: null, needs_review: true })
      const aliases = await db
        .selectFrom('organisation_aliases')
        .select('alias')
        .where('organisation_id', '=', junoId)
        .execute()
      assert.ok(!aliases.some((a) => a.alias === 'Juno WA'))
      assert.notDeepEqual(await app.ledger.provider('juno-wa'), { mergedInto: 'juno-women-s-aid' })
      await assert.rejects(app.organisations.undoMerge(mergeId, actor), /already been undone/)
      const unmergeLog = await db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'organisation.unmerge')
        .execute()
      assert.equal(unmergeLog.length, 1)
      await db.deleteFrom('decisions').where('id', '=', decisionId).execute()
    })

    test('a CSV with a bad number on line 40 is refused whole, naming the line', async () => {
      const service = await serviceIdOf(t.database, 'domestic-abuse-partnership-car-pilot')
      const actor = { userId: null, label: 'test' }
      const lines = ['quarter,measure,value']
      for (let i = 0; i < 38; i++)
        lines.push(
          `${2010 + Math.floor(i / 7)}/${String(11 + Math.floor(i / 7)).padStart(2, '0')} Q1,${Object.keys(MEASURES)[i % 7]},${i}`,
        )
      const good = lines.join('\n')
      await assert.rejects(
        app.outcomes.importCsv(service, `${good}\n2021/22 Q1,referrals,4x\n`, actor),
        (error: Error) => /Line 40: value “4x” is not a whole number/.test(error.message),
      )
      await assert.rejects(
        app.outcomes.importCsv(service, 'quarter,measure,value,postcode\n2021/22 Q1,referrals,4,NG1 1AA\n', actor),
        /unknown column “postcode”/,
      )
      await assert.rejects(
        app.outcomes.importCsv(service, 'quarter,measure,value\n2021/22 Q1,referrals,Jane Smith\n', actor),
        /looks like a name/,
      )
      const stored = await t.database.db
        .selectFrom('outcome_returns')
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow()
      assert.equal(Number(stored.n), 0)
      assert.equal(await app.outcomes.importCsv(service, good, actor), 38)
      await assert.rejects(
        app.outcomes.recordQuarter(service, { quarter: '2021/22 Q1', referrals: '12/03/1985' }, actor),
        /looks like a date/,
      )
      assert.equal(
        await app.outcomes.recordQuarter(
          service,
          { quarter: '2021/22 Q2', referrals: '14', repeat_call_outs: '3' },
          actor,
        ),
        2,
      )
    })

    test('a contribution above its ceiling, a negative amount and a bad year are refused, naming the field', async () => {
      const db = t.database.db
      const service = (
        await db
          .selectFrom('services')
          .select('id')
          .where('slug', '=', 'hampshire-domestic-abuse-support-service-for-victims')
          .executeTakeFirstOrThrow()
      ).id
      const hcc = (
        await db
          .selectFrom('organisations')
          .select('id')
          .where('name', '=', 'Hampshire County Council')
          .executeTakeFirstOrThrow()
      ).id
      const actor = { userId: null, label: 'test' }
      await assert.rejects(
        app.contributions.record(
          service,
          { organisationId: String(hcc), year: '2019/20', amount: '1,483,900.01' },
          actor,
        ),
        (e: Error & { errors?: Record<string, string> }) =>
          /ceiling of up to £1,483,900\.00 a year/.test(e.errors?.amount ?? ''),
      )
      await assert.rejects(
        app.contributions.record(service, { organisationId: String(hcc), year: '2019/20', amount: '-5' }, actor),
        /must not be negative/,
      )
      await assert.rejects(
        app.contributions.record(service, { organisationId: String(hcc), year: 'next year', amount: '5' }, actor),
        /financial year like 2024\/25/,
      )
      await app.contributions.record(
        service,
        { organisationId: String(hcc), year: '2019/20', amount: '1,400,000' },
        actor,
      )
      const page = (await app.commissioning.service('hampshire-domestic-abuse-support-service-for-victims'))!
      assert.ok(page.contributionYears.some((y) => y.label === '2019/20' && y.oneOffTotalPence === 140_000_000))
    })

    test('funding streams show received, committed and left per year', async () => {
      const stream = await t.database.db
        .selectFrom('funding_streams')
        .select('id')
        .where('name', '=', 'Core commissioning budget')
        .executeTakeFirstOrThrow()
      const actor = { userId: null, label: 'test' }
      await assert.rejects(
        app.funding.recordReceipt({ streamId: String(stream.id), year: '2024/25', amount: '-1' }, actor),
        /must not be negative/,
      )
      await app.funding.recordReceipt({ streamId: String(stream.id), year: '2024/25', amount: '300,000' }, actor)
      // A second amount for the same stream and year is not saved until the replacement is confirmed.
      const asked = await app.funding.recordReceipt(
        { streamId: String(stream.id), year: '2024/25', amount: '1' },
        actor,
      )
      assert.deepEqual(asked, { saved: false, existing: { amountPence: 30_000_000, note: null } })
      const overview = await app.funding.overview()
      const year = overview.find((s) => s.id === stream.id)!.years.find((y) => y.label === '2024/25')!
      assert.equal(year.receivedPence, 30_000_000)
      assert.equal(year.committedPence, 21_556_669)
      assert.equal(year.leftPence, 30_000_000 - 21_556_669)
      await app.funding.recordReceipt({ streamId: String(stream.id), year: '2024/25', amount: '310,000' }, actor, {
        overwrite: true,
      })
      const replaced = (await app.funding.overview()).find((s) => s.id === stream.id)!.years
      assert.equal(replaced.find((y) => y.label === '2024/25')!.receivedPence, 31_000_000)
    })
  })
}
