import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { dictionary } from '@zxcvbn-ts/language-common'
import { AccountError, AccountService, MAX_FAILED_SIGN_INS } from '../../../../src/services/accounts/accounts.ts'
import { scheduleExpiredSessionRemoval } from '../../../../src/services/accounts/session-cleanup.ts'
import { SYSTEM_ACTOR } from '../../../../src/services/audit/audit.ts'
import { testEngines } from '../../../support/database.ts'
import { servicesSetUp } from '../../../support/services.ts'

const PASSWORD = 'a long enough password'
const DAY_MS = 86_400_000

for (const engine of testEngines()) {
  describe(`staff accounts on ${engine}`, () => {
    const { t, app } = servicesSetUp(engine)

    const person = async (name: string, roles: Parameters<AccountService['create']>[0]['roles'] = ['officer']) =>
      (await app.accounts.create({ email: `${name}@accounts.example`, name, roles, password: PASSWORD }, SYSTEM_ACTOR))
        .user

    test('forty parallel wrong passwords get no more than five checked, and then even the right one waits', async () => {
      const user = await person('burst')
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => app.accounts.signIn(user.email, `wrong password ${i}`)),
      )
      const checkedAndWrong = results.filter((r) => !r.ok && r.reason === 'invalid').length
      assert.ok(checkedAndWrong < MAX_FAILED_SIGN_INS, `${checkedAndWrong} wrong guesses answered as wrong`)
      assert.ok(results.every((r) => !r.ok))
      const right = await app.accounts.signIn(user.email, PASSWORD)
      assert.equal(right.ok, false)
      assert.equal(!right.ok && right.reason, 'locked')
      const afterWindow = await app.accounts.signIn(user.email, PASSWORD, new Date(Date.now() + 16 * 60_000))
      assert.equal(afterWindow.ok, true)
    })

    test('forty parallel guesses at an unknown address are throttled the same way', async () => {
      const results = await Promise.all(
        Array.from({ length: 40 }, () => app.accounts.signIn('nobody@accounts.example', 'anything at all')),
      )
      const answeredInvalid = results.filter((r) => !r.ok && r.reason === 'invalid').length
      assert.ok(answeredInvalid < MAX_FAILED_SIGN_INS, `${answeredInvalid}`)
    })

    test('passwords under 12 characters after trimming, of one repeated character, or common are refused', async () => {
      const common = dictionary['passwords-common'].find((p) => p.length >= 12 && p.trim() === p)!
      for (const password of [' '.repeat(12), `  short one  `, 'a'.repeat(16), common, common.toUpperCase()]) {
        await assert.rejects(
          app.accounts.create(
            { email: `p${password.length}${Math.random()}@accounts.example`, name: 'P', roles: ['officer'], password },
            SYSTEM_ACTOR,
          ),
          AccountError,
          JSON.stringify(password),
        )
      }
      const user = await person('policy')
      await assert.rejects(app.accounts.resetPassword(user.id, 'b'.repeat(20), SYSTEM_ACTOR), /one character repeated/)
      await app.accounts.resetPassword(user.id, 'a quite different passphrase', SYSTEM_ACTOR)
      assert.equal((await app.accounts.signIn(user.email, 'a quite different passphrase')).ok, true)
    })

    test('a token expires after the days chosen, 90 by default, and ends when its person signs out everywhere', async () => {
      const user = await person('tokens')
      const now = new Date()
      const made = await app.apiTokens.create(user.id, { name: 'script', scope: 'read' }, SYSTEM_ACTOR, now)
      assert.equal(Math.round((made.expiresAt.getTime() - now.getTime()) / DAY_MS), 90)
      const week = await app.apiTokens.create(
        user.id,
        { name: 'short', scope: 'read', expiresInDays: '7' },
        SYSTEM_ACTOR,
        now,
      )
      assert.ok(await app.apiTokens.authenticate(made.token, now))
      assert.equal(await app.apiTokens.authenticate(week.token, new Date(now.getTime() + 8 * DAY_MS)), null)
      assert.equal(await app.apiTokens.authenticate(made.token, new Date(now.getTime() + 91 * DAY_MS)), null)
      await assert.rejects(
        app.apiTokens.create(user.id, { name: 'forever', scope: 'read', expiresInDays: '100000' }, SYSTEM_ACTOR),
        /Choose when the token expires/,
      )
      await app.accounts.signOutEverywhere(user.id, SYSTEM_ACTOR)
      assert.equal(await app.apiTokens.authenticate(made.token, now), null)
    })

    test('deactivating ends sessions and tokens; an administrator cannot deactivate or demote themselves', async () => {
      const admin = await person('admin', ['administrator'])
      const user = await person('leaver')
      const { token } = await app.apiTokens.create(user.id, { name: 'script', scope: 'write' }, SYSTEM_ACTOR)
      await t.database.db
        .insertInto('sessions')
        .values({
          sid: 'leaver-session',
          user_id: user.id,
          data: JSON.stringify({ userId: user.id }),
          expires_at: new Date(Date.now() + DAY_MS),
        })
        .execute()
      const actor = { userId: admin.id, label: 'admin' }
      await app.accounts.setActive(user.id, false, actor)
      assert.equal(await app.apiTokens.authenticate(token), null)
      assert.equal(
        (await t.database.db.selectFrom('sessions').select('sid').where('user_id', '=', user.id).execute()).length,
        0,
      )
      assert.equal((await app.accounts.signIn(user.email, PASSWORD)).ok, false)
      await app.accounts.setActive(user.id, true, actor)
      assert.equal((await app.accounts.signIn(user.email, PASSWORD)).ok, true)
      await assert.rejects(app.accounts.setActive(admin.id, false, actor), /your own account/)
      await assert.rejects(app.accounts.setRoles(admin.id, ['officer'], actor), /your own account/)
      await app.accounts.setRoles(user.id, ['officer', 'finance_officer'], actor)
      assert.deepEqual((await app.accounts.findById(user.id))!.roles, ['officer', 'finance_officer'])
    })

    test('expired sessions are removed, live ones kept', async () => {
      const user = await person('sessions')
      const at = (ms: number) => new Date(Date.now() + ms)
      await t.database.db
        .insertInto('sessions')
        .values([
          { sid: 'expired-1', user_id: null, data: '{}', expires_at: at(-DAY_MS) },
          { sid: 'expired-2', user_id: user.id, data: '{}', expires_at: at(-1000) },
          { sid: 'live', user_id: user.id, data: '{}', expires_at: at(DAY_MS) },
        ])
        .execute()
      assert.ok((await app.accounts.removeExpiredSessions()) >= 2)
      const left = (await t.database.db.selectFrom('sessions').select('sid').execute()).map((r) => r.sid)
      assert.ok(left.includes('live'))
      assert.ok(!left.some((sid) => sid.startsWith('expired')))
    })

    test('the schedule removes expired sessions as soon as it starts, and again each interval', async () => {
      const expired = (sid: string) =>
        t.database.db
          .insertInto('sessions')
          .values({ sid, user_id: null, data: '{}', expires_at: new Date(Date.now() - 1000) })
          .execute()
      const remaining = async (sid: string) =>
        (await t.database.db.selectFrom('sessions').select('sid').where('sid', '=', sid).execute()).length
      const until = async (check: () => Promise<boolean>) => {
        for (let i = 0; i < 100 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 20))
      }
      await expired('at-start')
      const stop = scheduleExpiredSessionRemoval(t.database, { intervalMs: 200 })
      try {
        await until(async () => (await remaining('at-start')) === 0)
        assert.equal(await remaining('at-start'), 0)
        await expired('later')
        await until(async () => (await remaining('later')) === 0)
        assert.equal(await remaining('later'), 0)
      } finally {
        stop()
      }
    })
  })
}
