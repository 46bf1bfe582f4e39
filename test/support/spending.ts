/** Spending tests: a month of an office's payments imported into the demonstration register. */
import assert from 'node:assert/strict'
import { before } from 'node:test'
import type { TestEngine } from './database.ts'
import { officeIdOf } from './records.ts'
import { servicesSetUp } from './services.ts'

export const CLI = { userId: null, label: 'test' }
export const SLUG = 'nottinghamshire-office-of-the-police-and-crime-commissioner'

// Three of Juno's awards (6, 9 and 18) cover November 2023, so neither Juno payment is matched on import.
export const FILE = [
  'Date,Supplier,Amount,Expense Type,Transaction Number',
  `03/11/2023,Juno Women's Aid,"£1,500.00",Grants to voluntary bodies,S1`,
  `04/11/2023,Juno Women's Aid,£900.00,Grants to voluntary bodies,S2`,
  `05/12/2023,Acme Office Furniture,£640.00,Furniture,S3`,
  `14/05/2021,JUNO WOMENS AID,"£11,983.00",Grants to voluntary bodies,S4`,
].join('\n')

/** S1 split as the spending tests split it: £1,000 to award 6 and £500 to award 9. */
export const S1_PARTS = [
  { award: '6', amount: '1000' },
  { award: '9', amount: '500' },
]

/**
 * The set-up of the spending tests (call it inside `describe`): the demonstration register's services with FILE
 * imported for Nottinghamshire, three of its payments left unmatched; `paymentId` finds a payment by its number.
 */
export function spendingSetUp(engine: TestEngine) {
  const { t, app } = servicesSetUp(engine)
  let office: number | undefined
  before(async () => {
    office = await officeIdOf(t.database, 'Nottinghamshire')
    const result = await app.spending.import({ officeId: office, fileName: 'nov.csv', text: FILE }, CLI)
    assert.equal(result.status === 'imported' && result.unmatched, 3)
  })
  const paymentId = async (transactionNumber: string) =>
    (
      await t.database.db
        .selectFrom('spend_payments')
        .select('id')
        .where('transaction_number', '=', transactionNumber)
        .executeTakeFirstOrThrow()
    ).id
  return { t, app, officeId: (): number => office!, paymentId }
}
