import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { ApiTokenService } from '../../../../src/services/accounts/api-tokens.ts'
import { SYSTEM_ACTOR } from '../../../../src/services/audit/audit.ts'
import { testEngines } from '../../../support/database.ts'
import { startApp, type RunningApp } from '../../../support/server.ts'
import { addStaff, signedIn } from '../../../support/staff.ts'
import { apiClient, type Page } from '../../../support/api-client.ts'
import { CLI, S1_PARTS, SLUG, spendingSetUp } from '../../../support/spending.ts'

type ApiPayment = {
  id: number
  transactionNumber: string
  amount: number
  awards: Array<{ id: number; amount: number }>
}

for (const engine of testEngines()) {
  describe(`split payments and the spending API over HTTP on ${engine}`, () => {
    const { t, app, officeId, paymentId } = spendingSetUp(engine)
    /** The fields of the split form: its action and each part's award and amount. */
    const splitForm = (action: string, parts: Array<[award: string, amount: string]>) => ({
      count: String(parts.length),
      ...Object.fromEntries(
        parts.flatMap(([award, amount], i) => [
          [`award${i + 1}`, award],
          [`amount${i + 1}`, amount],
        ]),
      ),
      action,
    })
    let running: RunningApp
    before(async () => {
      // S1 split as the split payment tests leave it.
      await app.spending.split(await paymentId('S1'), S1_PARTS, CLI)
      running = await startApp(t.database)
    })
    after(async () => {
      await running.stop()
    })
    const { get, walk } = apiClient(() => running.baseUrl)

    test('the split form: parts that do not add up are refused naming the field, and another part can be added', async () => {
      await addStaff(t.database, {
        email: `split-${engine}@test.example`,
        name: 'Sam Split',
        roles: ['officer'],
        officeId: officeId(),
      })
      const client = await signedIn(running.baseUrl, `split-${engine}@test.example`)
      const s2 = await paymentId('S2')
      const payment = await (await client.get(`/staff/spending/review/${s2}`)).text()
      assert.match(payment, new RegExp(`href="/staff/spending/review/${s2}/split"`))
      const form = await client.get(`/staff/spending/review/${s2}/split`)
      assert.equal(form.status, 200)
      const html = await form.text()
      assert.match(html, /id="award2"/)
      assert.doesNotMatch(html, /id="award3"/)
      const added = await client.post(
        `/staff/spending/review/${s2}/split`,
        splitForm('add', [
          ['6', '400'],
          ['', ''],
        ]),
      )
      const addedHtml = await added.text()
      assert.match(addedHtml, /id="award3"/)
      assert.match(addedHtml, /add up to <strong>£400\.00<\/strong> of <strong>£900\.00<\/strong>/)
      /** Saves the split from a freshly opened form (its CSRF token). */
      const saveSplit = async (parts: Array<[string, string]>) => {
        await client.get(`/staff/spending/review/${s2}/split`)
        return client.post(`/staff/spending/review/${s2}/split`, splitForm('save', parts))
      }
      const refused = await saveSplit([
        ['6', '400'],
        ['9', '400'],
        ['', ''],
      ])
      assert.equal(refused.status, 400)
      const refusedHtml = await refused.text()
      assert.match(refusedHtml, /href="#parts">The parts add up to £800\.00, but the payment is £900\.00/)
      const saved = await saveSplit([
        ['6', '400'],
        ['9', '300'],
        ['18', '200'],
      ])
      assert.equal(saved.status, 303)
      assert.equal((await app.spending.parts(s2)).length, 3)
    })

    test('the spending API lists the months and the payments a page at a time, naming only public awards', async () => {
      await t.database.db.updateTable('awards').set({ withheld: true }).where('id', '=', 9).execute()
      const withheld = await t.database.db
        .selectFrom('awards')
        .select(['recipient_name'])
        .where('id', '=', 9)
        .executeTakeFirstOrThrow()
      const months = (await (await get(`/api/v1/spending/${SLUG}`)).json()) as {
        office: { id: number }
        months: Array<{ month: string; label: string; payments: number; total: number }>
      }
      assert.equal(months.office.id, officeId())
      assert.deepEqual(months.months[0], { month: '2023-12', label: 'December 2023', payments: 1, total: 640 })
      assert.deepEqual(
        months.months.map((m) => m.month),
        ['2023-12', '2023-11', '2021-05'],
      )
      const byId = (await (await get(`/api/v1/spending/${officeId()}`)).json()) as typeof months
      assert.deepEqual(byId, months)

      const seen = await walk<ApiPayment>(`/api/v1/spending/${SLUG}/payments?limit=1`, 1)
      assert.deepEqual(
        seen.map((p) => p.transactionNumber),
        ['S1', 'S2', 'S3', 'S4'],
      )
      const s1 = seen.find((p) => p.transactionNumber === 'S1')!
      assert.deepEqual(
        s1.awards.map((a) => [a.id, a.amount]),
        [[6, 1000]],
      )
      assert.ok(seen.every((p) => p.awards.every((a) => a.id !== 9)))
      const body = JSON.stringify(seen)
      if (withheld.recipient_name !== "Juno Women's Aid") assert.ok(!body.includes(withheld.recipient_name))
      assert.equal(seen.find((p) => p.transactionNumber === 'S4')!.awards[0]?.id, 1)

      const november = (await (await get(`/api/v1/spending/${SLUG}/payments?month=2023-11`)).json()) as Page<ApiPayment>
      assert.deepEqual(
        november.data.map((p) => p.transactionNumber),
        ['S1', 'S2'],
      )
      const page = await (await get(`/spending/${SLUG}?month=2023-11`)).text()
      assert.match(page, /£400\.00 to Juno Women/)
      assert.doesNotMatch(page, /£300\.00 to/)
      const csv = await (await get(`/spending/${SLUG}/payments.csv?month=2023-11`)).text()
      assert.ok(csv.split(/\r?\n/).some((l) => l.startsWith('2023-11-04,') && l.endsWith(',6; 18')))

      assert.equal((await get(`/api/v1/spending/nowhere/payments`)).status, 404)
      assert.equal((await get(`/api/v1/spending/${SLUG}/payments?month=2023-13`)).status, 400)
      assert.equal((await get(`/api/v1/spending/Bad Slug`)).status, 400)
      const docs = await (await get('/api')).text()
      assert.match(docs, /GET \/api\/v1\/spending\/\{office\}\/payments/)
    })

    test('the staff API lists the payments awaiting review to a read token of the office', async () => {
      const user = await addStaff(t.database, {
        email: `queue-${engine}@test.example`,
        name: 'Queue Reader',
        roles: ['officer'],
        officeId: officeId(),
      })
      const read = await new ApiTokenService(t.database).create(user.id, { name: 'queue', scope: 'read' }, SYSTEM_ACTOR)
      assert.equal((await get('/api/v1/staff/spending/review')).status, 401)
      const queue = (await (
        await get(`/api/v1/staff/spending/review?office=${officeId()}`, { authorization: `Bearer ${read.token}` })
      ).json()) as Page<{ transactionNumber: string; amount: number; office: { id: number } }>
      assert.deepEqual(
        queue.data.map((p) => [p.transactionNumber, p.amount, p.office.id]),
        [['S3', 640, officeId()]],
      )
    })
  })
}
