import type { Generated, GeneratedAlways } from 'kysely'
import type { PlanStatus } from '../../domain/forward-plan.ts'

export interface PlannedDecisionsTable {
  id: GeneratedAlways<number>
  office_id: number
  title: string
  /** The first day of the month the decision is expected in, YYYY-MM-01. */
  expected_month: string
  estimated_value_pence: number | null
  service_id: number | null
  key_decision: Generated<boolean>
  status: Generated<PlanStatus>
  decision_id: number | null
  dropped_reason: string | null
  dropped_on: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}
