import type { Generated, GeneratedAlways } from 'kysely'

export interface FindingsTable {
  id: GeneratedAlways<number>
  decision_id: number
  code: string
  severity: 'error' | 'warning'
  message: string
  field: string | null
  line: number | null
  resolved: Generated<boolean>
  /** Who acknowledged an Error finding before confirming its record, when, and why. */
  acknowledged_by: number | null
  acknowledged_by_label: string | null
  acknowledged_at: Date | null
  acknowledgement: string | null
}
