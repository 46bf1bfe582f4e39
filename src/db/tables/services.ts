import type { Generated, GeneratedAlways } from 'kysely'

export interface ServicesTable {
  id: GeneratedAlways<number>
  office_id: number | null
  name: string
  slug: string
  service_type: Generated<string>
  description: string | null
  lead_commissioner_id: number | null
  decision_id: number | null
  predecessor_id: number | null
  start_date: string | null
  end_date: string | null
  extension_months: number | null
  extension_text: string | null
  extension_taken_months: Generated<number>
  break_notice_months: number | null
  created_at: Generated<Date>
  ended_on: string | null
  end_reason: 'expired' | 'terminated' | 'decommissioned' | null
  end_note: string | null
  successor_decision_id: number | null
}
