import type { GeneratedAlways } from 'kysely'

export interface FundingStreamReceiptsTable {
  id: GeneratedAlways<number>
  funding_stream_id: number
  financial_year: number
  amount_pence: number
  note: string | null
}
