import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { WorkflowService } from '../../../../../../src/services/decisions/workflow.ts'
import { StaffClient } from '../../../../../support/staff-client.ts'
import { fundingStreamIdOf, officeIdOf } from '../../../../../support/records.ts'
import { addStaff, signedIn, webAppSetUp } from '../../../../../support/staff.ts'
import { testEngines } from '../../../../../support/database.ts'
import { rowOf, updateRows, valueOf } from '../../../../../support/rows.ts'
import { contributionsOf } from '../../../../../support/imports.ts'

for (const engine of testEngines()) {
  describe(`contributions subject to funding, and stream findings on any decision, on ${engine}`, () => {
    const web = webAppSetUp(engine)
    let hants: StaffClient
    let hampshireId = 0
    let officerId = 0
    const streamId = (name: string) => fundingStreamIdOf(web.database, name)
    /** The demonstration decision whose contributions are subject to Ministry of Justice funding (seed 003's). */
    const seedDecision = async () =>
      await web.database.db
        .selectFrom('contributions as c')
        .innerJoin('decisions as d', 'd.id', 'c.decision_id')
        .select(['d.id', 'd.slug', 'd.status', 'd.created_by'])
        .where('c.condition', 'like', 'Subject to annual Ministry of Justice funding%')
        .executeTakeFirstOrThrow()

    before(async () => {
      hampshireId = await officeIdOf(web.database, 'Hampshire')
      officerId = (
        await addStaff(web.database, {
          email: 'hants@test.example',
          name: 'Hants officer',
          roles: ['officer'],
          officeId: hampshireId,
        })
      ).id
      hants = await signedIn(web.baseUrl, 'hants@test.example')
    })

    test('a loaded contribution whose condition is subject to funding is marked so, with the stream its words name', async () => {
      const decision = await seedDecision()
      const rows = await contributionsOf(web.database, decision.id, [
        'condition',
        'subject_to_funding',
        'funding_stream_id',
        'funding_condition',
      ])
      const moj = rows.find((r) => r.condition?.startsWith('Subject to annual Ministry of Justice'))!
      assert.deepEqual(
        [moj.subject_to_funding, moj.funding_stream_id, moj.funding_condition],
        [true, await streamId('MoJ victims grant'), moj.condition],
      )
      const safer = rows.find((r) => r.condition?.startsWith('Subject to the Safer Communities Fund'))!
      assert.deepEqual(
        [safer.subject_to_funding, safer.funding_stream_id],
        [true, await streamId('Safer Communities Fund')],
      )
      assert.ok(rows.filter((r) => r.condition === null).every((r) => !r.subject_to_funding))
    })

    test('the staff page of a demonstration decision shows the finding that its funding is not confirmed', async () => {
      const decision = await seedDecision()
      assert.equal(decision.created_by, null)
      const response = await hants.get(`/staff/decisions/${decision.id}`)
      assert.equal(response.status, 200)
      const html = await response.text()
      assert.match(html, /id="not-drafted"/)
      assert.doesNotMatch(html, /id="publish-link"|id="submit-link"/)
      assert.match(
        html,
        /data-code="funding_unconfirmed">[\s\S]*?the contribution from Hampshire Office of the Police and Crime Commissioner is subject to MoJ victims grant, which is still expected, not confirmed/,
      )
      assert.match(html, /Subject to funding from MoJ victims grant\./)
      const publicPage = await (await fetch(`${web.baseUrl}/decisions/${decision.slug}`)).text()
      assert.match(publicPage, /Subject to funding from MoJ victims grant\./)
    })

    test('the public funding streams page counts the finding only while the decision is published', async () => {
      const decision = await seedDecision()
      assert.equal(decision.status, 'published')
      const finding = /is subject to MoJ victims grant, which is still expected/
      assert.match(await (await fetch(`${web.baseUrl}/funding-streams`)).text(), finding)
      await web.database.db.updateTable('decisions').set({ status: 'approved' }).where('id', '=', decision.id).execute()
      try {
        assert.doesNotMatch(await (await fetch(`${web.baseUrl}/funding-streams`)).text(), finding)
        assert.match(await (await hants.get(`/staff/decisions/${decision.id}`)).text(), finding)
      } finally {
        await updateRows(web.database, 'decisions', { status: 'published' }, { id: decision.id })
      }
      // Once the stream's money is confirmed, there is nothing to find.
      const moj = await streamId('MoJ victims grant')
      await updateRows(web.database, 'funding_streams', { funding_status: 'confirmed' }, { id: moj })
      try {
        assert.doesNotMatch(await (await hants.get(`/staff/decisions/${decision.id}`)).text(), finding)
      } finally {
        await updateRows(web.database, 'funding_streams', { funding_status: 'expected' }, { id: moj })
      }
    })

    test('the contribution form records that a contribution is subject to a stream’s funding, refusing a half answer', async () => {
      const draft = await new WorkflowService(web.database).createDraft(
        {
          officeId: hampshireId,
          kind: 'decision',
          title: 'Victims’ service with a council contribution',
          authorName: 'Hants officer',
          authorContact: null,
          executiveSummary: null,
          supportingInformation: null,
          recommendations: null,
          decisionText: null,
        },
        { userId: officerId, label: 'Hants officer' },
      )
      const form = await (await hants.get(`/staff/decisions/${draft}/contributions/new`)).text()
      assert.match(form, /Does the contribution depend on funding still to come\?/)
      const version = /name="version" value="(\d+)"/.exec(form)![1]!
      const fields = {
        version,
        partner: 'Southampton City Council',
        amount: '40,000',
        amountType: 'per_annum',
        year: '',
        conditions: '',
        service: '',
      }
      const half = await hants.post(`/staff/decisions/${draft}/contributions/new`, {
        ...fields,
        subjectToFunding: 'yes',
        fundingStream: '',
        fundingCondition: '',
      })
      assert.equal(half.status, 400)
      assert.match(
        await half.text(),
        /href="#fundingStream">Choose the funding stream the contribution depends on, or write the condition in words/,
      )
      const moj = await streamId('MoJ victims grant')
      await hants.get(`/staff/decisions/${draft}/contributions/new`)
      const saved = await hants.post(`/staff/decisions/${draft}/contributions/new`, {
        ...fields,
        subjectToFunding: 'yes',
        fundingStream: String(moj),
        fundingCondition: 'Subject to the grant being renewed each year',
      })
      assert.equal(saved.status, 303, await saved.text())
      const row = await rowOf(
        web.database,
        'contributions',
        ['subject_to_funding', 'funding_stream_id', 'funding_condition'],
        { decision_id: draft },
      )
      assert.deepEqual(row, {
        subject_to_funding: true,
        funding_stream_id: moj,
        funding_condition: 'Subject to the grant being renewed each year',
      })
      const summary = await (await hants.get(`/staff/decisions/${draft}/contributions`)).text()
      assert.match(summary, /Yes, on MoJ victims grant: Subject to the grant being renewed each year/)
      const page = await (await hants.get(`/staff/decisions/${draft}`)).text()
      assert.match(page, /the contribution from Southampton City Council is subject to MoJ victims grant/)
      // Changing the answer to no clears what it depended on.
      const id = await valueOf(web.database, 'contributions', 'id', { decision_id: draft })
      const edit = await (await hants.get(`/staff/decisions/${draft}/contributions/${id}`)).text()
      assert.match(edit, /value="Subject to the grant being renewed each year"/)
      const version2 = /name="version" value="(\d+)"/.exec(edit)![1]!
      const no = await hants.post(`/staff/decisions/${draft}/contributions/${id}`, {
        ...fields,
        version: version2,
        subjectToFunding: 'no',
        fundingStream: String(moj),
        fundingCondition: 'ignored',
      })
      assert.equal(no.status, 303)
      assert.deepEqual(
        await rowOf(web.database, 'contributions', ['subject_to_funding', 'funding_stream_id', 'funding_condition'], {
          id,
        }),
        { subject_to_funding: false, funding_stream_id: null, funding_condition: null },
      )
    })
  })
}
