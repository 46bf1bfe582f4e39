import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Role } from '../../../../src/domain/roles.ts'
import { RegisterService } from '../../../../src/services/decisions/register.ts'
import { ConcurrentEditError, WorkflowService } from '../../../../src/services/decisions/workflow.ts'
import {
  addWorkflowPeople,
  draftReadyToSubmit,
  signOffAs,
  type WorkflowPerson,
  draftDetails,
} from '../../../support/decision-draft.ts'
import { openTestDatabase, testEngines, type TestDatabase } from '../../../support/database.ts'
import { rowsOf } from '../../../support/rows.ts'

const details = draftDetails({
  title: 'Refuge places in Bassetlaw',
  authorName: 'Olivia Officer',
  authorContact: 'olivia@office.example',
  executiveSummary: 'Four more refuge places for women and children.',
  supportingInformation: 'Demand has outgrown the two refuges in the north of the county.',
  recommendations: 'Approve the grant.',
  decisionText: 'Approve a grant of £60,000.',
})

for (const engine of testEngines()) {
  describe(`the decision workflow on ${engine}`, () => {
    let t: TestDatabase
    let workflow: WorkflowService
    const people: Record<string, WorkflowPerson> = {}

    before(async () => {
      t = await openTestDatabase(engine, { demo: true })
      workflow = new WorkflowService(t.database)
      const roster: Array<[string, Role[]]> = [
        ['officer', ['officer']],
        ['finance', ['finance_officer']],
        ['ceo', ['chief_executive']],
        ['pcc', ['decision_maker']],
        ['both', ['finance_officer', 'chief_executive']],
        ['officer2', ['officer', 'finance_officer']],
      ]
      await addWorkflowPeople(t.database, roster, 'wf.example', people)
    })
    after(() => t.dispose())

    const version = async (id: number) => (await workflow.detail(id))!.decision.version
    const sign = signOffAs(() => workflow, people)

    test('a draft goes through finance, the chief executive and the decision maker to publication', async () => {
      const id = await draftReadyToSubmit(workflow, details, people.officer!.actor)
      const reference = await workflow.submit(id, await version(id), people.officer!.actor)
      assert.match(reference, new RegExp(`^${new Date().getFullYear()}\\.\\d{3}$`))
      await sign(id, 'finance')
      await sign(id, 'ceo')
      await sign(id, 'pcc', { declaration: 'no_interest' })
      const slug = await workflow.publish(id, await version(id), people.officer!.actor)
      const published = await new RegisterService(t.database).publicDecision(slug)
      assert.equal(published?.decision.reference, reference)
      assert.equal(published?.decision.status, 'published')
      assert.deepEqual(
        published?.signOffs.map((s) => s.stage),
        ['finance', 'chief_executive', 'decision_maker'],
      )
      const history = await rowsOf(
        t.database,
        'audit_log',
        ['action'],
        { entity_type: 'decision', entity_id: String(id) },
        'id',
      )
      assert.deepEqual(
        history.map((h) => h.action),
        [
          'create',
          'update financial information',
          'update areas',
          'mark awards as completed',
          'update classification',
          'submit',
          'sign-off: approved',
          'sign-off: approved',
          'sign-off: approved',
          'publish',
        ],
      )
    })

    test('nobody signs what they wrote or two stages of one decision', async () => {
      const id = await draftReadyToSubmit(workflow, details, people.officer2!.actor)
      await workflow.submit(id, await version(id), people.officer2!.actor)
      await assert.rejects(sign(id, 'officer2'), /You wrote this decision/)
      await sign(id, 'both')
      await assert.rejects(sign(id, 'both'), /You gave the finance sign-off/)
      await assert.rejects(sign(id, 'finance'), /Only a chief executive/)
    })

    test('a signer returns it with a comment; the author changes and resubmits with the same reference', async () => {
      const id = await draftReadyToSubmit(workflow, details, people.officer!.actor)
      const reference = await workflow.submit(id, await version(id), people.officer!.actor)
      await assert.rejects(sign(id, 'finance', { outcome: 'returned' }), /Say what the author needs to change/)
      await sign(id, 'finance', { outcome: 'returned', comment: 'Add the cost per place' })
      const returned = (await workflow.detail(id))!
      assert.equal(returned.decision.status, 'draft')
      assert.equal(returned.decision.returned_comment, 'Add the cost per place')
      await workflow.saveDetails(
        id,
        returned.decision.version,
        { ...details, supportingInformation: 'Each place costs £15,000 a year.' },
        people.officer!.actor,
      )
      assert.equal(await workflow.submit(id, await version(id), people.officer!.actor), reference)
      assert.equal((await workflow.detail(id))!.decision.status, 'submitted')
    })

    test('the decision maker rejects with reasons and a declaration', async () => {
      const id = await draftReadyToSubmit(workflow, details, people.officer!.actor)
      await workflow.submit(id, await version(id), people.officer!.actor)
      await sign(id, 'finance')
      await sign(id, 'ceo')
      await assert.rejects(sign(id, 'pcc', { outcome: 'rejected', declaration: 'no_interest' }), /Give the reasons/)
      await assert.rejects(
        sign(id, 'pcc', { outcome: 'rejected', comment: 'No budget', declaration: 'interest_declared' }),
        /State the interest/,
      )
      await sign(id, 'pcc', {
        outcome: 'rejected',
        comment: 'No budget this year',
        declaration: 'interest_declared',
        declaredInterest: 'Trustee of a bidding charity',
      })
      const rejected = (await workflow.detail(id))!.decision
      assert.equal(rejected.status, 'rejected')
      assert.equal(rejected.rejection_reasons, 'No budget this year')
      assert.equal(rejected.declared_interest, 'Trustee of a bidding charity')
    })

    test('the second of two saves from the same version is refused, and nothing of it is stored', async () => {
      const id = await draftReadyToSubmit(workflow, details, people.officer!.actor)
      const v = await version(id)
      await workflow.saveDetails(id, v, { ...details, title: 'First save' }, people.officer!.actor)
      await assert.rejects(
        workflow.saveDetails(id, v, { ...details, title: 'Second save' }, people.officer!.actor),
        ConcurrentEditError,
      )
      assert.equal((await workflow.detail(id))!.decision.title, 'First save')
    })

    test('two decisions submitted at the same instant get consecutive references, no gaps, no duplicates', async () => {
      const ids = await Promise.all(
        Array.from({ length: 6 }, () => draftReadyToSubmit(workflow, details, people.officer!.actor)),
      )
      const versions = await Promise.all(ids.map(version))
      const references = await Promise.all(ids.map((id, i) => workflow.submit(id, versions[i]!, people.officer!.actor)))
      const numbers = references.map((r) => Number(r.split('.')[1])).sort((a, b) => a - b)
      assert.equal(new Set(references).size, 6)
      assert.deepEqual(
        numbers,
        Array.from({ length: 6 }, (_, i) => numbers[0]! + i),
      )
    })

    test('a submitted decision can no longer be edited', async () => {
      const id = await draftReadyToSubmit(workflow, details, people.officer!.actor)
      await workflow.submit(id, await version(id), people.officer!.actor)
      await assert.rejects(
        workflow.saveDetails(id, await version(id), details, people.officer!.actor),
        /can no longer be edited/,
      )
    })
  })
}
