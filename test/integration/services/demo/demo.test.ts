import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { loadDemonstrationData } from '../../../../src/services/demo/load.ts'
import { testEngines } from '../../../support/database.ts'
import { servicesSetUp } from '../../../support/services.ts'

for (const engine of testEngines()) {
  describe(`the demonstration register on ${engine}`, () => {
    const { t, app } = servicesSetUp(engine)

    test('lists the five seed cases newest first', async () => {
      const result = await app.register.searchDecisions({})
      assert.equal(result.total, 5)
      assert.deepEqual(
        result.rows.map((r) => r.reference),
        ['2024.006', '2021.021', 'PCCML/000407/2018', 'PCC036/18', '10653'],
      )
    })

    test('is refused a second time, and nothing is added', async () => {
      await assert.rejects(loadDemonstrationData(t.database), /already holds records/)
      assert.equal((await app.register.searchDecisions({})).total, 5)
    })

    test('searches words in titles, summaries and bodies', async () => {
      assert.deepEqual(
        (await app.register.searchDecisions({ text: 'partnership car' })).rows.map((r) => r.reference),
        ['2021.021'],
      )
      assert.deepEqual(
        (await app.register.searchDecisions({ text: 'perpetrators' })).rows.map((r) => r.reference).sort(),
        ['2024.006', 'PCCML/000407/2018'],
      )
      assert.deepEqual(
        (await app.register.searchDecisions({ text: 'Thurrock' })).rows.map((r) => r.reference),
        ['PCC036/18'],
      )
      assert.equal((await app.register.searchDecisions({ text: 'zebra crossing' })).total, 0)
    })

    test('filters by office and by financial year', async () => {
      const offices = await app.register.offices()
      const essex = offices.find((o) => o.shortName === 'Essex')!
      assert.deepEqual(
        (await app.register.searchDecisions({ officeId: essex.id })).rows.map((r) => r.reference),
        ['PCC036/18'],
      )
      assert.deepEqual(
        (await app.register.searchDecisions({ financialYear: 2023 })).rows.map((r) => r.reference),
        ['2024.006'],
      )
      assert.deepEqual(
        (await app.register.searchDecisions({ financialYear: 2018 })).rows.map((r) => r.reference),
        ['PCCML/000407/2018', 'PCC036/18'],
      )
    })

    test('holds the figures of notice 2021.021', async () => {
      const detail = (await app.register.publicDecision('nottinghamshire-2021-021'))!
      assert.equal(detail.decision.stated_total_pence, 4_701_300)
      assert.deepEqual(
        detail.awards.map((a) => [a.recipient_name, a.amount_pence, a.via_name, a.route]),
        [
          ["Juno Women's Aid", 2_396_600, 'Nottinghamshire County Council', 'framework_call_off'],
          ["Nottinghamshire Women's Aid", 2_304_700, 'Nottinghamshire County Council', 'framework_call_off'],
        ],
      )
      assert.deepEqual(
        detail.areas.map((a) => a.name),
        ['Ashfield', 'Mansfield'],
      )
      assert.deepEqual(
        detail.signOffs.map((s) => [s.stage, s.signed_on]),
        [
          ['finance', '2021-03-10'],
          ['chief_executive', '2021-03-15'],
          ['decision_maker', '2021-03-16'],
        ],
      )
    })

    test('holds the budget table of 2024.006, whose parts add up to its stated total', async () => {
      const detail = (await app.register.publicDecision('nottinghamshire-2024-006'))!
      assert.equal(detail.awards.length, 18)
      assert.equal(
        detail.awards.reduce((s, a) => s + a.amount_pence, 0),
        detail.decision.stated_total_pence,
      )
      assert.equal(detail.decision.stated_total_pence, 42_979_555)
      assert.ok(detail.findings.some((f) => f.code === 'total_mismatch' && f.message.includes('£48,190.12')))
      assert.ok(detail.findings.some((f) => f.code === 'period_conflict'))
    })

    test('holds the per-annum contributions of PCC036/18 that make £2.125m', async () => {
      const detail = (await app.register.publicDecision('essex-pcc036-18'))!
      assert.equal(
        detail.contributions.reduce((s, c) => s + c.amount_pence, 0),
        212_500_000,
      )
      assert.ok(detail.contributions.every((c) => c.per_annum))
    })
  })
}
