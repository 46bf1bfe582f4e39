import { type Kysely, type Selectable, type Transaction } from 'kysely'
import type { FoiChannel, FoiOutcome, FoiStatus } from '../../../domain/foi.ts'
import type { DB, FoiQuestionsTable, FoiRequestsTable } from '../../tables/index.ts'

export type Handle = Kysely<DB> | Transaction<DB>

export type FoiRequestRow = Selectable<FoiRequestsTable>
export type FoiQuestionRow = Omit<Selectable<FoiQuestionsTable>, 'search'>

export interface FoiRequestRecord {
  request: FoiRequestRow
  officeName: string
  officeShortName: string
  questions: FoiQuestionRow[]
}

export interface NewFoiRequest {
  officeId: number
  reference: string
  receivedOn: string
  channel: FoiChannel
  requesterName: string | null
  requesterContact: string | null
  summary: string | null
  status?: FoiStatus
  outcome?: FoiOutcome | null
  answeredOn?: string | null
  publishedOn?: string | null
  decisionId?: number | null
  questions: Array<{
    question: string
    answer?: string | null
    exemption?: string | null
    registerLink?: string | null
  }>
}

/** A request as the public may see it: no requester, no internal notes. */
export interface PublicFoiRequest {
  id: number
  slug: string
  reference: string
  officeName: string
  summary: string | null
  receivedOn: string
  answeredOn: string
  publishedOn: string
  outcome: FoiOutcome | null
  decisionSlug: string | null
  questionCount: number
  firstQuestion: string | null
}

export interface PublicFoiQuestion {
  position: number
  question: string
  answer: string | null
  exemption: string | null
  registerLink: string | null
}

/** The dates and state the dashboard needs of a request; never the requester. */
export interface FoiClockRow {
  id: number
  reference: string
  summary: string | null
  status: FoiStatus
  receivedOn: string
  clarificationSoughtOn: string | null
  clarificationReceivedOn: string | null
  extendedDeadline: string | null
  answeredOn: string | null
  publishedOn: string | null
  reviewRequestedOn: string | null
  reviewCompletedOn: string | null
}

export const QUESTION_COLUMNS = [
  'id',
  'request_id',
  'position',
  'question',
  'answer',
  'exemption',
  'register_link',
] as const

export const CLOCK_COLUMNS = [
  'r.id',
  'r.reference',
  'r.summary',
  'r.status',
  'r.received_on as receivedOn',
  'r.clarification_sought_on as clarificationSoughtOn',
  'r.clarification_received_on as clarificationReceivedOn',
  'r.extended_deadline as extendedDeadline',
  'r.answered_on as answeredOn',
  'r.published_on as publishedOn',
  'r.review_requested_on as reviewRequestedOn',
  'r.review_completed_on as reviewCompletedOn',
] as const

export const FOI_SCOPE_PREFIX = 'foi:'

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}
