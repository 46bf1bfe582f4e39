import type { Generated, GeneratedAlways } from 'kysely'

export interface FoiRequestsTable {
  id: GeneratedAlways<number>
  office_id: number
  reference: string
  received_on: string
  channel: Generated<string>
  requester_name: string | null
  requester_contact: string | null
  personal_data_deleted_at: Date | null
  status: Generated<string>
  outcome: string | null
  clarification_sought_on: string | null
  clarification_received_on: string | null
  extended_deadline: string | null
  answered_on: string | null
  published_on: string | null
  review_requested_on: string | null
  summary: string | null
  decision_id: number | null
  created_at: Generated<Date>
}
