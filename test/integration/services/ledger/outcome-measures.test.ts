import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { testEngines } from '../../../support/database.ts'
import { serviceIdOf } from '../../../support/records.ts'
import { servicesSetUp } from '../../../support/services.ts'

const actor = { userId: null, label: 'test' }

for (const engine of testEngines()) {
  describe(`outcome returns: defined measures, corrections and deletions on ${engine}`, () => {
    const { t, app } = servicesSetUp(engine)
    let serviceId: number
    before(async () => {
      serviceId = await serviceIdOf(t.database, 'domestic-abuse-partnership-car-pilot')
    })

    const counts = () =>
      t.database.db
        .selectFrom('outcome_returns')
        .select(['quarter_start', 'measure', 'value'])
        .where('service_id', '=', serviceId)
        .orderBy('measure')
        .execute()

    test('a misspelt measure is refused naming the line and the allowed names, and nothing is stored', async () => {
      const before = await counts()
      await assert.rejects(
        app.outcomes.importCsv(
          serviceId,
          'quarter,measure,value\n2024/25 Q1,referrals,4\n2024/25 Q1,referals,5\n',
          actor,
        ),
        (error: Error) => {
          assert.match(error.message, /Line 3: measure “referals” is not one of the measures: survivors_supported/)
          assert.match(error.message, /referrals \(Referrals received\)/)
          return true
        },
      )
      assert.deepEqual(await counts(), before)
    })

    test('the form’s own labels are accepted in a CSV, stored under the measure’s name', async () => {
      const stored = await app.outcomes.importCsv(
        serviceId,
        'quarter,measure,value\n2024/25 Q2,Survivors supported,42\n2024/25 Q2,referrals received,7\n',
        actor,
      )
      assert.equal(stored, 2)
      const rows = (await counts()).filter((r) => r.quarter_start === '2024-07-01')
      assert.deepEqual(
        rows.map((r) => [r.measure, r.value]),
        [
          ['referrals', 7],
          ['survivors_supported', 42],
        ],
      )
    })

    test('a count is corrected and deleted, each audit-logged; a bad correction is refused', async () => {
      await assert.rejects(
        app.outcomes.correct(serviceId, '2024-07-01', 'referrals', 'seven', actor),
        /must be a whole number/,
      )
      await app.outcomes.correct(serviceId, '2024-07-01', 'referrals', '8', actor)
      assert.equal(
        (await counts()).find((r) => r.quarter_start === '2024-07-01' && r.measure === 'referrals')?.value,
        8,
      )
      await app.outcomes.correct(serviceId, '2024-07-01', 'referrals', null, actor)
      assert.equal(
        (await counts()).find((r) => r.quarter_start === '2024-07-01' && r.measure === 'referrals'),
        undefined,
      )
      const log = await t.database.db
        .selectFrom('audit_log')
        .select(['action', 'before', 'after'])
        .where('action', 'in', ['outcome_returns.correct', 'outcome_returns.delete'])
        .orderBy('id')
        .execute()
      assert.deepEqual(
        log.map((l) => [l.action, (l.before as { value: number }).value]),
        [
          ['outcome_returns.correct', 7],
          ['outcome_returns.delete', 8],
        ],
      )
    })
  })
}
