import { sql } from 'kysely'
import type { SpendMatchStatus } from '../../tables/spending.ts'

export interface NewSpendPayment {
  line: number
  rowKey: string
  paidOn: string
  supplierName: string
  amountPence: number
  expenseType: string
  transactionNumber: string
}

export interface SpendPayment {
  id: number
  officeId: number
  line: number
  paidOn: string
  supplierName: string
  supplierId: number | null
  amountPence: number
  expenseType: string
  transactionNumber: string
  awardId: number | null
  matchStatus: SpendMatchStatus
  matchedBy: 'automatic' | 'staff' | null
}

export interface AwardCandidate {
  awardId: number
  decisionId: number
  decisionReference: string | null
  decisionTitle: string
  recipientName: string
  amountPence: number
  committedPence: number
  paidPence: number
  periodStart: string | null
  periodEnd: string | null
  financialYear: number | null
  /** Whether the award's recipient is the payment's supplier, and the payment falls in its period. */
  likely: boolean
}

/** Names compared without case, spaces or punctuation, in SQL. */
export const key = (column: string) => sql`regexp_replace(lower(${sql.ref(column)}), '[^a-z0-9]', '', 'g')`

/** Decisions whose awards money may be paid against: approved, published or imported. */
export const PAYABLE = sql`d.status in ('approved', 'published', 'imported')`

/** An award `a` of decision `d` covers the date `on` (its period, else its financial year, else from its decision on). */
export const coversDate = (on: RawDate) => sql<boolean>`${on} between
  coalesce(a.period_start, make_date(a.financial_year, 4, 1), d.date_decided, '1900-01-01'::date)
  and coalesce(a.period_end, make_date(a.financial_year + 1, 3, 31), '9999-12-31'::date)`
type RawDate = ReturnType<typeof sql>

export const COMMITTED = sql<number>`award_committed_pence(a.amount_pence, a.per_annum, a.period_start, a.period_end)`
