import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Role } from '../../../src/domain/roles.ts'
import { AccountService } from '../../../src/services/accounts/accounts.ts'
import { AuditService, SYSTEM_ACTOR } from '../../../src/services/audit/audit.ts'
import { WorkflowService } from '../../../src/services/decisions/workflow.ts'
import { openTestDatabase, testEngines, type TestDatabase } from '../../support/database.ts'
import { startApp, type RunningApp } from '../../support/server.ts'
import { StaffClient } from '../../support/staff-client.ts'
import { addStaff, signedIn, STAFF_PASSWORD } from '../../support/staff.ts'

/** Every staff page, and who may see it. An empty list means any signed-in member of staff. */
export const STAFF_PAGES: Array<{ path: string; roles: Role[] }> = [
  { path: '/staff', roles: [] },
  { path: '/staff/users', roles: ['administrator'] },
  { path: '/staff/users/new', roles: ['administrator'] },
  { path: '/staff/settings', roles: ['administrator'] },
  { path: '/staff/audit', roles: ['administrator'] },
  { path: '/staff/decisions', roles: [] },
  { path: '/staff/decisions/new', roles: ['officer'] },
  { path: '/staff/decisions/{draft}', roles: [] },
  { path: '/staff/decisions/{draft}/details', roles: ['officer'] },
  { path: '/staff/decisions/{draft}/finance', roles: ['officer'] },
  { path: '/staff/decisions/{draft}/areas', roles: ['officer'] },
  { path: '/staff/decisions/{draft}/awards', roles: ['officer'] },
  { path: '/staff/decisions/{draft}/awards/new', roles: ['officer'] },
  { path: '/staff/decisions/{draft}/contributions', roles: ['officer'] },
  { path: '/staff/decisions/{draft}/contributions/new', roles: ['officer'] },
  { path: '/staff/decisions/{draft}/delete', roles: ['officer'] },
  { path: '/staff/decisions/{draft}/submit', roles: ['officer'] },
  { path: '/staff/decisions/{draft}/sign', roles: [] },
  { path: '/staff/decisions/{draft}/publish', roles: ['officer', 'administrator'] },
  { path: '/staff/imports', roles: ['officer'] },
  { path: '/staff/imports/upload', roles: ['officer'] },
  { path: '/staff/notifications/preferences', roles: [] },
  { path: '/staff/notifications/outbox', roles: ['administrator'] },
]

for (const engine of testEngines()) {
  describe(`staff access on ${engine}`, () => {
    let t: TestDatabase
    let app: RunningApp
    let draftId = 0
    const path = (p: string) => p.replace('{draft}', String(draftId))
    const roles: Role[] = ['officer', 'finance_officer', 'chief_executive', 'decision_maker', 'administrator']
    before(async () => {
      t = await openTestDatabase(engine, { demo: true })
      app = await startApp(t.database)
      const accounts = new AccountService(t.database)
      for (const role of roles)
        await accounts.create(
          { email: `${role}@test.example`, name: `Test ${role}`, roles: [role], password: STAFF_PASSWORD },
          SYSTEM_ACTOR,
        )
      const author = await addStaff(t.database, { email: 'author@test.example', name: 'Author', roles: ['officer'] })
      draftId = await new WorkflowService(t.database).createDraft(
        {
          kind: 'decision',
          title: 'Access test',
          authorName: 'Author',
          authorContact: null,
          executiveSummary: null,
          supportingInformation: null,
          recommendations: null,
          decisionText: null,
        },
        { userId: author.id, label: 'author' },
      )
    })
    after(async () => {
      await app.stop()
      await t.dispose()
    })

    test('without a session every staff page redirects to sign-in', async () => {
      const client = new StaffClient(app.baseUrl)
      for (const page of STAFF_PAGES) {
        const response = await client.get(path(page.path))
        assert.equal(response.status, 302, page.path)
        assert.match(response.headers.get('location') ?? '', /^\/staff\/sign-in\?returnTo=/, page.path)
      }
    })

    for (const role of roles) {
      test(`as ${role}, each staff page answers 200 or 403 as its roles say`, async () => {
        const client = new StaffClient(app.baseUrl)
        const signIn = await client.signIn(`${role}@test.example`, STAFF_PASSWORD)
        assert.equal(signIn.status, 302)
        for (const page of STAFF_PAGES) {
          const response = await client.get(path(page.path))
          const allowed = page.roles.length === 0 || page.roles.includes(role)
          assert.equal(response.status, allowed ? 200 : 403, `${role} ${page.path}`)
        }
      })
    }

    test('a wrong password and an unknown email get the same answer', async () => {
      const client = new StaffClient(app.baseUrl)
      const wrong = await client.signIn('officer@test.example', 'not the password')
      const unknown = await client.signIn('nobody@test.example', 'not the password')
      assert.equal(wrong.status, 401)
      assert.equal(unknown.status, 401)
      const message = (html: string) =>
        /govuk-error-message">\s*<span[^>]*>[^<]*<\/span>([^<]*)/.exec(html)?.[1]?.trim()
      assert.equal(message(await wrong.text()), 'Enter a correct email address and password')
      assert.equal(message(await unknown.text()), 'Enter a correct email address and password')
    })

    test('a form without its CSRF token is refused', async () => {
      const client = await signedIn(app.baseUrl, 'administrator@test.example')
      const response = await client.post(
        '/staff/settings',
        { name: 'Hijacked', decisionMakerTitle: 'x', referenceFormat: '{seq}' },
        { csrf: false },
      )
      assert.equal(response.status, 403)
      assert.match(await response.text(), /Your form has expired/)
      const settings = await client.get('/staff/settings')
      assert.doesNotMatch(await settings.text(), /Hijacked/)
    })

    test('sessions survive a restart of the application and end everywhere on request', async () => {
      const client = await signedIn(app.baseUrl, 'officer@test.example')
      await app.stop()
      app = await startApp(t.database)
      ;(client as unknown as { baseUrl: string }).baseUrl = app.baseUrl
      assert.equal((await client.get('/staff')).status, 200)
      const other = await signedIn(app.baseUrl, 'officer@test.example')
      await client.get('/staff')
      assert.equal((await client.post('/staff/sign-out-everywhere', {})).status, 302)
      assert.equal((await other.get('/staff')).status, 302)
    })

    test('an administrator changes the office settings, and a bad reference format is explained', async () => {
      const client = await signedIn(app.baseUrl, 'administrator@test.example')
      await client.get('/staff/settings')
      const bad = await client.post('/staff/settings', {
        name: 'Nottinghamshire OPCC',
        decisionMakerTitle: 'Mayor',
        referenceFormat: '{yyyy}',
      })
      assert.equal(bad.status, 400)
      assert.match(await bad.text(), /must contain \{seq\}/)
      const good = await client.post('/staff/settings', {
        name: 'East Midlands Mayor’s Office',
        decisionMakerTitle: 'Mayor',
        referenceFormat: 'MD{seq:3}/{yy}',
      })
      assert.equal(good.status, 302)
      const home = await (await fetch(`${app.baseUrl}/`)).text()
      assert.match(home, /East Midlands Mayor’s Office/)
      const entries = (await new AuditService(t.database).recent()).filter((e) => e.entityType === 'office_settings')
      assert.equal(entries.length, 1)
      assert.equal((entries[0]!.after as { decisionMakerTitle: string }).decisionMakerTitle, 'Mayor')
      assert.match(entries[0]!.actorLabel, /administrator@test\.example/)
    })

    test('the audit log writes when each change was made the GOV.UK way, London time', async () => {
      const client = await signedIn(app.baseUrl, 'administrator@test.example')
      const html = await (await client.get('/staff/audit')).text()
      const times = [...html.matchAll(/<time datetime="([^"]+)">([^<]+)<\/time>/g)]
      assert.ok(times.length > 0, 'entries are listed')
      for (const [, iso, shown] of times) {
        assert.match(
          shown!,
          /^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4} at \d{1,2}:\d{2}(am|pm)$/,
        )
        const london = new Intl.DateTimeFormat('en-GB', {
          timeZone: 'Europe/London',
          day: 'numeric',
          month: 'long',
          year: 'numeric',
        })
        assert.ok(shown!.startsWith(london.format(new Date(iso!))), `${shown} is ${iso}`)
      }
      assert.doesNotMatch(html.replace(/datetime="[^"]+"/g, ''), /\d{4}-\d{2}-\d{2}T\d{2}:/)
    })
  })
}
