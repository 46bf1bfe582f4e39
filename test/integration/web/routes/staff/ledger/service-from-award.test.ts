import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { type Actor } from '../../../../../../src/services/audit/audit.ts'
import { WorkflowService } from '../../../../../../src/services/decisions/workflow.ts'
import { draftReadyToSubmit } from '../../../../../support/decision-draft.ts'
import { StaffClient } from '../../../../../support/staff-client.ts'
import { addStaff, signedIn, webAppSetUp } from '../../../../../support/staff.ts'
import { testEngines } from '../../../../../support/database.ts'

for (const engine of testEngines()) {
  describe(`creating a service from an award on ${engine}`, () => {
    const web = webAppSetUp(engine)
    let client: StaffClient
    let awardId = 0
    let otherAwardId = 0
    let areaName = ''
    let providerId = 0

    before(async () => {
      const db = web.database.db
      const user = await addStaff(web.database, {
        email: 'award-service@test.example',
        name: 'Award Officer',
        roles: ['officer'],
      })
      const actor: Actor = { userId: user.id, label: 'officer' }
      const workflow = new WorkflowService(web.database)
      const draft = async (officeId?: number) =>
        draftReadyToSubmit(
          workflow,
          {
            ...(officeId ? { officeId } : {}),
            kind: 'decision',
            title: 'Hospital advocacy',
            authorName: 'Award Officer',
            authorContact: null,
            executiveSummary: 'IDVAs in the emergency department.',
            supportingInformation: null,
            recommendations: null,
            decisionText: 'Approve the grant.',
          },
          actor,
        )
      const stream = await db.selectFrom('funding_streams').select('id').executeTakeFirstOrThrow()
      const provider = await db
        .selectFrom('organisations')
        .select(['id', 'name'])
        .where('name', '=', "Juno Women's Aid")
        .executeTakeFirstOrThrow()
      providerId = provider.id
      const addAward = async (id: number) => {
        const version = (await workflow.detail(id))!.decision.version
        await workflow.saveAward(
          id,
          version,
          null,
          {
            recipient: { id: provider.id },
            amountPence: 4_800_000,
            perAnnum: false,
            upTo: false,
            periodLabel: '2025/26',
            periodStart: '2025-04-01',
            periodEnd: '2026-03-31',
            financialYear: 2025,
            fundingStreamId: stream.id,
            route: 'grant',
            routeJustification: null,
            via: null,
            purpose: 'Hospital IDVA service',
            condition: null,
            serviceId: null,
          },
          actor,
        )
        return (await workflow.detail(id))!.awards[0]!.id
      }
      const id = await draft()
      awardId = await addAward(id)
      areaName = (await workflow.detail(id))!.areas[0]!.name
      const essex = await db
        .selectFrom('offices')
        .select('organisation_id')
        .where('short_name', '=', 'Essex')
        .executeTakeFirstOrThrow()
      const other = await draft(essex.organisation_id)
      otherAwardId = await addAward(other)
      client = await signedIn(web.baseUrl, 'award-service@test.example')
    })

    test('the service pages start filled in from the award’s provider, kind, areas and period', async () => {
      const start = await client.get(`/staff/ledger/services/new/from-award/${awardId}`)
      assert.equal(start.status, 303)
      assert.equal(start.headers.get('location'), '/staff/ledger/services/new/details?fromAward=1')
      const details = await (await client.get('/staff/ledger/services/new/details?fromAward=1')).text()
      assert.match(details, /id="from-award"/)
      assert.match(details, /value="Hospital IDVA service"/)
      assert.match(details, /value="idva" checked/)
      const areas = await (await client.get('/staff/ledger/services/new/areas')).text()
      assert.match(areas, new RegExp(`value="\\d+" checked[^>]*>\\s*<label[^>]*>\\s*${areaName}`))
      const providers = await (await client.get('/staff/ledger/services/new/providers')).text()
      assert.match(providers, new RegExp(`value="${providerId}" checked`))
      const dates = await (await client.get('/staff/ledger/services/new/dates')).text()
      assert.match(dates, /name="startDate-day"[^>]*value="1"/)
      assert.match(dates, /name="startDate-year"[^>]*value="2025"/)
      assert.match(dates, /name="endDate-day"[^>]*value="31"/)
    })

    test('an award of an office the officer does not work for is not found', async () => {
      assert.equal((await client.get(`/staff/ledger/services/new/from-award/${otherAwardId}`)).status, 404)
      assert.equal((await client.get('/staff/ledger/services/new/from-award/99999999')).status, 404)
    })

    test('saving the service sets the draft award to pay for it, audited', async () => {
      await client.get(`/staff/ledger/services/new/from-award/${awardId}`)
      assert.equal((await client.get('/staff/ledger/services/new/check')).status, 200)
      const saved = await client.post('/staff/ledger/services/new/check', {})
      assert.equal(saved.status, 303)
      const location = saved.headers.get('location') ?? ''
      assert.match(location, /^\/staff\/ledger\/services\/[a-z0-9-]+\/saved\?created=1&award=1$/)
      assert.match(await (await client.get(location)).text(), /The award you started from now pays for this service/)
      const db = web.database.db
      const award = await db
        .selectFrom('awards')
        .select('service_id')
        .where('id', '=', awardId)
        .executeTakeFirstOrThrow()
      const service = await db
        .selectFrom('services')
        .select(['id', 'name'])
        .where('id', '=', award.service_id!)
        .executeTakeFirstOrThrow()
      assert.equal(service.name, 'Hospital IDVA service')
      const audit = await db
        .selectFrom('audit_log')
        .select('after')
        .where('action', '=', 'award.service')
        .executeTakeFirstOrThrow()
      assert.deepEqual(audit.after, { awardId, serviceId: service.id })
    })
  })
}
