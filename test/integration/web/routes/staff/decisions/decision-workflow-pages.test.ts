import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Role } from '../../../../../../src/domain/roles.ts'
import { AccountService } from '../../../../../../src/services/accounts/accounts.ts'
import { SYSTEM_ACTOR } from '../../../../../../src/services/audit/audit.ts'
import { openTestDatabase, testEngines, type TestDatabase } from '../../../../../support/database.ts'
import { startApp, type RunningApp } from '../../../../../support/server.ts'
import { StaffClient } from '../../../../../support/staff-client.ts'

const PASSWORD = 'correct horse battery staple'

for (const engine of testEngines()) {
  describe(`the decision pages on ${engine}`, () => {
    let t: TestDatabase
    let app: RunningApp
    const client: Record<string, StaffClient> = {}
    before(async () => {
      t = await openTestDatabase(engine, { demo: true })
      app = await startApp(t.database)
      const accounts = new AccountService(t.database)
      const roster: Array<[string, Role]> = [
        ['officer', 'officer'],
        ['finance', 'finance_officer'],
        ['ceo', 'chief_executive'],
        ['pcc', 'decision_maker'],
      ]
      for (const [name, role] of roster) {
        await accounts.create(
          { email: `${name}@pages.example`, name: `Person ${name}`, roles: [role], password: PASSWORD },
          SYSTEM_ACTOR,
        )
        client[name] = new StaffClient(app.baseUrl)
        await client[name]!.signIn(`${name}@pages.example`, PASSWORD)
      }
    })
    after(async () => {
      await app.stop()
      await t.dispose()
    })

    async function versionOf(c: StaffClient, path: string): Promise<string> {
      const html = await (await c.get(path)).text()
      return /name="version" value="(\d+)"/.exec(html)![1]!
    }

    test('an officer drafts a decision with awards; bad rows are named and kept; totals shown without JavaScript', async () => {
      const officer = client.officer!
      await officer.get('/staff/decisions/new')
      const created = await officer.post('/staff/decisions/new', {
        title: 'Outreach in Newark',
        kind: 'decision',
        authorName: 'Person officer',
        authorContact: '',
        executiveSummary: 'Outreach workers for Newark.',
        supportingInformation: 'Need is rising.',
        recommendations: 'Approve.',
        decisionText: 'Approve £30,000.',
      })
      assert.equal(created.status, 302)
      const id = /\/staff\/decisions\/(\d+)/.exec(created.headers.get('location')!)![1]!
      const version = await versionOf(officer, `/staff/decisions/${id}/money`)
      const bad = await officer.post(`/staff/decisions/${id}/money`, {
        version,
        'awards-0-recipient': 'Newark Outreach Trust',
        'awards-0-amount': '12,000.555',
        'awards-0-year': '2025',
        'awards-1-recipient': 'Another',
        'awards-1-amount': '',
        'awards-1-year': '2025',
        statedTotal: '',
      })
      assert.equal(bad.status, 400)
      const badHtml = await bad.text()
      assert.match(badHtml, /Award 1: enter the amount in pounds/)
      assert.match(badHtml, /Award 2: enter the amount/)
      assert.match(badHtml, /value="Newark Outreach Trust"/)
      const recalculated = await officer.post(`/staff/decisions/${id}/money`, {
        version,
        action: 'recalculate',
        'awards-0-recipient': 'Newark Outreach Trust',
        'awards-0-amount': '12,000.50',
        'awards-0-year': '2025',
        'awards-1-recipient': 'Newark Outreach Trust',
        'awards-1-amount': '17,999.50',
        'awards-1-year': '2025',
        statedTotal: '30000',
      })
      assert.match(
        await recalculated.text(),
        /2025\/26<\/th><td class="govuk-table__cell govuk-table__cell--numeric">£30,000\.00/,
      )
      const saved = await officer.post(`/staff/decisions/${id}/money`, {
        version,
        'awards-0-recipient': 'Newark Outreach Trust',
        'awards-0-amount': '12,000.50',
        'awards-0-year': '2025',
        'awards-0-route': 'grant',
        'awards-1-recipient': 'Newark Outreach Trust',
        'awards-1-amount': '17,999.50',
        'awards-1-year': '2026',
        statedTotal: '30000',
      })
      assert.equal(saved.status, 302)
      const detail = await (await officer.get(`/staff/decisions/${id}`)).text()
      assert.match(detail, /£12,000\.50/)
      assert.match(detail, /£17,999\.50/)
    })

    test('a second save from a stale page is refused with the input kept', async () => {
      const officer = client.officer!
      await officer.get('/staff/decisions/new')
      const created = await officer.post('/staff/decisions/new', {
        title: 'Helpline',
        kind: 'decision',
        authorName: 'Person officer',
        executiveSummary: 'A helpline.',
      })
      const id = /\/staff\/decisions\/(\d+)/.exec(created.headers.get('location')!)![1]!
      const version = await versionOf(officer, `/staff/decisions/${id}/details`)
      const first = await officer.post(`/staff/decisions/${id}/details`, {
        version,
        title: 'Helpline (first)',
        kind: 'decision',
        authorName: 'Person officer',
        executiveSummary: 'First',
      })
      assert.equal(first.status, 302)
      const second = await officer.post(`/staff/decisions/${id}/details`, {
        version,
        title: 'Helpline (second)',
        kind: 'decision',
        authorName: 'Person officer',
        executiveSummary: 'Second',
      })
      assert.equal(second.status, 400)
      const html = await second.text()
      assert.match(html, /Someone else saved changes to this decision/)
      assert.match(html, /value="Helpline \(second\)"/)
    })

    test('the whole chain through the pages, with a check-your-answers step at each sign-off', async () => {
      const officer = client.officer!
      await officer.get('/staff/decisions/new')
      const created = await officer.post('/staff/decisions/new', {
        title: 'Refuge in Gedling',
        kind: 'decision',
        authorName: 'Person officer',
        executiveSummary: 'Refuge places.',
        decisionText: 'Approve.',
      })
      const id = /\/staff\/decisions\/(\d+)/.exec(created.headers.get('location')!)![1]!
      let version = await versionOf(officer, `/staff/decisions/${id}/submit`)
      assert.equal((await officer.post(`/staff/decisions/${id}/submit`, { version })).status, 302)
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
          302,
        )
      }
      version = await versionOf(officer, `/staff/decisions/${id}/publish`)
      const published = await officer.post(`/staff/decisions/${id}/publish`, { version })
      assert.equal(published.status, 302)
      const location = published.headers.get('location')!
      assert.match(location, /^\/decisions\/nottinghamshire-\d{4}-\d{3}$/)
      const page = await (await fetch(`${app.baseUrl}${location}`)).text()
      assert.match(page, /Refuge in Gedling/)
      assert.match(page, /No interest precludes this decision/)
    })

    test('a finance officer cannot reach the drafting pages', async () => {
      const response = await client.finance!.get('/staff/decisions/new')
      assert.equal(response.status, 403)
    })
  })
}
