import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { OfficeScope } from '../../../../src/domain/office-scope.ts'
import { AccountService } from '../../../../src/services/accounts/accounts.ts'
import { ApiTokenService } from '../../../../src/services/accounts/api-tokens.ts'
import { SYSTEM_ACTOR } from '../../../../src/services/audit/audit.ts'
import { FormError } from '../../../../src/services/shared/form-error.ts'
import { testEngines } from '../../../support/database.ts'
import type { ExportedGrant as Grant } from '../../../support/three-sixty-giving.ts'
import { startApp, type RunningApp } from '../../../support/server.ts'
import { StaffClient } from '../../../support/staff-client.ts'
import { officeIdOf, organisationIdOf } from '../../../support/records.ts'
import { servicesSetUp } from '../../../support/services.ts'

const CLI = { userId: null, label: 'test' }
const PASSWORD = 'a long test password 123'
const SLUG = 'nottinghamshire-office-of-the-police-and-crime-commissioner'

// Three of Juno's awards (6, 9 and 18) cover November 2023, so neither Juno payment is matched on import.
const FILE = [
  'Date,Supplier,Amount,Expense Type,Transaction Number',
  `03/11/2023,Juno Women's Aid,"£1,500.00",Grants to voluntary bodies,S1`,
  `04/11/2023,Juno Women's Aid,£900.00,Grants to voluntary bodies,S2`,
  `05/12/2023,Acme Office Furniture,£640.00,Furniture,S3`,
  `14/05/2021,JUNO WOMENS AID,"£11,983.00",Grants to voluntary bodies,S4`,
].join('\n')

type Page<T> = { data: T[]; nextCursor: string | null; links: { next: string | null } }
type ApiPayment = {
  id: number
  transactionNumber: string
  amount: number
  awards: Array<{ id: number; amount: number }>
}

for (const engine of testEngines()) {
  describe(`split payments and the spending API on ${engine}`, () => {
    const { t, app } = servicesSetUp(engine)
    let officeId: number
    const paymentId = async (transactionNumber: string) =>
      (
        await t.database.db
          .selectFrom('spend_payments')
          .select('id')
          .where('transaction_number', '=', transactionNumber)
          .executeTakeFirstOrThrow()
      ).id
    const formErrors = async (promise: Promise<unknown>): Promise<Record<string, string>> => {
      try {
        await promise
      } catch (error) {
        if (error instanceof FormError) return error.errors
        throw error
      }
      assert.fail('expected a FormError')
    }

    before(async () => {
      officeId = await officeIdOf(t.database, 'Nottinghamshire')
      const result = await app.spending.import({ officeId, fileName: 'nov.csv', text: FILE }, CLI)
      assert.equal(result.status === 'imported' && result.unmatched, 3)
    })

    test('a split whose parts do not add up to the payment, or names a wrong award, is refused and nothing is written', async () => {
      const s1 = await paymentId('S1')
      const split = (parts: Array<[string, string]>) =>
        app.spending.split(
          s1,
          parts.map(([award, amount]) => ({ award, amount })),
          CLI,
        )
      assert.match(
        (
          await formErrors(
            split([
              ['6', '1,000'],
              ['9', '400.00'],
            ]),
          )
        ).parts!,
        /add up to £1,400\.00, but the payment is £1,500\.00.*£100\.00 short/,
      )
      assert.match(
        (
          await formErrors(
            split([
              ['6', '1,000'],
              ['9', '600'],
            ]),
          )
        ).parts!,
        /£100\.00 too much/,
      )
      assert.match((await formErrors(split([['6', '1500']]))).parts!, /two awards or more/)
      assert.deepEqual(
        await formErrors(
          split([
            ['6', 'lots'],
            ['999999', '500'],
            ['6', '-1'],
            ['', ''],
            ['', '10'],
          ]),
        ),
        {
          amount1: 'Part 1: "lots" is not an amount of money: use pounds and pence, like 1,234.56',
          award2: 'Part 2: choose an award of the office from the list',
          award3: 'Part 3 pays the same award as an earlier part: put the two together',
          amount3: 'Part 3 must not be negative',
          award5: 'Choose the award part 5 pays',
        },
      )
      const stranger = { ...CLI, scope: OfficeScope.of([{ officeId: 999999, roles: ['officer'] }]) }
      await assert.rejects(
        app.spending.split(
          s1,
          [
            { award: '6', amount: '1000' },
            { award: '9', amount: '500' },
          ],
          stranger,
        ),
        /not one of your office/,
      )
      const parts = await t.database.db.selectFrom('spend_payment_parts').selectAll().execute()
      assert.equal(parts.length, 0)
      assert.equal((await app.spending.payment(OfficeScope.system, s1))?.payment.matchStatus, 'unmatched')
    })

    test('a payment split between two awards leaves the queue, is audited, and each award counts its part as paid', async () => {
      const s1 = await paymentId('S1')
      const before = await app.spending.paidByAward([6, 9, 18])
      await app.spending.split(
        s1,
        [
          { award: '6', amount: '£1,000.00' },
          { award: '9', amount: '500' },
        ],
        CLI,
      )
      const payment = (await app.spending.payment(OfficeScope.system, s1))!.payment
      assert.deepEqual([payment.matchStatus, payment.awardId, payment.matchedBy], ['split', null, 'staff'])
      assert.deepEqual(await app.spending.parts(s1), [
        { awardId: 6, amountPence: 100000 },
        { awardId: 9, amountPence: 50000 },
      ])
      assert.ok(!(await app.spending.queue(OfficeScope.system)).rows.some((r) => r.id === s1))
      const paid = await app.spending.paidByAward([6, 9, 18])
      assert.equal((paid.get(6) ?? 0) - (before.get(6) ?? 0), 100000)
      assert.equal((paid.get(9) ?? 0) - (before.get(9) ?? 0), 50000)
      assert.equal(paid.get(18) ?? 0, before.get(18) ?? 0)
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select(['action', 'before', 'after'])
        .where('entity_type', '=', 'spend_payment')
        .where('entity_id', '=', String(s1))
        .executeTakeFirstOrThrow()
      assert.equal(audit.action, 'spending.split')
      assert.deepEqual((audit.after as { parts: unknown }).parts, [
        { awardId: 6, amountPence: 100000 },
        { awardId: 9, amountPence: 50000 },
      ])
      assert.equal((audit.before as { matchStatus: string }).matchStatus, 'unmatched')
      // Matching it to one award later takes the parts away.
      await app.spending.resolve(s1, '18', CLI)
      assert.deepEqual(await app.spending.parts(s1), [])
      assert.equal((await app.spending.paidByAward([18])).get(18), (before.get(18) ?? 0) + 150000)
      await app.spending.split(
        s1,
        [
          { award: '6', amount: '1000' },
          { award: '9', amount: '500' },
        ],
        CLI,
      )
    })

    test('paid plus unpaid equals committed with split payments, per award, provider and year', async () => {
      const order = { sort: 'date', direction: 'desc' } as const
      const all = await app.ledger.page({}, order, 1)
      assert.equal(all.paid.paidPence + all.paid.unpaidPence, all.paid.committedPence)
      assert.equal(all.paid.paidPence, 150000 + 1198300)
      const juno = await organisationIdOf(t.database, "Juno Women's Aid")
      const provider = await app.ledger.page({ providerId: juno }, order, 1)
      assert.equal(
        provider.paid.paidPence,
        provider.rows.reduce((s, r) => s + r.paidPence, 0),
      )
      assert.equal(provider.rows.find((r) => r.awardId === 6)?.paidPence, 100000)
      const year = await app.ledger.paid({ year: 2023 })
      assert.equal(year.paidPence + year.unpaidPence, year.committedPence)
      assert.equal(year.paidPence, 150000)
      const dir = mkdtempSync(join(tmpdir(), 'split-360-'))
      try {
        const file = join(dir, 'grants.json')
        await app.openData.export360ToFile(file, { format: 'json' })
        const grants = (JSON.parse(readFileSync(file, 'utf8')) as { grants: Grant[] }).grants
        const award9 = grants.find((g) => /^360G-[a-z]+-9$/.test(g.id))!
        assert.equal(award9.amountDisbursed, 500)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })

    describe('over HTTP', () => {
      let running: RunningApp
      before(async () => {
        running = await startApp(t.database)
      })
      after(async () => {
        await running.stop()
      })
      const get = (path: string, headers: Record<string, string> = {}) =>
        fetch(`${running.baseUrl}${path}`, { headers })

      test('the split form: parts that do not add up are refused naming the field, and another part can be added', async () => {
        await new AccountService(t.database).create(
          {
            email: `split-${engine}@test.example`,
            name: 'Sam Split',
            roles: ['officer'],
            password: PASSWORD,
            officeId,
          },
          SYSTEM_ACTOR,
        )
        const client = new StaffClient(running.baseUrl)
        await client.signIn(`split-${engine}@test.example`, PASSWORD)
        const s2 = await paymentId('S2')
        const payment = await (await client.get(`/staff/spending/review/${s2}`)).text()
        assert.match(payment, new RegExp(`href="/staff/spending/review/${s2}/split"`))
        const form = await client.get(`/staff/spending/review/${s2}/split`)
        assert.equal(form.status, 200)
        const html = await form.text()
        assert.match(html, /id="award2"/)
        assert.doesNotMatch(html, /id="award3"/)
        const added = await client.post(`/staff/spending/review/${s2}/split`, {
          count: '2',
          award1: '6',
          amount1: '400',
          award2: '',
          amount2: '',
          action: 'add',
        })
        const addedHtml = await added.text()
        assert.match(addedHtml, /id="award3"/)
        assert.match(addedHtml, /add up to <strong>£400\.00<\/strong> of <strong>£900\.00<\/strong>/)
        await client.get(`/staff/spending/review/${s2}/split`)
        const refused = await client.post(`/staff/spending/review/${s2}/split`, {
          count: '3',
          award1: '6',
          amount1: '400',
          award2: '9',
          amount2: '400',
          award3: '',
          amount3: '',
          action: 'save',
        })
        assert.equal(refused.status, 400)
        const refusedHtml = await refused.text()
        assert.match(refusedHtml, /href="#parts">The parts add up to £800\.00, but the payment is £900\.00/)
        await client.get(`/staff/spending/review/${s2}/split`)
        const saved = await client.post(`/staff/spending/review/${s2}/split`, {
          count: '3',
          award1: '6',
          amount1: '400',
          award2: '9',
          amount2: '300',
          award3: '18',
          amount3: '200',
          action: 'save',
        })
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
        assert.equal(months.office.id, officeId)
        assert.deepEqual(months.months[0], { month: '2023-12', label: 'December 2023', payments: 1, total: 640 })
        assert.deepEqual(
          months.months.map((m) => m.month),
          ['2023-12', '2023-11', '2021-05'],
        )
        const byId = (await (await get(`/api/v1/spending/${officeId}`)).json()) as typeof months
        assert.deepEqual(byId, months)

        const seen: ApiPayment[] = []
        let next: string | null = `/api/v1/spending/${SLUG}/payments?limit=1`
        while (next) {
          const page = (await (await get(next)).json()) as Page<ApiPayment>
          assert.ok(page.data.length <= 1)
          seen.push(...page.data)
          next = page.links.next
        }
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

        const november = (await (
          await get(`/api/v1/spending/${SLUG}/payments?month=2023-11`)
        ).json()) as Page<ApiPayment>
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
        const { user } = await new AccountService(t.database).create(
          {
            email: `queue-${engine}@test.example`,
            name: 'Queue Reader',
            roles: ['officer'],
            password: PASSWORD,
            officeId,
          },
          SYSTEM_ACTOR,
        )
        const read = await new ApiTokenService(t.database).create(
          user.id,
          { name: 'queue', scope: 'read' },
          SYSTEM_ACTOR,
        )
        assert.equal((await get('/api/v1/staff/spending/review')).status, 401)
        const queue = (await (
          await get(`/api/v1/staff/spending/review?office=${officeId}`, { authorization: `Bearer ${read.token}` })
        ).json()) as Page<{ transactionNumber: string; amount: number; office: { id: number } }>
        assert.deepEqual(
          queue.data.map((p) => [p.transactionNumber, p.amount, p.office.id]),
          [['S3', 640, officeId]],
        )
      })
    })
  })
}
