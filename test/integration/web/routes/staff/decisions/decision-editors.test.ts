import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Role } from '../../../../../../src/domain/roles.ts'
import { AccountService } from '../../../../../../src/services/accounts/accounts.ts'
import { SYSTEM_ACTOR, type Actor } from '../../../../../../src/services/audit/audit.ts'
import { WorkflowError, WorkflowService, type MoneyDetails } from '../../../../../../src/services/decisions/workflow.ts'
import { draftReadyToSubmit, draftDetails } from '../../../../../support/decision-draft.ts'
import { openTestDatabase, testEngines, type TestDatabase } from '../../../../../support/database.ts'
import { startApp, type RunningApp } from '../../../../../support/server.ts'
import { StaffClient } from '../../../../../support/staff-client.ts'

const PASSWORD = 'a long enough password'
const details = draftDetails({ title: 'Outreach in Mansfield', authorName: 'Alice Author' })
const money: MoneyDetails = {
  statedTotalPence: 5_000_000,
  awards: [
    {
      recipientName: 'Mansfield Outreach Trust',
      amountPence: 5_000_000,
      periodLabel: '2024/25',
      periodStart: '2024-04-01',
      periodEnd: '2025-03-31',
      financialYear: 2024,
      perAnnum: false,
      upTo: false,
      viaName: null,
      route: 'grant',
      routeJustification: null,
      fundingStreamId: null,
      purpose: 'Outreach in Mansfield',
    },
  ],
  contributions: [],
}

for (const engine of testEngines()) {
  describe(`who may edit and sign a decision on ${engine}`, () => {
    let t: TestDatabase
    let app: RunningApp
    let workflow: WorkflowService
    const people: Record<string, Actor & { roles: Role[]; name: string }> = {}

    before(async () => {
      t = await openTestDatabase(engine, { demo: true })
      workflow = new WorkflowService(t.database)
      const accounts = new AccountService(t.database)
      const roster: Array<[string, Role[]]> = [
        ['alice', ['officer']],
        ['bob', ['officer']],
        ['carol', ['officer', 'finance_officer']],
        ['dan', ['finance_officer']],
      ]
      for (const [name, roles] of roster) {
        const { user } = await accounts.create(
          { email: `${name}@editors.example`, name: `Person ${name}`, roles, password: PASSWORD },
          SYSTEM_ACTOR,
        )
        people[name] = { userId: user.id, label: name, roles, name: user.name }
      }
      app = await startApp(t.database)
    })
    after(async () => {
      await app.stop()
      await t.dispose()
    })

    const version = async (id: number) => (await workflow.detail(id))!.decision.version
    const signIn = async (name: string) => {
      const client = new StaffClient(app.baseUrl)
      assert.equal((await client.signIn(`${name}@editors.example`, PASSWORD)).status, 302)
      return client
    }

    test('another officer cannot change or submit someone’s draft, in the service or on the page', async () => {
      const id = await draftReadyToSubmit(workflow, details, people.alice!)
      await assert.rejects(
        workflow.saveDetails(id, await version(id), { ...details, title: 'Changed by Bob' }, people.bob!),
        WorkflowError,
      )
      await assert.rejects(workflow.saveMoney(id, await version(id), money, people.carol!), WorkflowError)
      await assert.rejects(workflow.submit(id, await version(id), people.bob!), WorkflowError)
      const bob = await signIn('bob')
      await bob.get(`/staff/decisions/${id}/details`)
      const response = await bob.post(`/staff/decisions/${id}/details`, {
        version: String(await version(id)),
        kind: 'decision',
        title: 'Changed on the page',
        authorName: 'Bob',
        executiveSummary: 'x',
        decisionText: 'y',
      })
      assert.equal(response.status, 400)
      assert.match(await response.text(), /Only its author can change this draft/)
      assert.equal((await workflow.detail(id))!.decision.title, details.title)
    })

    test('the author hands a draft to another officer from the page; only that officer may then change it, and it is audit-logged', async () => {
      const id = await draftReadyToSubmit(workflow, details, people.alice!)
      const alice = await signIn('alice')
      const form = await alice.get(`/staff/decisions/${id}/hand-over`)
      const html = await form.text()
      assert.match(html, /Hand this draft to/)
      assert.match(html, /Person bob/)
      assert.doesNotMatch(html, /Person dan/, 'only officers are offered')
      const handed = await alice.post(`/staff/decisions/${id}/hand-over`, {
        version: String(await version(id)),
        holder: String(people.bob!.userId),
      })
      assert.equal(handed.status, 303)
      await workflow.saveDetails(id, await version(id), { ...details, title: 'Finished by Bob' }, people.bob!)
      await assert.rejects(
        workflow.saveDetails(id, await version(id), details, people.alice!),
        /Only the officer it was handed to/,
      )
      const actions = (
        await t.database.db
          .selectFrom('audit_log')
          .select('action')
          .where('entity_type', '=', 'decision')
          .where('entity_id', '=', String(id))
          .execute()
      ).map((r) => r.action)
      assert.ok(actions.includes('hand over'))
      await workflow.submit(id, await version(id), people.bob!)
    })

    test('an officer with the finance role who added an award cannot give its finance sign-off; the sign page says why', async () => {
      const id = await draftReadyToSubmit(workflow, details, people.alice!)
      await workflow.handOver(id, await version(id), people.carol!.userId!, people.alice!)
      const stream = await t.database.db.selectFrom('funding_streams').select('id').executeTakeFirstOrThrow()
      const withStream = { ...money, awards: money.awards.map((a) => ({ ...a, fundingStreamId: stream.id })) }
      await workflow.saveMoney(id, await version(id), withStream, people.carol!)
      await workflow.handOver(id, await version(id), people.alice!.userId!, people.carol!)
      await workflow.submit(id, await version(id), people.alice!)
      const signer = (who: string) => ({
        userId: people[who]!.userId!,
        name: people[who]!.name,
        roles: people[who]!.roles,
      })
      const approve = { outcome: 'approved' as const, comment: null, declaration: null, declaredInterest: null }
      await assert.rejects(
        workflow.signOff(id, await version(id), signer('carol'), approve, people.carol!),
        /You changed this decision/,
      )
      const carol = await signIn('carol')
      const page = await carol.get(`/staff/decisions/${id}/sign`)
      const html = await page.text()
      assert.match(html, /You cannot sign this decision/)
      assert.match(html, /You changed this decision/)
      assert.doesNotMatch(html, /action="\/staff\/decisions\/\d+\/sign\/check"/)
      const list = await (await carol.get('/staff/decisions')).text()
      assert.ok(!new RegExp(`href="/staff/decisions/${id}/sign"`).test(list))
      await workflow.signOff(id, await version(id), signer('dan'), approve, people.dan!)
      assert.equal((await workflow.detail(id))!.decision.status, 'finance_approved')
    })
  })
}
