import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { OfficeScope } from '../../../../src/domain/office-scope.ts'
import type { LedgerFilter } from '../../../../src/services/ledger/ledger.ts'
import { SpendFileError } from '../../../../src/services/spending/spending.ts'
import { testEngines } from '../../../support/database.ts'
import { validatePackage, type ExportedGrant as Grant } from '../../../support/three-sixty-giving.ts'
import { startApp } from '../../../support/server.ts'
import { officeIdOf, organisationIdOf } from '../../../support/records.ts'
import { servicesSetUp } from '../../../support/services.ts'
import { tuplesOf } from '../../../support/rows.ts'

const CLI = { userId: null, label: 'test' }
const HEADER = 'Date,Supplier,Amount,Expense Type,Transaction Number'

// Award 1 is Juno Women's Aid's only award of 2021/22; Juno has three awards covering 2023/24.
const FIRST_FILE = [
  HEADER,
  `14/05/2021,JUNO WOMENS AID,"£11,983.00",Grants to voluntary bodies,T1001`,
  `14/06/2021,Juno Womens Aid Ltd,"5,000.50",Grants to voluntary bodies,T1002`,
  `02/11/2023,Juno Women's Aid,£700.00,Grants to voluntary bodies,T1003`,
  `20/05/2021,Acme Office Furniture,£612.40,Furniture,T1004`,
  `21/05/2021,Acme Office Furniture,-£612.40,Furniture,T1005`,
].join('\n')

for (const engine of testEngines()) {
  describe(`spending over £500 on ${engine}`, () => {
    const { t, app } = servicesSetUp(engine)
    let officeId: number
    let junoId: number
    const count = async (table: 'spend_payments' | 'spend_batches') =>
      Number(
        (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(t.database.db)).rows[0]!.n,
      )

    before(async () => {
      officeId = await officeIdOf(t.database, 'Nottinghamshire')
      junoId = await organisationIdOf(t.database, "Juno Women's Aid")
      await t.database.db
        .insertInto('organisation_aliases')
        .values({ organisation_id: junoId, alias: 'Juno Womens Aid Ltd' })
        .execute()
    })

    test('a bad file is refused whole, naming the line and the column, and nothing is stored', async () => {
      const bad = [
        HEADER,
        '14/05/2021,Juno,£10.00,Grant,A1',
        '31/02/2021,Juno,£10.00,Grant,A2',
        '01/03/2021,Juno,ten pounds,Grant,A3',
      ].join('\n')
      await assert.rejects(app.spending.import({ officeId, fileName: 'bad.csv', text: bad }, CLI), (error: unknown) => {
        assert.ok(error instanceof SpendFileError)
        assert.deepEqual(
          error.problems.map((p) => [p.line, p.column]),
          [
            [3, 'Date'],
            [4, 'Amount'],
          ],
        )
        assert.match(error.message, /Line 3, column Date: "31\/02\/2021" is not a real date/)
        return true
      })
      const missing = ['Date,Supplier,Amount,Transaction Number', '14/05/2021,Juno,£10.00,A1'].join('\n')
      await assert.rejects(
        app.spending.import({ officeId, fileName: 'missing.csv', text: missing }, CLI),
        /Expense Type: is missing/,
      )
      assert.equal(await count('spend_payments'), 0)
      assert.equal(await count('spend_batches'), 0)
    })

    test('payments are matched to the one award they plausibly pay, by name or alias, date and amount', async () => {
      const { batchId, ...result } = await app.spending.import({ officeId, fileName: 'may.csv', text: FIRST_FILE }, CLI)
      assert.ok(batchId)
      assert.deepEqual(result, { status: 'imported', rows: 5, added: 5, repeated: 0, matched: 2, unmatched: 3 })
      const columns = ['transaction_number', 'award_id', 'supplier_id', 'amount_pence', 'paid_on'] as const
      assert.deepEqual(await tuplesOf(t.database, 'spend_payments', columns, {}, 'transaction_number'), [
        ['T1001', 1, junoId, 1198300, '2021-05-14'],
        ['T1002', 1, junoId, 500050, '2021-06-14'],
        // Three of Juno's awards cover November 2023: the payment waits for a person.
        ['T1003', null, junoId, 70000, '2023-11-02'],
        ['T1004', null, null, 61240, '2021-05-20'],
        ['T1005', null, null, -61240, '2021-05-21'],
      ])
    })

    test('the same file twice changes nothing, and a later file repeating payments adds only the new ones', async () => {
      const again = await app.spending.import({ officeId, fileName: 'may-again.csv', text: FIRST_FILE }, CLI)
      assert.equal(again.status, 'already imported')
      assert.equal(await count('spend_payments'), 5)
      const later = `${FIRST_FILE}\n01/07/2021,Nottinghamshire Women's Aid,"£2,000.00",Grants,T1006\n`
      const { batchId, ...result } = await app.spending.import({ officeId, fileName: 'june.csv', text: later }, CLI)
      assert.ok(batchId)
      assert.deepEqual(result, { status: 'imported', rows: 6, added: 1, repeated: 5, matched: 1, unmatched: 0 })
      assert.equal(await count('spend_payments'), 6)
    })

    test('staff pick the award of a queued payment or mark it as not an award payment, only in their own office', async () => {
      const queue = await app.spending.queue(OfficeScope.system)
      assert.deepEqual(
        queue.rows.map((r) => r.transactionNumber),
        ['T1004', 'T1005', 'T1003'],
      )
      const t1003 = queue.rows.find((r) => r.transactionNumber === 'T1003')!
      const { candidates } = (await app.spending.payment(OfficeScope.system, t1003.id))!
      assert.deepEqual(
        candidates.filter((c) => c.likely).map((c) => c.awardId),
        [6, 9, 18],
      )
      const stranger = {
        userId: null,
        label: 'someone else',
        scope: OfficeScope.of([{ officeId: 999999, roles: ['officer'] }]),
      }
      await assert.rejects(app.spending.resolve(t1003.id, '6', stranger), /not one of your office/)
      await assert.rejects(app.spending.resolve(t1003.id, 'nonsense', CLI), /Choose the award/)
      await app.spending.resolve(t1003.id, '6', CLI)
      for (const r of queue.rows.filter((r) => r.transactionNumber !== 'T1003'))
        await app.spending.resolve(r.id, 'not_award', CLI)
      assert.equal((await app.spending.queue(OfficeScope.system)).count, 0)
      const paid = await app.spending.paidByAward([1, 2, 6])
      assert.deepEqual([...paid.entries()].sort(), [
        [1, 1698350],
        [2, 200000],
        [6, 70000],
      ])
    })

    test('paid plus unpaid equals committed for every award and in every roll-up of the public ledger', async () => {
      const order = { sort: 'date', direction: 'desc' } as const
      const all = await app.ledger.page({}, order, 1)
      const rows = all.rows
      for (const r of rows) assert.ok(Number.isSafeInteger(r.committedPence) && Number.isSafeInteger(r.paidPence))
      const award1 = rows.find((r) => r.awardId === 1)!
      assert.deepEqual([award1.paidPence, award1.committedPence], [1698350, 2396600])
      const sum = (list: typeof rows, key: 'paidPence' | 'committedPence') => list.reduce((s, r) => s + r[key], 0)
      assert.equal(all.paid.paidPence, sum(rows, 'paidPence'))
      assert.equal(all.paid.committedPence, sum(rows, 'committedPence'))
      assert.equal(all.paid.paidPence + all.paid.unpaidPence, all.paid.committedPence)
      assert.equal(all.paid.paidPence, 1698350 + 200000 + 70000)
      const options = await app.ledger.options()
      const filters: LedgerFilter[] = [
        ...options.providers.map((p) => ({ providerId: p.id })),
        ...options.streams.map((s) => ({ streamId: s.id })),
        ...options.areas.map((a) => ({ areaId: a.id })),
        { officeId },
      ]
      const services_ = await sql<{
        id: number
      }>`select distinct service_id as id from ledger_awards where service_id is not null`.execute(t.database.db)
      filters.push(...services_.rows.map((s) => ({ serviceId: Number(s.id) })))
      for (const filter of filters) {
        const page = await app.ledger.page(filter, order, 1)
        const paid = page.paid
        assert.equal(paid.paidPence + paid.unpaidPence, paid.committedPence, JSON.stringify(filter))
        assert.equal(paid.paidPence, sum(page.rows, 'paidPence'), JSON.stringify(filter))
        assert.equal(paid.committedPence, sum(page.rows, 'committedPence'), JSON.stringify(filter))
      }
      // By year: each year's payments to the awards of that year add up to everything paid against those awards.
      let paidByYears = 0
      for (const y of options.years) {
        const paid = await app.ledger.paid({ year: y.startYear })
        assert.equal(paid.paidPence + paid.unpaidPence, paid.committedPence)
        paidByYears += paid.paidPence
      }
      assert.equal(paidByYears, all.paid.paidPence)
      const juno = await app.ledger.paid({ providerId: junoId })
      assert.equal(juno.paidPence, 1698350 + 70000)
    })

    test('the public spending data lists every payment, naming an award only when it is public', async () => {
      const months = await app.spending.months(officeId)
      assert.deepEqual(
        months.map((m) => m.month),
        ['2023-11', '2021-07', '2021-06', '2021-05'],
      )
      assert.equal(await app.spending.monthCount(officeId), 4)
      await t.database.db.updateTable('awards').set({ withheld: true }).where('id', '=', 2).execute()
      const july = await app.spending.publicPayments(officeId, '2021-07')
      assert.equal(july.length, 1)
      assert.deepEqual(july[0]!.awards, [])
      const may = await app.spending.publicPayments(officeId, '2021-05')
      assert.deepEqual(
        may.find((p) => p.transactionNumber === 'T1001')!.awards.map((a) => a.awardId),
        [1],
      )
      const withheld = await app.ledger.paid({})
      assert.equal(withheld.paidPence, 1698350 + 70000)
    })

    test('the publication checklist counts the months of spending published', async () => {
      const months = await app.openData.checklist.spendingMonths({ year: 2021, officeId }, '2026-12-02')
      assert.deepEqual([months.published, months.due], [3, 12])
      assert.ok(months.missing.includes('2021-04') && !months.missing.includes('2021-05'))
      const partYear = await app.openData.checklist.spendingMonths({ year: 2021 }, '2021-07-15')
      assert.deepEqual(partYear, { published: 2, due: 3, missing: ['2021-04'] })
    })

    test('the public spending page, CSV and award API show spending and paid against committed', async () => {
      const running = await startApp(t.database)
      try {
        const slug = 'nottinghamshire-office-of-the-police-and-crime-commissioner'
        const page = await (await fetch(`${running.baseUrl}/spending/${slug}?month=2021-05`)).text()
        assert.match(page, /Spending over £500: May 2021/)
        assert.match(page, /JUNO WOMENS AID/)
        assert.equal((await fetch(`${running.baseUrl}/spending/${slug}?month=2021-13`)).status, 404)
        assert.equal((await fetch(`${running.baseUrl}/spending/nowhere`)).status, 404)
        const csv = await (await fetch(`${running.baseUrl}/spending/${slug}/payments.csv`)).text()
        const lines = csv.trim().split(/\r?\n/)
        assert.equal(lines[0], 'Date,Supplier,Amount,Expense Type,Transaction Number,Decision reference,Award id')
        assert.equal(lines.length, 1 + 6)
        assert.ok(lines.some((l) => l.startsWith('2021-05-14,JUNO WOMENS AID,11983.00,') && l.endsWith(',1')))
        const ledger = await (await fetch(`${running.baseUrl}/ledger?provider=${junoId}`)).text()
        assert.match(ledger, /id="ledger-paid"><strong>£17,683.50<\/strong> paid of <strong>/)
        const ledgerCsv = await (await fetch(`${running.baseUrl}/ledger.csv`)).text()
        assert.match(ledgerCsv.split(/\r?\n/)[0]!, /Committed \(£\),Paid \(£\),Unpaid \(£\)$/)
        const api = (await (
          await fetch(
            `${running.baseUrl}/api/v1/decisions/${(await t.database.db.selectFrom('awards').select('decision_id').where('id', '=', 1).executeTakeFirstOrThrow()).decision_id}`,
          )
        ).json()) as {
          awards: Array<{ id: number; paid: number; committed: number }>
        }
        const award1 = api.awards.find((a) => a.id === 1)!
        assert.deepEqual([award1.paid, award1.committed], [16983.5, 23966])
      } finally {
        await running.stop()
      }
    })

    test('the 360Giving export gives each paid award its amount disbursed and its payments as disbursement transactions', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'spend-360-'))
      try {
        const file = join(dir, 'grants.json')
        await app.openData.export360ToFile(file, { format: 'json' })
        const data = JSON.parse(readFileSync(file, 'utf8')) as { grants: Grant[] }
        assert.deepEqual(validatePackage(data), [])
        const award1 = data.grants.find((g) => /^360G-[a-z]+-1$/.test(g.id))!
        assert.equal(award1.amountDisbursed, 16983.5)
        assert.deepEqual(
          (
            award1.disbursementTransaction as Array<{ transactionDate: string; value: number; description: string }>
          ).map((p) => [p.transactionDate, p.value, p.description]),
          [
            ['2021-05-14', 11983, 'Payment T1001'],
            ['2021-06-14', 5000.5, 'Payment T1002'],
          ],
        )
        const unpaid = data.grants.filter((g) => g.amountDisbursed === undefined)
        assert.ok(unpaid.length > 0 && unpaid.every((g) => g.disbursementTransaction === undefined))
        const csvFile = join(dir, 'grants.csv')
        await app.openData.export360ToFile(csvFile, { format: 'csv' })
        const csv = readFileSync(csvFile, 'utf8')
        assert.match(csv.split(/\r?\n/)[0]!, /,Amount Disbursed,/)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })
  })
}
