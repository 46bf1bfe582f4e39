import type { Generated, GeneratedAlways, JSONColumnType } from 'kysely'

export interface LayoutRulesTable {
  id: GeneratedAlways<number>
  office_id: number
  fingerprint: string
  field: string
  rule: JSONColumnType<Record<string, unknown>>
  learned_from_decision_id: number | null
  learned_by: number | null
  learned_at: Generated<Date>
}
