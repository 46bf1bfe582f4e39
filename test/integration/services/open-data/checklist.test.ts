import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { openTestDatabase, testEngines, type TestDatabase } from '../../../support/database.ts'
import { startApp, type RunningApp } from '../../../support/server.ts'
import { StaffClient } from '../../../support/staff-client.ts'
import { AccountService } from '../../../../src/services/accounts/accounts.ts'
import { SYSTEM_ACTOR } from '../../../../src/services/audit/audit.ts'
import { PublicationChecklist } from '../../../../src/services/open-data/publication-checklist.ts'
import { addClassifiedRecords } from './fixtures.ts'

const PASSWORD = 'a long test password 123'

/** Signs in, once more if the first session is not yet recognised (the session store can lag a request on PostgreSQL). */
async function signedIn(
  baseUrl: string,
  email: string,
  path: string,
): Promise<{ client: StaffClient; response: Response }> {
  const client = new StaffClient(baseUrl)
  await client.signIn(email, PASSWORD)
  let response = await client.get(path)
  if (response.status === 302 && response.headers.get('location')?.startsWith('/staff/sign-in')) {
    await client.signIn(email, PASSWORD)
    response = await client.get(path)
  }
  return { client, response }
}

for (const engine of testEngines()) {
  describe(`the publication checklist on ${engine}`, () => {
    let t: TestDatabase
    let app: RunningApp
    before(async () => {
      t = await openTestDatabase(engine, { demo: true })
      await addClassifiedRecords(t.database)
      const accounts = new AccountService(t.database)
      for (const role of ['officer', 'administrator', 'finance_officer'] as const) {
        await accounts.create(
          { email: `${role}@checklist.example`, name: `A ${role}`, roles: [role], password: PASSWORD },
          SYSTEM_ACTOR,
        )
      }
      app = await startApp(t.database)
    })
    after(async () => {
      await app.stop()
      await t.dispose()
    })

    test('decisions, grants and contracts: published, missing, and days from decision to publication', async () => {
      const checklist = new PublicationChecklist(t.database.db)
      const [decisions, grants, contracts] = await checklist.report({ year: 2025 })
      const byRef = new Map(decisions!.items.map((i) => [i.reference, i]))
      assert.equal(byRef.get('T2025.001')?.state, 'published')
      assert.equal(byRef.get('T2025.001')?.days, 8)
      assert.equal(byRef.get('T2025.005')?.state, 'awaiting_review')
      assert.equal(byRef.has('T2025.004'), false, 'a draft is not yet a decision')
      assert.equal(grants!.items.find((i) => i.reference === 'T2025.003')?.state, 'withheld')
      assert.ok(
        grants!.items.some((i) => i.reference === 'T2025.001' && i.state === 'withheld'),
        'the withheld award',
      )
      assert.ok(grants!.items.every((i) => i.missing.includes('conditions')))
      assert.equal(contracts!.items.length, 0)

      const [, , older] = await checklist.report({ year: 2023 })
      const juno = older!.items.find((i) => i.reference === '2024.006' && i.recipient === "Juno Women's Aid")
      assert.ok(juno && juno.amountPence! > 1_000_000)
      assert.equal(juno.days, 11)
      assert.ok((await checklist.years()).includes(2020))
    })

    test('an approved decision that is not yet published is listed as missing', async () => {
      await t.database.db
        .updateTable('decisions')
        .set({ status: 'approved', date_published: null })
        .where('reference', '=', 'T2025.002')
        .execute()
      const [decisions] = await new PublicationChecklist(t.database.db).report({ year: 2025 })
      const item = decisions!.items.find((i) => i.reference === 'T2025.002')
      assert.equal(item?.state, 'not_published')
      assert.ok(item!.days! > 0)
      assert.ok(decisions!.notPublished >= 2)
    })

    test('officers and administrators see the page; other roles do not', async () => {
      for (const role of ['officer', 'administrator']) {
        const { response } = await signedIn(
          app.baseUrl,
          `${role}@checklist.example`,
          '/staff/publication-checklist?year=2020',
        )
        assert.equal(response.status, 200, role)
        const html = await response.text()
        assert.match(html, /Contracts over £10,000/)
        assert.match(html, /2021\.021/)
      }
      assert.equal(
        (await signedIn(app.baseUrl, 'finance_officer@checklist.example', '/staff/publication-checklist')).response
          .status,
        403,
      )
      assert.equal((await fetch(`${app.baseUrl}/staff/publication-checklist`, { redirect: 'manual' })).status, 302)
    })
  })
}
