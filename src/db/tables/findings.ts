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
}
