import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { StaffClient } from '../../../../../support/staff-client.ts'
import { signedIn, STAFF_PASSWORD, webAppSetUp } from '../../../../../support/staff.ts'
import { addWorkflowPeople, SIGN_OFF_CHAIN, startDraftOnPage } from '../../../../../support/decision-draft.ts'
import { testEngines } from '../../../../../support/database.ts'
import { rowsOf } from '../../../../../support/rows.ts'

for (const engine of testEngines()) {
  describe(`the decision pages on ${engine}`, () => {
    const web = webAppSetUp(engine)
    const client: Record<string, StaffClient> = {}
    before(async () => {
      await addWorkflowPeople(web.database, SIGN_OFF_CHAIN, 'pages.example', {}, { password: STAFF_PASSWORD })
      for (const [name] of SIGN_OFF_CHAIN) client[name] = await signedIn(web.baseUrl, `${name}@pages.example`)
    })

    async function versionOf(c: StaffClient, path: string): Promise<string> {
      const html = await (await c.get(path)).text()
      return /name="version" value="(\d+)"/.exec(html)![1]!
    }

    test('an award’s question page keeps bad input, asks "Did you mean …?" for an unknown name, then saves', async () => {
      const officer = client.officer!
      const { created, id } = await startDraftOnPage(officer, {
        title: 'Outreach in Newark',
        authorName: 'Person officer',
        executiveSummary: 'Outreach workers for Newark.',
        decisionText: 'Approve £30,000.',
      })
      assert.equal(created.status, 302)
      const version = await versionOf(officer, `/staff/decisions/${id}/awards/new`)
      const stream = await web.database.db.selectFrom('funding_streams').select('id').executeTakeFirstOrThrow()
      const award = {
        version,
        recipient: 'Juno Womens Aid',
        amount: '12,000.50',
        amountType: 'one_off',
        periodType: 'dates',
        'start-day': '1',
        'start-month': '10',
        'start-year': '2023',
        'end-day': '30',
        'end-month': '9',
        'end-year': '2025',
        stream: String(stream.id),
        route: 'direct_award',
        justification: '',
        purpose: 'Outreach',
      }
      const badHtml = await officer.postRefused(`/staff/decisions/${id}/awards/new`, {
        ...award,
        amount: '12,000.555',
        'end-year': '2022',
      })
      assert.match(badHtml, /Enter the amount in pounds, like 23,966/)
      assert.match(badHtml, /The end date must be the same as or after the start date/)
      assert.match(badHtml, /Explain why the award was made directly/)
      assert.match(badHtml, /value="Juno Womens Aid"/)
      assert.match(badHtml, /value="12,000.555"/)
      const untouched = await rowsOf(web.database, 'awards', ['id'], { decision_id: Number(id) })
      assert.equal(untouched.length, 0, 'nothing is saved from a page with errors')

      const asked = await officer.post(`/staff/decisions/${id}/awards/new`, { ...award, justification: 'Risk of harm' })
      assert.equal(asked.status, 200)
      const askedHtml = await asked.text()
      assert.match(askedHtml, /Did you mean Juno Women&#39;s Aid\?/)
      const juno = /name="recipientConfirm" type="radio" value="(\d+)"/.exec(askedHtml)![1]!
      const saved = await officer.post(`/staff/decisions/${id}/awards/new`, {
        ...award,
        justification: 'Risk of harm',
        confirming: 'recipient',
        recipientConfirm: juno,
      })
      assert.equal(saved.status, 303)
      const rows = await web.database.db
        .selectFrom('awards')
        .select([
          'recipient_name',
          'amount_pence',
          'period_start',
          'period_end',
          'financial_year',
          'route_justification',
        ])
        .where('decision_id', '=', Number(id))
        .execute()
      assert.deepEqual(rows, [
        {
          recipient_name: "Juno Women's Aid",
          amount_pence: 1_200_050,
          period_start: '2023-10-01',
          period_end: '2025-09-30',
          financial_year: 2023,
          route_justification: 'Risk of harm',
        },
      ])
      const newNames = await rowsOf(web.database, 'organisations', ['id'], { name: 'Juno Womens Aid' })
      assert.equal(newNames.length, 0, 'the misspelt name was never added')
      const summary = await (await officer.get(`/staff/decisions/${id}/awards`)).text()
      assert.match(summary, /£12,000\.50/)
      assert.match(summary, /1 October 2023 to 30 September 2025/)
    })

    test('a second save from a stale page is refused with the input kept', async () => {
      const officer = client.officer!
      const { id } = await startDraftOnPage(officer, { title: 'Helpline' })
      const version = await versionOf(officer, `/staff/decisions/${id}/details`)
      /** The details form as the page was loaded (at `version`), saved with a new title and summary. */
      const details = (title: string, executiveSummary: string) => ({
        version,
        title,
        kind: 'decision',
        authorName: 'Person officer',
        executiveSummary,
      })
      await officer.postRedirected(`/staff/decisions/${id}/details`, details('Helpline (first)', 'First'), 303)
      const html = await officer.postRefused(`/staff/decisions/${id}/details`, details('Helpline (second)', 'Second'))
      assert.match(html, /Someone else saved changes to this decision/)
      assert.match(html, /value="Helpline \(second\)"/)
    })

    test('the whole chain through the pages, with a check-your-answers step at each sign-off', async () => {
      const officer = client.officer!
      const { id } = await startDraftOnPage(officer, { title: 'Refuge in Gedling', decisionText: 'Approve.' })
      const refusedHtml = await officer.postRefused(`/staff/decisions/${id}/submit`, {
        version: await versionOf(officer, `/staff/decisions/${id}/finance`),
      })
      assert.match(refusedHtml, new RegExp(`href="/staff/decisions/${id}/areas">Complete the section “Areas served”`))
      assert.match(
        refusedHtml,
        new RegExp(`href="/staff/decisions/${id}/finance">Complete the section “Financial information”`),
      )
      const steps: Array<[string, Record<string, string>]> = [
        ['finance', { revenueOrCapital: 'revenue', inBudget: 'yes' }],
        [
          'areas',
          { areas: String((await web.database.db.selectFrom('areas').select('id').executeTakeFirstOrThrow()).id) },
        ],
        ['awards', { completed: 'yes' }],
        ['classification', { classification: 'non_confidential' }],
      ]
      const classificationPage = await (await officer.get(`/staff/decisions/${id}/classification`)).text()
      assert.match(classificationPage, /s\.43 – commercial interests/)
      assert.doesNotMatch(
        classificationPage,
        /s\.12 – cost of compliance/,
        'a refusal ground is not a reason to withhold',
      )
      for (const [path, fields] of steps) {
        const version = await versionOf(officer, `/staff/decisions/${id}/${path}`)
        assert.equal((await officer.post(`/staff/decisions/${id}/${path}`, { version, ...fields })).status, 303, path)
      }
      let version = await versionOf(officer, `/staff/decisions/${id}/submit`)
      const submitted = await officer.post(`/staff/decisions/${id}/submit`, { version })
      assert.equal(submitted.status, 303)
      assert.equal(submitted.headers.get('location'), `/staff/decisions/${id}?done=submitted`)
      for (const [who, extra] of [
        ['finance', {}],
        ['ceo', {}],
        ['pcc', { declaration: 'no_interest' }],
      ] as const) {
        const signer = client[who]!
        version = await versionOf(signer, `/staff/decisions/${id}/sign`)
        const check = await signer.post(`/staff/decisions/${id}/sign/check`, {
          version,
          outcome: 'approved',
          comment: '',
          ...extra,
        })
        assert.equal(check.status, 200)
        assert.match(await check.text(), /Check your answers/)
        assert.equal(
          (await signer.post(`/staff/decisions/${id}/sign`, { version, outcome: 'approved', comment: '', ...extra }))
            .status,
          303,
        )
      }
      version = await versionOf(officer, `/staff/decisions/${id}/publish`)
      const published = await officer.post(`/staff/decisions/${id}/publish`, { version })
      assert.equal(published.status, 303)
      const slug = /slug=([a-z0-9-]+)$/.exec(published.headers.get('location')!)![1]!
      assert.match(slug, /^nottinghamshire-\d{4}-\d{3}$/)
      const page = await (await fetch(`${web.baseUrl}/decisions/${slug}`)).text()
      assert.match(page, /Refuge in Gedling/)
      assert.match(page, /No interest precludes this decision/)
    })

    test('a finance officer cannot reach the drafting pages', async () => {
      const response = await client.finance!.get('/staff/decisions/new')
      assert.equal(response.status, 403)
    })
  })
}
