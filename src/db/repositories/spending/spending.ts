import { sql, type Kysely, type Transaction } from 'kysely'
import type { OfficeScope } from '../../../domain/office-scope.ts'
import type { DB } from '../../tables/index.ts'
import { inOfficeScope } from '../office-scope.ts'
import { SpendImports } from './spend-imports.ts'
import { COMMITTED, PAYABLE, coversDate, key, type AwardCandidate, type SpendPayment } from './spend-sql.ts'

export type { AwardCandidate, NewSpendPayment, SpendPayment } from './spend-sql.ts'

/** An office's spending over £500: import batches, payments, their matches to awards, and the monthly publication. */
export class SpendingRepository extends SpendImports {
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

  findPayment(scope: OfficeScope, id: number): Promise<SpendPayment | undefined> {
    return this.payments(scope).where('p.id', '=', id).executeTakeFirst()
  }

  /** The awards a payment may pay: every payable award of its office, the likely ones (supplier and date) first. */
  async candidates(payment: SpendPayment, limit = 200): Promise<AwardCandidate[]> {
    const likely = sql<boolean>`(${payment.supplierId === null ? sql`false` : sql`coalesce(r.merged_into_id, r.id) = ${payment.supplierId}`} and ${coversDate(sql`${payment.paidOn}::date`)})`
    const result = await sql<AwardCandidate>`
      select a.id as "awardId", d.id as "decisionId", d.reference as "decisionReference", d.title as "decisionTitle",
        a.recipient_name as "recipientName", a.amount_pence as "amountPence", ${COMMITTED} as "committedPence",
        coalesce((select sum(sp.amount_pence) from spend_payments sp where sp.award_id = a.id), 0) as "paidPence",
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
      .selectFrom('spend_payments')
      .select(['award_id', sql<number>`sum(amount_pence)`.as('paid')])
      .where('award_id', 'in', [...awardIds])
      .groupBy('award_id')
      .execute()
    return new Map(rows.map((r) => [r.award_id!, Number(r.paid)]))
  }

  /** The months of an office's published spending, latest first, with their counts and sums. */
  async months(officeId: number): Promise<Array<{ month: string; payments: number; totalPence: number }>> {
    const result = await sql<{ month: string; payments: number; total: number }>`
      select to_char(paid_on, 'YYYY-MM') as month, count(*) as payments, sum(amount_pence) as total
      from spend_payments where office_id = ${officeId} group by 1 order by 1 desc`.execute(this.db)
    return result.rows.map((r) => ({ month: r.month, payments: Number(r.payments), totalPence: Number(r.total) }))
  }

  /** How many months of spending each office has published. */
  async monthCount(officeId: number): Promise<number> {
    const result = await sql<{ n: number }>`
      select count(distinct date_trunc('month', paid_on)) as n from spend_payments where office_id = ${officeId}`.execute(
      this.db,
    )
    return Number(result.rows[0]?.n ?? 0)
  }

  /**
   * An office's published payments (optionally of one month), each with the award it pays only when that award
   * is public (in the public ledger), so a page never reveals an unpublished or withheld award.
   */
  async publicPayments(
    officeId: number,
    month: string | null,
    limit: number,
    offset: number,
  ): Promise<
    Array<{
      id: number
      paidOn: string
      supplierName: string
      amountPence: number
      expenseType: string
      transactionNumber: string
      awardId: number | null
      decisionSlug: string | null
      decisionReference: string | null
      recipientName: string | null
    }>
  > {
    const monthCondition = month === null ? sql`true` : sql`to_char(p.paid_on, 'YYYY-MM') = ${month}`
    const result = await sql<Record<string, unknown>>`
      select p.id, p.paid_on as "paidOn", p.supplier_name as "supplierName", p.amount_pence as "amountPence",
        p.expense_type as "expenseType", p.transaction_number as "transactionNumber",
        la.award_id as "awardId", d.slug as "decisionSlug", d.reference as "decisionReference", la.recipient_name as "recipientName"
      from spend_payments p
      left join ledger_awards la on la.award_id = p.award_id
      left join decisions d on d.id = la.decision_id
      where p.office_id = ${officeId} and ${monthCondition}
      order by p.paid_on, p.id limit ${limit} offset ${offset}`.execute(this.db)
    return result.rows.map((r) => ({
      id: Number(r.id),
      paidOn: String(r.paidOn),
      supplierName: String(r.supplierName),
      amountPence: Number(r.amountPence),
      expenseType: String(r.expenseType),
      transactionNumber: String(r.transactionNumber),
      awardId: r.awardId === null ? null : Number(r.awardId),
      decisionSlug: (r.decisionSlug as string | null) ?? null,
      decisionReference: (r.decisionReference as string | null) ?? null,
      recipientName: (r.recipientName as string | null) ?? null,
    }))
  }
}
