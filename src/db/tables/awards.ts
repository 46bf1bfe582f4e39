import type { Generated, GeneratedAlways } from 'kysely'
import type { ProcurementRoute } from '../../domain/decision.ts'

export interface AwardsTable {
  id: GeneratedAlways<number>
  decision_id: number
  position: Generated<number>
  recipient_id: number | null
  recipient_name: string
  amount_pence: number
  period_label: string | null
  period_start: string | null
  period_end: string | null
  financial_year: number | null
  per_annum: Generated<boolean>
  up_to: Generated<boolean>
  via_id: number | null
  route: ProcurementRoute | null
  route_justification: string | null
  funding_stream_id: number | null
  service_id: number | null
  purpose: string | null
  condition: string | null
  withheld: Generated<boolean>
}
