import type { Generated, GeneratedAlways } from 'kysely'
import type { FoiChannel, FoiOutcome, FoiStatus, ReviewOutcome } from '../../domain/foi.ts'

export interface FoiRequestsTable {
  id: GeneratedAlways<number>
  office_id: number
  reference: string
  /** Set by a trigger from the office's short name and the reference. */
  slug: Generated<string | null>
  received_on: string
  channel: Generated<FoiChannel>
  requester_name: string | null
  requester_contact: string | null
  personal_data_deleted_at: Date | null
  status: Generated<FoiStatus>
  outcome: FoiOutcome | null
  clarification_sought_on: string | null
  clarification_received_on: string | null
  clarification_question: string | null
  clarification_reply: string | null
  extended_deadline: string | null
  extension_reason: string | null
  answered_on: string | null
  published_on: string | null
  review_requested_on: string | null
  review_completed_on: string | null
  review_outcome: ReviewOutcome | null
  referred_to_ico_on: string | null
  closed_on: string | null
  closure_note: string | null
  summary: string | null
  decision_id: number | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}
