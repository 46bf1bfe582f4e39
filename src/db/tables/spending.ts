import type { Generated, GeneratedAlways } from 'kysely'

export interface SpendBatchesTable {
  id: GeneratedAlways<number>
  office_id: number
  file_name: string
  file_hash: string
  rows: number
  added: number
  imported_by: number | null
  imported_at: Generated<Date>
}

/** A split payment pays several awards, its parts in spend_payment_parts; it has no award of its own. */
export type SpendMatchStatus = 'matched' | 'unmatched' | 'not_award' | 'split'

export interface SpendPaymentsTable {
  id: GeneratedAlways<number>
  office_id: number
  batch_id: number
  line: number
  row_key: string
  paid_on: string
  supplier_name: string
  supplier_id: number | null
  amount_pence: number
  expense_type: string
  transaction_number: string
  award_id: number | null
  match_status: Generated<SpendMatchStatus>
  matched_by: 'automatic' | 'staff' | null
}

export interface SpendUploadsTable {
  token: string
  office_id: number
  user_id: number | null
  file_name: string
  content: string
  created_at: Generated<Date>
}

export interface SpendPaymentPartsTable {
  payment_id: number
  award_id: number
  amount_pence: number
}

/** A view: every amount paid against an award, whole payments and the parts of split ones. */
export interface SpendAwardPaymentsTable {
  payment_id: number
  award_id: number
  amount_pence: number
  paid_on: string
  transaction_number: string
}
