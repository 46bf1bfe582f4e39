import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { testEngines } from '../../../support/database.ts'
import { webAppSetUp } from '../../../support/staff.ts'
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
    const web = webAppSetUp(engine)
    before(async () => {
      await addClassifiedRecords(web.database)
      const accounts = new AccountService(web.database)
      for (const role of ['officer', 'administrator', 'finance_officer'] as const) {
        await accounts.create(
          { email: `${role}@checklist.example`, name: `A ${role}`, roles: [role], password: PASSWORD },
          SYSTEM_ACTOR,
        )
      }
    })

    test('decisions, grants and contracts: published, missing, and days from decision to publication', async () => {
      const checklist = new PublicationChecklist(web.database.db)
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
      await web.database.db
        .updateTable('decisions')
        .set({ status: 'approved', date_published: null })
        .where('reference', '=', 'T2025.002')
        .execute()
      const [decisions] = await new PublicationChecklist(web.database.db).report({ year: 2025 })
      const item = decisions!.items.find((i) => i.reference === 'T2025.002')
      assert.equal(item?.state, 'not_published')
      assert.ok(item!.days! > 0)
      assert.ok(decisions!.notPublished >= 2)
    })

    test('officers and administrators see the page; other roles do not', async () => {
      for (const role of ['officer', 'administrator']) {
        const { response } = await signedIn(
          web.baseUrl,
          `${role}@checklist.example`,
          '/staff/publication-checklist?year=2020',
        )
        assert.equal(response.status, 200, role)
        const html = await response.text()
        assert.match(html, /Contracts over £10,000/)
        assert.match(html, /2021\.021/)
      }
      assert.equal(
        (await signedIn(web.baseUrl, 'finance_officer@checklist.example', '/staff/publication-checklist')).response
          .status,
        403,
      )
      assert.equal((await fetch(`${web.baseUrl}/staff/publication-checklist`, { redirect: 'manual' })).status, 302)
    })
  })
}
