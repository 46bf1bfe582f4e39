import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { MEASURES } from '../../../../../../src/domain/outcomes.ts'
import { sql } from 'kysely'
import { AccountService } from '../../../../../../src/services/accounts/accounts.ts'
import { SYSTEM_ACTOR } from '../../../../../../src/services/audit/audit.ts'
import { StaffClient } from '../../../../../support/staff-client.ts'
import { addStaff, signedIn, webAppSetUp } from '../../../../../support/staff.ts'
import { testEngines } from '../../../../../support/database.ts'
import { rowOf, rowsOf } from '../../../../../support/rows.ts'
import { addOrganisation, officeIdOf } from '../../../../../support/records.ts'

const SERVICE = '/staff/ledger/services/domestic-abuse-partnership-car-pilot'

for (const engine of testEngines()) {
  describe(`staff ledger pages on ${engine}`, () => {
    const web = webAppSetUp(engine)
    let client: StaffClient
    before(async () => {
      const accounts = new AccountService(web.database)
      const officer = await addStaff(web.database, {
        email: 'officer@test.example',
        name: 'Test officer',
        roles: ['officer'],
      })
      // Staff keep the records of their own offices' services: this officer works for Hampshire as well.
      const hampshire = await officeIdOf(web.database, 'Hampshire')
      await accounts.setRoles(officer.id, ['officer'], SYSTEM_ACTOR, hampshire)
      await addStaff(web.database, { email: 'decider@test.example', name: 'Test decider', roles: ['decision_maker'] })
      client = await signedIn(web.baseUrl, 'officer@test.example')
    })

    async function upload(csv: string): Promise<Response> {
      await client.get(SERVICE)
      const form = new FormData()
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'returns.csv')
      return client.postMultipart(`${SERVICE}/outcomes/upload`, form)
    }
    const storedReturns = async () =>
      Number(
        (
          await web.database.db
            .selectFrom('outcome_returns')
            .select(sql<number>`count(*)`.as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )

    test('staff without a ledger role are refused, and no session goes to sign-in', async () => {
      const decider = await signedIn(web.baseUrl, 'decider@test.example')
      assert.equal((await decider.get('/staff/ledger')).status, 403)
      assert.equal((await new StaffClient(web.baseUrl).get('/staff/ledger/receipts')).status, 302)
      for (const path of [
        '/staff/ledger',
        '/staff/ledger/organisations/review',
        '/staff/ledger/organisations/merge',
        '/staff/ledger/receipts',
        '/staff/ledger/services',
        SERVICE,
      ]) {
        assert.equal((await client.get(path)).status, 200, path)
      }
    })

    test('a CSV with a bad number on line 40 is refused, naming the line, and nothing is stored', async () => {
      const lines = ['quarter,measure,value']
      const measures = Object.keys(MEASURES)
      for (let i = 0; i < 38; i++)
        lines.push(
          `${2019 + Math.floor(i / 28)}/${20 + Math.floor(i / 28)} Q${(i % 4) + 1},${measures[Math.floor(i / 4) % 7]},${i}`,
        )
      lines.push('2021/22 Q1,referrals,12.5')
      const response = await upload(lines.join('\n'))
      assert.equal(response.status, 400)
      const html = await response.text()
      assert.match(html, /Line 40: value “12\.5” is not a whole number/)
      assert.match(html, /href="#file"/)
      assert.equal(await storedReturns(), 0)
      const wrongColumn = await upload('quarter,measure,value,date_of_birth\n2021/22 Q1,referrals,3,1985-03-12\n')
      assert.match(await wrongColumn.text(), /unknown column “date_of_birth”/)
      assert.equal(await storedReturns(), 0)
    })

    test('a good CSV and a quarter typed in are stored and shown', async () => {
      const response = await upload(
        'quarter,measure,value\n2021/22 Q1,criminal_justice_outcomes,7\n2021/22 Q1,repeat_call_outs,3\n',
      )
      assert.equal(response.status, 302)
      assert.equal(await storedReturns(), 2)
      await client.get(SERVICE)
      const typed = await client.post(`${SERVICE}/outcomes`, { quarter: '2021/22 Q2', repeat_call_outs: '2' })
      assert.equal(typed.status, 302)
      const refused = await client.post(`${SERVICE}/outcomes`, {
        quarter: '2021/22 Q3',
        survivors_supported: 'Jane Smith',
      })
      assert.equal(refused.status, 400)
      assert.match(await refused.text(), /Survivors supported looks like a name: returns hold counts only/)
      const publicPage = await (await fetch(`${web.baseUrl}/services/domestic-abuse-partnership-car-pilot`)).text()
      assert.match(publicPage, /Repeat call-outs/)
      assert.match(publicPage, /2021\/22 Q2/)
    })

    test('funding received: a negative amount is refused naming the field; a good one is saved and audit-logged', async () => {
      await client.get('/staff/ledger/receipts')
      const stream = await rowOf(web.database, 'funding_streams', ['id'], { name: 'Community Safety Grant' })
      const bad = await client.post('/staff/ledger/receipts', {
        streamId: String(stream.id),
        year: '2021/22',
        amount: '-100',
      })
      assert.equal(bad.status, 400)
      assert.match(await bad.text(), /Amount received must not be negative/)
      const good = await client.post('/staff/ledger/receipts', {
        streamId: String(stream.id),
        year: '2021/22',
        amount: '50,000',
      })
      assert.equal(good.status, 302)
      const html = await (await fetch(`${web.baseUrl}/funding-streams`)).text()
      assert.match(html, /£50,000(?!\.)/)
      assert.match(html, /£2,987(?!\.)/)
      const log = await rowsOf(web.database, 'audit_log', ['action'], { action: 'funding_receipt.create' })
      assert.equal(log.length, 1)
    })

    test('a contribution above its ceiling is refused with the ceiling named', async () => {
      const path = '/staff/ledger/services/hampshire-domestic-abuse-support-service-for-victims'
      const page = await (await client.get(path)).text()
      const hcc = /<option value="(\d+)">Hampshire County Council \(up to £1,483,900\.00 a year\)/.exec(page)![1]!
      const response = await client.post(`${path}/contributions`, {
        organisationId: hcc,
        year: '2020/21',
        amount: '1,500,000',
      })
      assert.equal(response.status, 400)
      assert.match(
        await response.text(),
        /must not be more than Hampshire County Council’s ceiling of up to £1,483,900\.00 a year/,
      )
    })

    test('merging an organisation from the review queue moves its awards, is audit-logged, and redirects its page', async () => {
      const db = web.database.db
      const nwa = await rowOf(web.database, 'organisations', ['id'], { name: "Nottinghamshire Women's Aid" })
      const strayId = await addOrganisation(web.database, {
        kind: 'provider',
        name: 'Notts Womens Aid',
        slug: 'notts-womens-aid',
        needs_review: true,
      })
      const award = await db
        .selectFrom('awards')
        .select('id')
        .where('recipient_id', '=', nwa.id)
        .limit(1)
        .executeTakeFirstOrThrow()
      await db.updateTable('awards').set({ recipient_id: strayId }).where('id', '=', award.id).execute()
      const queue = await (await client.get('/staff/ledger/organisations/review')).text()
      assert.match(queue, /Merge into Nottinghamshire Women&#39;s Aid/)
      const merged = await client.post('/staff/ledger/organisations/merge', {
        sourceId: String(strayId),
        targetId: String(nwa.id),
      })
      assert.equal(merged.status, 200)
      assert.match(await merged.text(), /Are you sure/)
      const confirmed = await client.post('/staff/ledger/organisations/merge', {
        sourceId: String(strayId),
        targetId: String(nwa.id),
        confirm: 'yes',
      })
      assert.equal(confirmed.status, 303)
      const done = await client.get(confirmed.headers.get('location')!)
      assert.match(await done.text(), /Moved: 1 awards received/)
      assert.equal(
        (await db.selectFrom('awards').select('recipient_id').where('id', '=', award.id).executeTakeFirstOrThrow())
          .recipient_id,
        nwa.id,
      )
      const log = await rowsOf(web.database, 'audit_log', ['action', 'actor_label'], { action: 'organisation.merge' })
      assert.equal(log.length, 1)
      assert.match(log[0]!.actor_label, /Test officer/)
      const old = await fetch(`${web.baseUrl}/providers/notts-womens-aid`, { redirect: 'manual' })
      assert.equal(old.status, 301)
      assert.equal(old.headers.get('location'), '/providers/nottinghamshire-women-s-aid')
      const self = await client.post('/staff/ledger/organisations/merge', {
        sourceId: String(nwa.id),
        targetId: String(nwa.id),
      })
      assert.equal(self.status, 400)
      assert.match(await self.text(), /cannot be merged into itself/)
    })

    test('a queued name can be confirmed as a new organisation; a bad identifier is refused naming the field', async () => {
      const queuedId = await addOrganisation(web.database, {
        kind: 'other',
        name: 'Safe Steps Trust',
        slug: 'safe-steps-trust',
        needs_review: true,
      })
      await client.get('/staff/ledger/organisations/review')
      const html = await client.postRefused(`/staff/ledger/organisations/${queuedId}/confirm`, {
        kind: 'provider',
        charityNumber: 'abc',
      })
      assert.match(html, /Charity number must be 6 to 8 digits/)
      assert.match(html, new RegExp(`href="#charityNumber-${queuedId}"`))
      const good = await client.post(`/staff/ledger/organisations/${queuedId}/confirm`, {
        kind: 'provider',
        charityNumber: '1234567',
      })
      assert.equal(good.status, 302)
      const row = await rowOf(web.database, 'organisations', ['needs_review', 'kind', 'charity_number'], {
        id: queuedId,
      })
      assert.deepEqual(row, { needs_review: false, kind: 'provider', charity_number: '1234567' })
    })
  })
}
