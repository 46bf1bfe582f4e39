import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { StaffClient } from '../../../../../support/staff-client.ts'
import { testEngines } from '../../../../../support/database.ts'
import { officeIdOf } from '../../../../../support/records.ts'
import { addStaff, signedIn, STAFF_PASSWORD, webAppSetUp } from '../../../../../support/staff.ts'
import { rowOf, rowsOf } from '../../../../../support/rows.ts'

/** The text of one section of the panel report (from its heading to the next). */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`)
  assert.ok(start >= 0, `the report has a section ${id}`)
  const next = html.indexOf('<h2 class="govuk-heading-m"', start + 1)
  return html.slice(start, next < 0 ? undefined : next)
}
const count = (html: string, id: string) => Number(new RegExp(`id="count-${id}">(\\d+)<`).exec(html)?.[1])

for (const engine of testEngines()) {
  describe(`the forward plan and panel report on ${engine}`, () => {
    const web = webAppSetUp(engine)
    let client: StaffClient
    let notts: number
    let essex: number
    before(async () => {
      notts = await officeIdOf(web.database, 'Nottinghamshire')
      essex = await officeIdOf(web.database, 'Essex')
      await addStaff(web.database, { email: 'officer@test.example', name: 'Test officer', roles: ['officer'] })
      await addStaff(web.database, { email: 'finance@test.example', name: 'Test finance', roles: ['finance_officer'] })
      client = await signedIn(web.baseUrl, 'officer@test.example')
    })

    test('the public panel report sorts the demonstration plan: late, dropped, outstanding, never planned, on time', async () => {
      const q4 = await (await fetch(`${web.baseUrl}/forward-plan/panel-report?quarter=2023-q4`)).text()
      assert.match(q4, /Q4 2023\/24: January to March 2024/)
      assert.match(section(q4, 'late'), /Fund support for survivors whose partners join the perpetrator programme/)
      assert.match(section(q4, 'late'), /href="\/decisions\/[^"]+">2024\.006</)
      assert.match(section(q4, 'outstanding'), /Grant for independent sexual violence advisers in 2024\/25/)
      assert.match(section(q4, 'dropped'), /nothing is left to extend/)
      assert.deepEqual(
        ['on-time', 'late', 'dropped', 'outstanding', 'never-planned'].map((id) => count(q4, id)),
        [0, 1, 1, 1, 0],
      )
      const q2021 = await (await fetch(`${web.baseUrl}/forward-plan/panel-report?quarter=2020-q4`)).text()
      assert.match(section(q2021, 'never-planned'), /2021\.021/)
      assert.match(section(q2021, 'dropped'), /regional victim care contract/)
      const essexQ1 = await (
        await fetch(`${web.baseUrl}/forward-plan/panel-report?quarter=2018-q1&office=${essex}`)
      ).text()
      assert.equal(count(essexQ1, 'on-time'), 1)
      assert.match(section(essexQ1, 'on-time'), /PCC036\/18/)
      // Lincolnshire's decision of May 2018 is not Essex's: the office filter leaves it out.
      assert.equal(count(essexQ1, 'never-planned'), 0)
      const bad = await fetch(`${web.baseUrl}/forward-plan/panel-report?quarter=2023-q9`)
      assert.equal(bad.status, 400)
      assert.match(await bad.text(), /Choose a quarter from the list/)
    })

    test('the public forward plan groups entries by month and links the published decision', async () => {
      const page = await (await fetch(`${web.baseUrl}/forward-plan`)).text()
      assert.ok(page.indexOf('January 2024') < page.indexOf('February 2024'))
      assert.match(page, /href="\/decisions\/[^"]+">2024\.006<\/a>, 1 March 2024/)
      assert.match(page, /£250,000/)
      const home = await (await fetch(`${web.baseUrl}/`)).text()
      assert.match(home, /href="\/forward-plan"/)
      const bytes = Buffer.from(await (await fetch(`${web.baseUrl}/forward-plan.csv?office=${notts}`)).arrayBuffer())
      const csv = bytes.toString('utf8')
      assert.match(csv, /^\uFEFFOffice,Title,Expected month/)
      assert.match(csv, /Refuge bed spaces for 2028\/29,2028-02,410000\.00,,yes,Planned/)
      assert.doesNotMatch(csv, /Essex/)
    })

    test('staff add a planned decision through check answers, with errors named field by field', async () => {
      await client.get('/staff/forward-plan/new')
      const html = await client.postRefused('/staff/forward-plan/new', {
        officeId: String(notts),
        title: '',
        'expectedMonth-month': '13',
        'expectedMonth-year': '2027',
        estimatedValue: 'lots',
        serviceId: '',
        keyDecision: 'no',
      })
      assert.match(html, /There is a problem/)
      assert.match(html, /href="#title">Enter the title of the planned decision/)
      assert.match(html, /href="#expectedMonth-month">The expected month must be a real month/)
      assert.match(html, /href="#estimatedValue">Estimated value: /)

      const essexOnly = await client.post('/staff/forward-plan/new', {
        officeId: String(essex),
        title: 'Not my office',
        'expectedMonth-month': '5',
        'expectedMonth-year': '2027',
        keyDecision: 'no',
      })
      assert.equal(essexOnly.status, 400, 'an office outside the scope is refused')

      const ok = await client.post('/staff/forward-plan/new', {
        officeId: String(notts),
        title: 'Stalking advocacy service for 2027/28',
        'expectedMonth-month': '5',
        'expectedMonth-year': '2027',
        estimatedValue: '120,000',
        serviceId: '',
        keyDecision: 'yes',
      })
      assert.equal(ok.status, 303)
      assert.equal(ok.headers.get('location'), '/staff/forward-plan/new/check')
      const check = await (await client.get('/staff/forward-plan/new/check')).text()
      assert.match(check, /May 2027/)
      assert.match(check, /£120,000/)
      assert.match(check, /href="\/staff\/forward-plan\/new#title"/)
      const saved = await client.post('/staff/forward-plan/new/check', {})
      assert.equal(saved.status, 303)
      const id = Number(/\/staff\/forward-plan\/(\d+)\/added/.exec(saved.headers.get('location') ?? '')?.[1])
      assert.ok(id > 0)
      assert.match(await (await client.get(`/staff/forward-plan/${id}/added`)).text(), /Planned decision added/)
      const row = await web.database.db
        .selectFrom('planned_decisions')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      assert.equal(row.expected_month, '2027-05-01')
      assert.equal(Number(row.estimated_value_pence), 12_000_000)
      assert.equal(row.key_decision, true)
      assert.equal(row.office_id, notts)
      const audit = await rowsOf(web.database, 'audit_log', ['action', 'office_id'], {
        entity_type: 'planned_decision',
        entity_id: String(id),
      })
      assert.deepEqual(audit, [{ action: 'planned_decision.create', office_id: notts }])

      const change = await client.post(`/staff/forward-plan/${id}/change`, {
        title: 'Stalking advocacy service for 2027/28',
        'expectedMonth-month': '6',
        'expectedMonth-year': '2027',
        estimatedValue: '',
        serviceId: '',
        keyDecision: 'no',
      })
      assert.equal(change.headers.get('location'), `/staff/forward-plan/${id}/change/check`)
      const changed = await client.post(`/staff/forward-plan/${id}/change/check`, {})
      assert.equal(changed.headers.get('location'), `/staff/forward-plan/${id}?done=changed`)
      const after = await rowOf(web.database, 'planned_decisions', ['expected_month', 'estimated_value_pence'], { id })
      assert.deepEqual(after, { expected_month: '2027-06-01', estimated_value_pence: null })
    })

    test('dropping needs a reason; staff cannot reach another office’s entry; other roles are refused', async () => {
      const ids = await rowsOf(web.database, 'planned_decisions', ['id', 'office_id', 'title'], {}, 'id')
      const mine = ids.find((r) => r.title.startsWith('Refuge bed spaces'))!
      const theirs = ids.find((r) => r.office_id === essex)!
      assert.equal((await client.get(`/staff/forward-plan/${theirs.id}`)).status, 404)
      for (const path of ['/staff/forward-plan/abc', '/staff/forward-plan/999999999', '/staff/forward-plan/1e3/drop'])
        assert.equal((await client.get(path)).status, 404, path)
      const odd = await fetch(`${web.baseUrl}/forward-plan/panel-report?quarter=a&quarter=b&office=x`)
      assert.equal(odd.status, 200, 'a repeated parameter is ignored, not an error page')
      await client.get(`/staff/forward-plan/${mine.id}/drop`)
      assert.equal((await client.post(`/staff/forward-plan/${theirs.id}/drop`, { reason: 'Not mine' })).status, 404)
      const empty = await client.post(`/staff/forward-plan/${mine.id}/drop`, { reason: '  ' })
      assert.equal(empty.status, 400)
      assert.match(await empty.text(), /href="#reason">Enter why the planned decision was dropped/)
      const dropped = await client.post(`/staff/forward-plan/${mine.id}/drop`, { reason: 'Funded by the council.' })
      assert.equal(dropped.status, 303)
      const row = await rowOf(web.database, 'planned_decisions', ['status', 'dropped_reason'], { id: mine.id })
      assert.deepEqual(row, { status: 'dropped', dropped_reason: 'Funded by the council.' })
      await client.post(`/staff/forward-plan/${mine.id}/reinstate`, {})
      const back = await rowOf(web.database, 'planned_decisions', ['status', 'dropped_reason', 'dropped_on'], {
        id: mine.id,
      })
      assert.deepEqual(back, { status: 'planned', dropped_reason: null, dropped_on: null })
      const finance = new StaffClient(web.baseUrl)
      await finance.signIn('finance@test.example', STAFF_PASSWORD)
      assert.equal((await finance.get('/staff/forward-plan')).status, 403)
      assert.equal((await new StaffClient(web.baseUrl).get('/staff/forward-plan')).status, 302)
    })

    test('an entry linked to an unpublished decision counts as taken for staff and stays planned in public', async () => {
      const decision = await web.database.db
        .insertInto('decisions')
        .values({
          office_id: notts,
          title: 'Unpublished stalking decision',
          reference: '2024.099',
          status: 'approved',
          review_status: 'reviewed',
          date_decided: '2024-02-14',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const isva = await web.database.db
        .selectFrom('planned_decisions')
        .select('id')
        .where('title', 'like', 'Grant for independent sexual violence%')
        .executeTakeFirstOrThrow()
      const staffBefore = await (await client.get('/staff/forward-plan/panel-report?quarter=2023-q4')).text()
      assert.match(section(staffBefore, 'never-planned'), /2024\.099/)
      await client.get(`/staff/forward-plan/${isva.id}/link`)
      const refused = await client.post(`/staff/forward-plan/${isva.id}/link`, { decisionId: '' })
      assert.equal(refused.status, 400)
      assert.match(await refused.text(), /href="#decisionId">Choose the decision that took it/)
      const linked = await client.post(`/staff/forward-plan/${isva.id}/link`, { decisionId: String(decision.id) })
      assert.equal(linked.headers.get('location'), `/staff/forward-plan/${isva.id}?done=linked`)

      const staff = await (await client.get('/staff/forward-plan/panel-report?quarter=2023-q4')).text()
      assert.match(section(staff, 'on-time'), /Grant for independent sexual violence advisers/)
      assert.equal(count(staff, 'never-planned'), 0)
      assert.equal(count(staff, 'outstanding'), 0)

      const publicReport = await (await fetch(`${web.baseUrl}/forward-plan/panel-report?quarter=2023-q4`)).text()
      assert.match(section(publicReport, 'outstanding'), /Grant for independent sexual violence advisers/)
      assert.equal(count(publicReport, 'on-time'), 0)
      for (const path of ['/forward-plan', '/forward-plan.csv', '/forward-plan/panel-report?quarter=2023-q4']) {
        const body = await (await fetch(`${web.baseUrl}${path}`)).text()
        assert.doesNotMatch(body, /2024\.099|Unpublished stalking decision/, path)
      }
    })
  })
}
