import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { OfficeScope } from '../../../../src/domain/office-scope.ts'
import { FormError } from '../../../../src/services/shared/form-error.ts'
import { testEngines } from '../../../support/database.ts'
import type { ExportedGrant as Grant } from '../../../support/three-sixty-giving.ts'
import { organisationIdOf } from '../../../support/records.ts'
import { CLI, S1_PARTS, spendingSetUp } from '../../../support/spending.ts'
import { rowOf } from '../../../support/rows.ts'

for (const engine of testEngines()) {
  describe(`split payments on ${engine}`, () => {
    const { t, app, paymentId } = spendingSetUp(engine)
    const formErrors = async (promise: Promise<unknown>): Promise<Record<string, string>> => {
      try {
        await promise
      } catch (error) {
        if (error instanceof FormError) return error.errors
        throw error
      }
      assert.fail('expected a FormError')
    }

    test('a split whose parts do not add up to the payment, or names a wrong award, is refused and nothing is written', async () => {
      const s1 = await paymentId('S1')
      const split = (...parts: Array<[string, string]>) =>
        app.spending.split(
          s1,
          parts.map(([award, amount]) => ({ award, amount })),
          CLI,
        )
      /** The message a split of `parts` is refused with for its parts as a whole. */
      const partsRefused = async (...parts: Array<[string, string]>) => (await formErrors(split(...parts))).parts ?? ''
      assert.match(
        await partsRefused(['6', '1,000'], ['9', '400.00']),
        /add up to £1,400\.00, but the payment is £1,500\.00.*£100\.00 short/,
      )
      assert.match(await partsRefused(['6', '1,000'], ['9', '600']), /£100\.00 too much/)
      assert.match(await partsRefused(['6', '1500']), /two awards or more/)
      assert.deepEqual(await formErrors(split(['6', 'lots'], ['999999', '500'], ['6', '-1'], ['', ''], ['', '10'])), {
        amount1: 'Part 1: "lots" is not an amount of money: use pounds and pence, like 1,234.56',
        award2: 'Part 2: choose an award of the office from the list',
        award3: 'Part 3 pays the same award as an earlier part: put the two together',
        amount3: 'Part 3 must not be negative',
        award5: 'Choose the award part 5 pays',
      })
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
      const audit = await rowOf(t.database, 'audit_log', ['action', 'before', 'after'], {
        entity_type: 'spend_payment',
        entity_id: String(s1),
      })
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
      await app.spending.split(s1, S1_PARTS, CLI)
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
  })
}
