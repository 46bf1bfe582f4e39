import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { WorkflowService } from '../../../../../../src/services/decisions/workflow.ts'
import { StaffClient } from '../../../../../support/staff-client.ts'
import { addStaff, signedIn, webAppSetUp } from '../../../../../support/staff.ts'
import { testEngines } from '../../../../../support/database.ts'
import { fundingStreamIdOf, officeIdOf } from '../../../../../support/records.ts'
import { rowOf, rowsOf } from '../../../../../support/rows.ts'

const conditions = (extra: Record<string, string | string[]> = {}) => ({
  fundingStatus: 'confirmed',
  agreementReference: 'CORE-2024/25',
  'grantStart-day': '1',
  'grantStart-month': '10',
  'grantStart-year': '2023',
  'grantEnd-day': '31',
  'grantEnd-month': '3',
  'grantEnd-year': '2025',
  'spendBy-day': '31',
  'spendBy-month': '3',
  'spendBy-year': '2025',
  ringFencedServiceTypes: ['survivor_support', 'idva'],
  ringFenceNames: 'ISVA, Survivor support',
  conditionsText: 'Match funding for the Home Office grant.',
  ...extra,
})

for (const engine of testEngines()) {
  describe(`funding stream conditions on ${engine}`, () => {
    const web = webAppSetUp(engine)
    let notts: StaffClient
    let essex: StaffClient
    let officerId = 0
    const streamId = (name: string) => fundingStreamIdOf(web.database, name)

    before(async () => {
      const officeId = (short: string) => officeIdOf(web.database, short)
      officerId = (
        await addStaff(web.database, {
          email: 'notts@test.example',
          name: 'Notts officer',
          roles: ['officer'],
          officeId: await officeId('Nottinghamshire'),
        })
      ).id
      await addStaff(web.database, {
        email: 'essex@test.example',
        name: 'Essex officer',
        roles: ['officer', 'administrator'],
        officeId: await officeId('Essex'),
      })
      notts = await signedIn(web.baseUrl, 'notts@test.example')
      essex = await signedIn(web.baseUrl, 'essex@test.example')
    })

    test('the demonstration grant shows its conditions and its match funding shortfall, to staff and the public', async () => {
      const id = await streamId('Home Office DA perpetrator grant')
      const list = await (await notts.get('/staff/ledger/streams')).text()
      assert.match(list, new RegExp(`href="/staff/ledger/streams/${id}">Home Office DA perpetrator grant`))
      const page = await (await notts.get(`/staff/ledger/streams/${id}`)).text()
      assert.match(page, /HO-DAPI-23-NOT-07/)
      assert.match(page, /Perpetrator programme, Survivor support/)
      assert.match(page, /data-code="match_funding_short"/)
      assert.match(
        page,
        /needs £215,566\.69 match funding from Nottinghamshire Office of the Police and Crime Commissioner in 2024\/25; £0 is recorded/,
      )
      const hampshire = await (await notts.get(`/staff/ledger/streams/${await streamId('MoJ victims grant')}`)).text()
      assert.match(hampshire, /Page not found|not found/i, 'another office’s stream answers as an unknown one')
      const publicPage = await (await fetch(`${web.baseUrl}/funding-streams`)).text()
      assert.match(publicPage, /To be spent by 31 March 2025\./)
      assert.match(publicPage, /Ring-fenced to ISVA, IDVA\./)
      assert.match(publicPage, /Expected: not yet confirmed by the funder\./)
      assert.match(publicPage, /data-code="match_funding_short"/)
    })

    test('bad conditions are refused naming each field, and nothing is saved', async () => {
      const id = await streamId('Core commissioning budget')
      await notts.get(`/staff/ledger/streams/${id}/conditions`)
      const html = await notts.postRefused(
        `/staff/ledger/streams/${id}/conditions`,
        conditions({
          fundingStatus: 'maybe',
          'spendBy-day': '31',
          'spendBy-month': '2',
          'grantEnd-year': '2022',
          ringFencedServiceTypes: ['idva', 'swimming'],
        }),
      )
      assert.match(html, /There is a problem/)
      assert.match(html, /href="#spendBy-day">The spend-by date must be a real date/)
      assert.match(html, /href="#grantEnd-day">The grant period must end on or after the day it starts/)
      assert.match(html, /href="#fundingStatus">Choose whether the money is confirmed or expected/)
      assert.match(html, /href="#ringFencedServiceTypes">Choose service types from the list/)
      const row = await rowOf(web.database, 'funding_streams', ['spend_by', 'agreement_reference'], { id })
      assert.deepEqual(row, { spend_by: null, agreement_reference: null })
    })

    test('conditions go through check answers; once saved, awards after the spend-by date are found on the stream and the public page', async () => {
      const id = await streamId('Core commissioning budget')
      await notts.get(`/staff/ledger/streams/${id}/conditions`)
      const posted = await notts.post(`/staff/ledger/streams/${id}/conditions`, conditions())
      assert.equal(posted.status, 303)
      assert.equal(posted.headers.get('location'), `/staff/ledger/streams/${id}/conditions/check`)
      const check = await (await notts.get(`/staff/ledger/streams/${id}/conditions/check`)).text()
      assert.match(check, /1 October 2023 to 31 March 2025/)
      assert.match(check, /ISVA, Survivor support \(checked as ISVA service, Survivor support\)/)
      assert.match(check, new RegExp(`href="/staff/ledger/streams/${id}/conditions#spendBy-day"`))
      // Change goes back to the form holding the answers given, not those saved.
      const form = await (await notts.get(`/staff/ledger/streams/${id}/conditions`)).text()
      assert.match(form, /value="CORE-2024\/25"/)
      const saved = await notts.post(`/staff/ledger/streams/${id}/conditions/check`, {})
      assert.equal(saved.headers.get('location'), `/staff/ledger/streams/${id}/conditions/saved`)
      const panel = await (await notts.get(`/staff/ledger/streams/${id}/conditions/saved`)).text()
      assert.match(panel, /Conditions saved/)
      assert.match(panel, /6 findings break/)
      const row = await rowOf(
        web.database,
        'funding_streams',
        ['spend_by', 'grant_start', 'ring_fenced_service_types', 'ring_fence_names', 'conditions'],
        { id },
      )
      assert.deepEqual(row, {
        spend_by: '2025-03-31',
        grant_start: '2023-10-01',
        ring_fenced_service_types: ['survivor_support', 'idva'],
        ring_fence_names: ['ISVA', 'Survivor support'],
        conditions: 'Match funding for the Home Office grant.',
      })
      const audit = await rowOf(web.database, 'audit_log', ['after'], { action: 'funding_stream.conditions' })
      assert.equal((audit.after as { spendBy: string }).spendBy, '2025-03-31')

      const stream = await (await notts.get(`/staff/ledger/streams/${id}`)).text()
      assert.equal(stream.match(/data-code="award_after_spend_by"/g)?.length, 6)
      assert.match(
        stream,
        /2024\.006: the award to Equation runs to 30 September 2025, after Core commissioning budget must be spent by 31 March 2025/,
      )
      const publicPage = await (await fetch(`${web.baseUrl}/funding-streams`)).text()
      assert.match(publicPage, /the award to Equation runs to 30 September 2025/)
    })

    test('a draft decision’s breach is shown to staff but never on the public page', async () => {
      const db = web.database.db
      const id = await streamId('Home Office DA perpetrator grant')
      const officeId = (
        await db.selectFrom('funding_streams').select('office_id').where('id', '=', id).executeTakeFirstOrThrow()
      ).office_id!
      const draft = await new WorkflowService(web.database).createDraft(
        {
          officeId,
          kind: 'decision',
          title: 'Refuge top-up not yet published',
          authorName: 'Notts officer',
          authorContact: null,
          executiveSummary: null,
          supportingInformation: null,
          recommendations: null,
          decisionText: null,
        },
        { userId: officerId, label: 'Notts officer' },
      )
      const refuge = await db
        .insertInto('services')
        .values({ office_id: officeId, name: 'Secret refuge beds', slug: 'secret-refuge-beds', service_type: 'refuge' })
        .returning('id')
        .executeTakeFirstOrThrow()
      await db
        .insertInto('awards')
        .values({
          decision_id: draft,
          recipient_name: 'Hidden Refuge Trust',
          amount_pence: 1_000_000,
          period_start: '2024-04-01',
          period_end: '2025-03-31',
          funding_stream_id: id,
          service_id: refuge.id,
          condition: 'Subject to Home Office funding being confirmed',
        })
        .execute()
      const staffResponse = await notts.get(`/staff/ledger/streams/${id}`)
      const staffPage = await staffResponse.text()
      assert.equal(staffResponse.status, 200, staffPage.slice(0, 3000))
      assert.match(staffPage, /data-code="ring_fence_breach"/)
      assert.match(staffPage, /pays Hidden Refuge Trust for Secret refuge beds, refuge/)
      const draftPage = await (await notts.get(`/staff/decisions/${draft}`)).text()
      assert.match(draftPage, /data-code="ring_fence_breach"/)
      assert.match(
        draftPage,
        /data-code="match_funding_short"/,
        'the year its award is paid in is short of match funding',
      )
      const publicPage = await (await fetch(`${web.baseUrl}/funding-streams`)).text()
      assert.doesNotMatch(publicPage, /Hidden Refuge Trust|ring_fence_breach/)
    })

    test('match funding is added naming what is wrong, then removed; another office can do neither', async () => {
      const id = await streamId('Core commissioning budget')
      await notts.get(`/staff/ledger/streams/${id}`)
      const html = await notts.postRefused(`/staff/ledger/streams/${id}/match-funding`, {
        year: '2024-26',
        fromName: '',
        share: '140',
      })
      assert.match(html, /href="#year">Enter the financial year like 2024\/25/)
      assert.match(html, /href="#fromName">Enter who the match funding comes from/)
      const share = await notts.post(`/staff/ledger/streams/${id}/match-funding`, {
        year: '2024/25',
        fromName: 'Nottingham City Council',
        share: '140',
      })
      assert.match(await share.text(), /href="#share">The share must be a whole number of per cent from 1 to 100/)
      const good = await notts.post(`/staff/ledger/streams/${id}/match-funding`, {
        year: '2024/25',
        fromName: 'Nottingham City Council',
        amount: '12,500',
      })
      assert.equal(good.status, 303)
      const page = await (await notts.get(`/staff/ledger/streams/${id}`)).text()
      assert.match(
        page,
        /<td class="govuk-table__cell">Nottingham City Council<\/td>\s*<td class="govuk-table__cell">£12,500<\/td>/,
      )
      assert.match(page, /needs £12,500 match funding from Nottingham City Council in 2024\/25; £0 is recorded/)
      const row = await rowOf(web.database, 'funding_stream_match_funding', ['id', 'from_organisation_id'], {
        funding_stream_id: id,
      })
      assert.notEqual(row.from_organisation_id, null, 'the name is matched to the organisation')

      await essex.get('/staff/ledger/streams')
      assert.equal((await essex.get(`/staff/ledger/streams/${id}`)).status, 404)
      assert.equal((await essex.post(`/staff/ledger/streams/${id}/match-funding/${row.id}/remove`, {})).status, 404)
      assert.equal((await essex.post(`/staff/ledger/streams/${id}/conditions`, conditions())).status, 404)
      assert.equal((await essex.get(`/staff/ledger/streams/${id}/conditions/check`)).status, 404)

      const removed = await notts.post(`/staff/ledger/streams/${id}/match-funding/${row.id}/remove`, {})
      assert.equal(removed.status, 303)
      const count = await rowsOf(web.database, 'funding_stream_match_funding', ['id'], { funding_stream_id: id })
      assert.equal(count.length, 0)
    })
  })
}
