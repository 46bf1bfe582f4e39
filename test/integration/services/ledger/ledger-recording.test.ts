import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { MEASURES } from '../../../../src/domain/outcomes.ts'
import { sql } from 'kysely'
import { testEngines } from '../../../support/database.ts'
import { addDecision, addOrganisation, officeIdOf, organisationIdOf, serviceIdOf } from '../../../support/records.ts'
import { servicesSetUp } from '../../../support/services.ts'
import { rowOf, rowsOf, valueOf } from '../../../support/rows.ts'

for (const engine of testEngines()) {
  describe(`what staff record in the ledger on ${engine}`, () => {
    const { t, app } = servicesSetUp(engine)

    test('merging an organisation moves its awards and contributions and is audit-logged', async () => {
      const db = t.database.db
      const duplicateId = await addOrganisation(t.database, {
        kind: 'provider',
        name: 'Juno WA',
        slug: 'juno-wa',
        needs_review: true,
      })
      const junoId = await organisationIdOf(t.database, "Juno Women's Aid")
      const officeId = await officeIdOf(t.database, 'Nottinghamshire')
      const decisionId = await addDecision(t.database, {
        officeId,
        reference: 'T.007',
        awards: [{ recipientId: duplicateId, recipientName: 'Juno WA', amountPence: 12_345, financialYear: 2024 }],
      })
      const queue = await app.organisations.reviewQueue()
      const item = queue.find((q) => q.organisation.id === duplicateId)!
      assert.equal(item.suggestions[0]?.name, "Juno Women's Aid")
      const actor = { userId: null, label: 'test' }
      const input = { sourceId: String(duplicateId), targetId: String(junoId) }
      const preview = await app.organisations.previewMerge(input)
      assert.equal(preview.target.name, "Juno Women's Aid")
      assert.equal(preview.moved.awardsReceived.length, 1)
      assert.equal(
        await valueOf(t.database, 'awards', 'recipient_id', { decision_id: decisionId }),
        duplicateId,
        'a preview moves nothing',
      )
      const { moved, mergeId } = await app.organisations.merge(input, actor)
      assert.equal(moved.awardsReceived, 1)
      const award = await rowOf(t.database, 'awards', ['recipient_id'], { decision_id: decisionId })
      assert.equal(award.recipient_id, junoId)
      const redirect = await app.ledger.provider('juno-wa')
      assert.deepEqual(redirect, { mergedInto: 'juno-women-s-aid' })
      const log = await rowsOf(t.database, 'audit_log', ['action', 'entity_id'], { action: 'organisation.merge' })
      assert.deepEqual(log, [{ action: 'organisation.merge', entity_id: String(junoId) }])
      await assert.rejects(
        app.organisations.merge({ sourceId: String(junoId), targetId: String(junoId) }, actor),
        /cannot be merged into itself/,
      )
      // Undone: the award names the duplicate again, its alias on the kept organisation goes, and it is audit-logged.
      await app.organisations.undoMerge(mergeId, actor)
      const restored = await rowOf(t.database, 'awards', ['recipient_id'], { decision_id: decisionId })
      assert.equal(restored.recipient_id, duplicateId)
      const unmerged = await rowOf(t.database, 'organisations', ['merged_into_id', 'needs_review'], {
        id: duplicateId,
      })
      assert.deepEqual(unmerged, { merged_into_id: null, needs_review: true })
      const aliases = await rowsOf(t.database, 'organisation_aliases', ['alias'], { organisation_id: junoId })
      assert.ok(!aliases.some((a) => a.alias === 'Juno WA'))
      assert.notDeepEqual(await app.ledger.provider('juno-wa'), { mergedInto: 'juno-women-s-aid' })
      await assert.rejects(app.organisations.undoMerge(mergeId, actor), /already been undone/)
      const unmergeLog = await rowsOf(t.database, 'audit_log', ['action'], { action: 'organisation.unmerge' })
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
      const service = await serviceIdOf(t.database, 'hampshire-domestic-abuse-support-service-for-victims')
      const hcc = await organisationIdOf(t.database, 'Hampshire County Council')
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
      const stream = await rowOf(t.database, 'funding_streams', ['id'], { name: 'Core commissioning budget' })
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
