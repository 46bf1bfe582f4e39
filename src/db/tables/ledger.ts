/** The read-optimised public ledger (migration 0002): maintained by triggers, never written by the application. */
interface LedgerColumns {
  award_id: number
  decision_id: number
  office_id: number
  decided_on: string | null
  recipient_id: number | null
  recipient_name: string
  lead_id: number | null
  lead_name: string | null
  stream_id: number | null
  stream_name: string | null
  service_id: number | null
  service_name: string | null
  service_type: string | null
  route: string | null
  area_ids: number[]
  amount_pence: number
  per_annum: boolean
  up_to: boolean
  period_sort: string | null
}

export interface LedgerAwardsTable extends LedgerColumns {
  has_years: boolean
}

export interface LedgerYearsTable extends LedgerColumns {
  financial_year: number
  pence: number
}

/** Running totals for the whole ledger (dim '') and per single filter value; financial_year 0 is all years. */
export interface LedgerCubeTable {
  dim: string
  value: string
  financial_year: number
  awards: number
  one_off_pence: number
  per_annum_count: number
  per_annum_pence: number
  ceiling_count: number
  ceiling_pence: number
  unassigned_one_off_pence: number
  share_one_off_pence: number
  share_per_annum_pence: number
  share_ceiling_pence: number
}
