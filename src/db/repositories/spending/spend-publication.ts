import { sql } from 'kysely'
import { SpendImports } from './spend-imports.ts'

/** A public award a payment pays, and how much of the payment it is. */
export interface PaidAward {
  awardId: number
  decisionSlug: string
  decisionReference: string | null
  recipientName: string
  amountPence: number
}

export interface PublicPayment {
  id: number
  paidOn: string
  supplierName: string
  amountPence: number
  expenseType: string
  transactionNumber: string
  /** The public awards it pays: one for a matched payment, several for a split one, none when not public. */
  awards: PaidAward[]
}

/** The monthly publication of an office's spending over £500. */
export class SpendPublication extends SpendImports {
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
   * An office's published payments (optionally of one month), each with the awards it pays only when they are public
   * (in the public ledger), so a page never reveals an unpublished or withheld award. A split payment names each of
   * its public awards with the part paid to it. By date a page at a time (offset), or by id after a cursor (`after`).
   */
  async publicPayments(
    officeId: number,
    month: string | null,
    page: { limit: number; offset?: number; after?: number },
  ): Promise<PublicPayment[]> {
    const monthCondition = month === null ? sql`true` : sql`to_char(p.paid_on, 'YYYY-MM') = ${month}`
    const byId = page.after !== undefined
    const result = await sql<Record<string, unknown>>`
      select p.id, p.paid_on as "paidOn", p.supplier_name as "supplierName", p.amount_pence as "amountPence",
        p.expense_type as "expenseType", p.transaction_number as "transactionNumber",
        (select coalesce(json_agg(json_build_object('awardId', la.award_id, 'decisionSlug', d.slug,
            'decisionReference', d.reference, 'recipientName', la.recipient_name, 'amountPence', sp.amount_pence)
            order by sp.amount_pence desc, la.award_id), '[]'::json)
          from spend_award_payments sp
          join ledger_awards la on la.award_id = sp.award_id
          join decisions d on d.id = la.decision_id
          where sp.payment_id = p.id) as awards
      from spend_payments p
      where p.office_id = ${officeId} and ${monthCondition} and ${byId ? sql`p.id > ${page.after}` : sql`true`}
      order by ${byId ? sql`p.id` : sql`p.paid_on, p.id`} limit ${page.limit} offset ${page.offset ?? 0}`.execute(
      this.db,
    )
    return result.rows.map((r) => {
      const awards = (typeof r.awards === 'string' ? JSON.parse(r.awards) : r.awards) as PaidAward[]
      return {
        id: Number(r.id),
        paidOn: String(r.paidOn),
        supplierName: String(r.supplierName),
        amountPence: Number(r.amountPence),
        expenseType: String(r.expenseType),
        transactionNumber: String(r.transactionNumber),
        awards: awards.map((a) => ({ ...a, awardId: Number(a.awardId), amountPence: Number(a.amountPence) })),
      }
    })
  }
}
