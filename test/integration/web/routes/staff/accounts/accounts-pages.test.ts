import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { AccountService } from '../../../../../../src/services/accounts/accounts.ts'
import { SYSTEM_ACTOR } from '../../../../../../src/services/audit/audit.ts'
import { testEngines } from '../../../../../support/database.ts'
import { webAppSetUp } from '../../../../../support/staff.ts'
import { StaffClient } from '../../../../../support/staff-client.ts'
import { countOf } from '../../../../../support/rows.ts'

const PASSWORD = 'a long enough password'

for (const engine of testEngines()) {
  describe(`sessions and account pages on ${engine}`, () => {
    const web = webAppSetUp(engine)
    let accounts: AccountService

    before(async () => {
      accounts = new AccountService(web.database)
      for (const [name, roles] of [
        ['admin', ['administrator']],
        ['olive', ['officer']],
        ['fred', ['finance_officer']],
      ] as const) {
        await accounts.create(
          { email: `${name}@pages.example`, name: `Person ${name}`, roles: [...roles], password: PASSWORD },
          SYSTEM_ACTOR,
        )
      }
    })

    const sessionCount = () => countOf(web.database, 'sessions')
    const signedIn = async (name: string) => {
      const client = new StaffClient(web.baseUrl)
      const response = await client.signIn(`${name}@pages.example`, PASSWORD)
      assert.equal(response.status, 302, `${name} signs in`)
      return client
    }

    test('showing the sign-in form, or being sent to it, stores no session; signing in stores one', async () => {
      const before = await sessionCount()
      for (let i = 0; i < 5; i++) {
        assert.equal((await fetch(`${web.baseUrl}/staff/sign-in`)).status, 200)
        assert.equal((await fetch(`${web.baseUrl}/staff/decisions`, { redirect: 'manual' })).status, 302)
      }
      assert.equal(await sessionCount(), before)
      await signedIn('olive')
      assert.equal(await sessionCount(), before + 1)
    })

    test('a sign-in form posted without the token from its cookie is refused', async () => {
      const page = await fetch(`${web.baseUrl}/staff/sign-in`)
      const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? ''
      assert.ok(token)
      const body = new URLSearchParams({ _csrf: token, email: 'olive@pages.example', password: PASSWORD })
      const withoutCookie = await fetch(`${web.baseUrl}/staff/sign-in`, { method: 'POST', body, redirect: 'manual' })
      assert.equal(withoutCookie.status, 403)
    })

    test('a deactivated person’s session is sent to sign in, not shown an error', async () => {
      const client = await signedIn('fred')
      assert.equal((await client.get('/staff')).status, 200)
      const fred = (await accounts.findByEmail('fred@pages.example'))!
      await web.database.db.updateTable('users').set({ active: false }).where('id', '=', fred.id).execute()
      const response = await client.get('/staff/decisions')
      assert.equal(response.status, 302)
      assert.match(response.headers.get('location') ?? '', /^\/staff\/sign-in/)
      const post = await client.post('/staff/tokens', { name: 'x', scope: 'read' })
      assert.ok(post.status === 302 || post.status === 303, String(post.status))
      await web.database.db.updateTable('users').set({ active: true }).where('id', '=', fred.id).execute()
    })

    test('a session ends twelve hours after sign-in however active it is', async () => {
      const client = await signedIn('olive')
      assert.equal((await client.get('/staff')).status, 200)
      const olive = (await accounts.findByEmail('olive@pages.example'))!
      const thirteenHoursAgo = Date.now() - 13 * 3_600_000
      await sql`update sessions set data = jsonb_set(data, '{signedInAt}', to_jsonb(${thirteenHoursAgo}::bigint)) where user_id = ${olive.id}`.execute(
        web.database.db,
      )
      const response = await client.get('/staff')
      assert.equal(response.status, 302)
      assert.match(response.headers.get('location') ?? '', /^\/staff\/sign-in/)
    })

    test('an administrator changes roles, deactivates and reactivates, and resets a password', async () => {
      const admin = await signedIn('admin')
      const fred = (await accounts.findByEmail('fred@pages.example'))!
      const page = await admin.get(`/staff/users/${fred.id}`)
      assert.equal(page.status, 200)
      const html = await page.text()
      assert.match(html, /govuk-summary-list/)
      assert.match(html, new RegExp(`href="/staff/users/${fred.id}/roles"[^>]*>\\s*Change`))

      await admin.get(`/staff/users/${fred.id}/roles`)
      const none = await admin.post(`/staff/users/${fred.id}/roles`, {})
      assert.equal(none.status, 400)
      assert.match(await none.text(), /govuk-error-summary[\s\S]*Choose at least one role/)
      assert.equal(
        (await admin.post(`/staff/users/${fred.id}/roles`, { roles: ['finance_officer', 'chief_executive'] })).status,
        303,
      )
      assert.deepEqual((await accounts.findById(fred.id))!.roles, ['finance_officer', 'chief_executive'])

      const fredClient = await signedIn('fred')
      await admin.get(`/staff/users/${fred.id}/status`)
      assert.equal((await admin.post(`/staff/users/${fred.id}/status`, { active: 'false' })).status, 303)
      assert.equal((await fredClient.get('/staff')).status, 302)
      assert.equal((await new StaffClient(web.baseUrl).signIn('fred@pages.example', PASSWORD)).status, 401)
      await admin.get(`/staff/users/${fred.id}/status`)
      assert.equal((await admin.post(`/staff/users/${fred.id}/status`, { active: 'true' })).status, 303)

      await admin.get(`/staff/users/${fred.id}/password`)
      const reset = await admin.post(`/staff/users/${fred.id}/password`, {})
      assert.equal(reset.status, 200)
      const password = /id="new-password">([^<]+)</.exec(await reset.text())?.[1]
      assert.ok(password)
      // A one-time password: until Fred chooses his own, every staff page sends him to choose it.
      assert.equal((await accounts.findById(fred.id))!.must_change_password, true)
      const fredAgain = new StaffClient(web.baseUrl)
      assert.equal((await fredAgain.signIn('fred@pages.example', password)).status, 302)
      const held = await fredAgain.get('/staff/decisions')
      assert.equal(held.status, 302)
      assert.equal(held.headers.get('location'), '/staff/account/password')
      await fredAgain.get('/staff/account/password')
      const own = await fredAgain.post('/staff/account/password', {
        current: password,
        password: 'fred chooses his own words',
        confirm: 'fred chooses his own words',
      })
      assert.equal(own.status, 303)
      assert.equal((await fredAgain.get('/staff/decisions')).status, 200)
      assert.equal((await accounts.findById(fred.id))!.must_change_password, false)
      const history = await web.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_type', '=', 'user')
        .where('entity_id', '=', String(fred.id) as never)
        .execute()
      const actions = history.map((h) => h.action)
      for (const action of ['update roles', 'deactivate', 'reactivate', 'reset password', 'change own password'])
        assert.ok(actions.includes(action), action)
    })

    test('a token is made with the expiry chosen, and signing out everywhere revokes it', async () => {
      const client = await signedIn('olive')
      await client.get('/staff/tokens')
      const made = await client.post('/staff/tokens', { name: 'weekly script', scope: 'read', expiresInDays: '7' })
      assert.equal(made.status, 200)
      const token = /id="new-token">([^<]+)</.exec(await made.text())?.[1]
      assert.ok(token)
      const api = () =>
        fetch(`${web.baseUrl}/api/v1/staff/decisions`, { headers: { authorization: `Bearer ${token}` } })
      const stored = await web.database.db
        .selectFrom('api_tokens')
        .select(['expires_at', 'created_at'])
        .where('name', '=', 'weekly script')
        .executeTakeFirstOrThrow()
      assert.equal(Math.round((stored.expires_at.getTime() - stored.created_at.getTime()) / 86_400_000), 7)
      const beforeSignOut = (await api()).status
      await client.get('/staff')
      assert.equal((await client.post('/staff/sign-out-everywhere', {})).status, 302)
      const afterSignOut = (await api()).status
      assert.equal(afterSignOut, 401, `before sign-out the API answered ${beforeSignOut}`)
    })
  })
}
