import type { Generated, GeneratedAlways } from 'kysely'

export interface OutcomeReturnsTable {
  id: GeneratedAlways<number>
  service_id: number
  quarter_start: string
  measure: string
  value: number
  entered_by: number | null
  created_at: Generated<Date>
}
