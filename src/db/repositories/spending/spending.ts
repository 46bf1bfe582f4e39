import { sql, type Kysely, type Transaction } from 'kysely'
import type { OfficeScope } from '../../../domain/office-scope.ts'
import type { DB } from '../../tables/index.ts'
import { inOfficeScope } from '../office-scope.ts'
import { SpendPublication } from './spend-publication.ts'
import { COMMITTED, PAYABLE, coversDate, key, type AwardCandidate, type SpendPayment } from './spend-sql.ts'

export type { AwardCandidate, NewSpendPayment, SpendPayment } from './spend-sql.ts'

/** An office's spending over £500: import batches, payments, their matches to awards, and the monthly publication. */
export class SpendingRepository extends SpendPublication {
  protected payments(scope: OfficeScope) {
    return this.db
      .selectFrom('spend_payments as p')
      .select([
        'p.id',
        'p.office_id as officeId',
        'p.line',
        'p.paid_on as paidOn',
        'p.supplier_name as supplierName',
        'p.supplier_id as supplierId',
        'p.amount_pence as amountPence',
        'p.expense_type as expenseType',
        'p.transaction_number as transactionNumber',
        'p.award_id as awardId',
        'p.match_status as matchStatus',
        'p.matched_by as matchedBy',
      ])
      .where(inOfficeScope(scope, 'p.office_id'))
  }

  /** The unmatched payments of the scope's offices, oldest first. */
  async queue(scope: OfficeScope, limit: number, offset: number): Promise<{ rows: SpendPayment[]; count: number }> {
    const [rows, count] = await Promise.all([
      this.payments(scope)
        .where('p.match_status', '=', 'unmatched')
        .orderBy('p.paid_on')
        .orderBy('p.id')
        .limit(limit)
        .offset(offset)
        .execute(),
      this.db
        .selectFrom('spend_payments as p')
        .select(sql<number>`count(*)`.as('n'))
        .where('p.match_status', '=', 'unmatched')
        .where(inOfficeScope(scope, 'p.office_id'))
        .executeTakeFirstOrThrow(),
    ])
    return { rows, count: Number(count.n) }
  }

  /** The unmatched payments of the scope's offices in id order after a cursor (for the staff API). */
  unmatchedAfter(scope: OfficeScope, officeId: number | undefined, after: number, limit: number) {
    return this.payments(scope)
      .where('p.match_status', '=', 'unmatched')
      .where('p.id', '>', after)
      .$if(officeId !== undefined, (q) => q.where('p.office_id', '=', officeId!))
      .orderBy('p.id')
      .limit(limit)
      .execute()
  }

  findPayment(scope: OfficeScope, id: number): Promise<SpendPayment | undefined> {
    return this.payments(scope).where('p.id', '=', id).executeTakeFirst()
  }

  /** The awards a payment may pay: every payable award of its office, the likely ones (supplier and date) first. */
  async candidates(payment: SpendPayment, limit = 200): Promise<AwardCandidate[]> {
    const likely = sql<boolean>`(${payment.supplierId === null ? sql`false` : sql`coalesce(r.merged_into_id, r.id) = ${payment.supplierId}`} and ${coversDate(sql`${payment.paidOn}::date`)})`
    const result = await sql<AwardCandidate>`
      select a.id as "awardId", d.id as "decisionId", d.reference as "decisionReference", d.title as "decisionTitle",
        a.recipient_name as "recipientName", a.amount_pence as "amountPence", ${COMMITTED} as "committedPence",
        coalesce((select sum(sp.amount_pence) from spend_award_payments sp where sp.award_id = a.id), 0) as "paidPence",
        a.period_start as "periodStart", a.period_end as "periodEnd", a.financial_year as "financialYear",
        ${likely} as likely
      from awards a join decisions d on d.id = a.decision_id
      left join organisations r on r.id = a.recipient_id
      where d.office_id = ${payment.officeId} and ${PAYABLE}
      order by ${likely} desc, ${key('a.recipient_name')} = ${payment.supplierName.toLowerCase().replace(/[^a-z0-9]/g, '')} desc,
        a.recipient_name, a.id
      limit ${limit}`.execute(this.db)
    return result.rows.map((r) => ({
      ...r,
      amountPence: Number(r.amountPence),
      committedPence: Number(r.committedPence),
      paidPence: Number(r.paidPence),
    }))
  }

  /** Records staff's choice for a payment: the award it pays, or not an award payment (awardId null). */
  async setMatch(trx: Transaction<DB>, paymentId: number, awardId: number | null): Promise<void> {
    await trx.deleteFrom('spend_payment_parts').where('payment_id', '=', paymentId).execute()
    await trx
      .updateTable('spend_payments')
      .set(
        awardId === null
          ? { award_id: null, match_status: 'not_award', matched_by: 'staff' }
          : { award_id: awardId, match_status: 'matched', matched_by: 'staff' },
      )
      .where('id', '=', paymentId)
      .execute()
  }

  /** Records a payment split between several awards, each with its part (the parts add up to the payment). */
  async setSplit(
    trx: Transaction<DB>,
    paymentId: number,
    parts: ReadonlyArray<{ awardId: number; amountPence: number }>,
  ): Promise<void> {
    await trx.deleteFrom('spend_payment_parts').where('payment_id', '=', paymentId).execute()
    await trx
      .updateTable('spend_payments')
      .set({ award_id: null, match_status: 'split', matched_by: 'staff' })
      .where('id', '=', paymentId)
      .execute()
    await trx
      .insertInto('spend_payment_parts')
      .values(parts.map((p) => ({ payment_id: paymentId, award_id: p.awardId, amount_pence: p.amountPence })))
      .execute()
  }

  /** The parts of a split payment, largest first. */
  async parts(paymentId: number, trx: Kysely<DB> = this.db): Promise<Array<{ awardId: number; amountPence: number }>> {
    const rows = await trx
      .selectFrom('spend_payment_parts')
      .select(['award_id', 'amount_pence'])
      .where('payment_id', '=', paymentId)
      .orderBy('amount_pence', 'desc')
      .orderBy('award_id')
      .execute()
    return rows.map((r) => ({ awardId: r.award_id, amountPence: Number(r.amount_pence) }))
  }

  /** Whether an award is one a payment of the office may be matched to. */
  async payableAward(trx: Kysely<DB>, officeId: number, awardId: number): Promise<boolean> {
    const row = await sql<{ id: number }>`
      select a.id from awards a join decisions d on d.id = a.decision_id
      where a.id = ${awardId} and d.office_id = ${officeId} and ${PAYABLE}`.execute(trx)
    return row.rows.length > 0
  }

  /** Paid against committed for each of the awards (staff view: any award). */
  async paidByAward(awardIds: readonly number[]): Promise<Map<number, number>> {
    if (!awardIds.length) return new Map()
    const rows = await this.db
      .selectFrom('spend_award_payments')
      .select(['award_id', sql<number>`sum(amount_pence)`.as('paid')])
      .where('award_id', 'in', [...awardIds])
      .groupBy('award_id')
      .execute()
    return new Map(rows.map((r) => [r.award_id, Number(r.paid)]))
  }
}
