/** Maintained by triggers on awards (migration 0002): never written by the application. */
export interface AwardYearSharesTable {
  award_id: number
  financial_year: number
  pence: number
}
