import { type FoiRequestRecord, type FoiRequestRow } from '../../db/repositories/foi/foi.ts'
import { type FoiClock, type PublicationDelay, type ReviewDeadlines } from '../../domain/foi-clock.ts'
import { type FoiAction, type FoiChannel } from '../../domain/foi.ts'
import { type AuditRow } from '../audit/audit.ts'
import { findRequesterIn, type PublishableText } from './personal-data.ts'

export class FoiNotFoundError extends Error {}

export interface NewFoiRequestInput {
  /** Null: the next reference in the office's format. */
  reference: string | null
  receivedOn: string
  channel: FoiChannel
  requesterName: string
  requesterContact: string
  summary: string | null
  questions: string[]
}

export interface AnswerInput {
  question: string
  answer: string | null
  exemption: string | null
  registerLink: string | null
}

export interface FoiRequestDetail extends FoiRequestRecord {
  clock: FoiClock
  review: ReviewDeadlines | null
  publication: PublicationDelay | null
  actions: FoiAction[]
  publishable: boolean
  unanswered: number
  history: AuditRow[]
}

/**
 * What the audit log keeps of a request: everything but the requester's name and contact, which the
 * retention job must be able to delete for good.
 */
export function auditSnapshot(request: FoiRequestRow): Record<string, unknown> {
  const { requester_name, requester_contact, ...rest } = request
  return { ...rest, requester_name_held: requester_name !== null, requester_contact_held: requester_contact !== null }
}

export function clockDates(r: FoiRequestRow) {
  return {
    receivedOn: r.received_on,
    clarificationSoughtOn: r.clarification_sought_on,
    clarificationReceivedOn: r.clarification_received_on,
    extendedDeadline: r.extended_deadline,
    answeredOn: r.answered_on,
  }
}

export function actionState(r: FoiRequestRow) {
  return {
    status: r.status,
    clarificationSoughtOn: r.clarification_sought_on,
    answeredOn: r.answered_on,
    reviewRequestedOn: r.review_requested_on,
  }
}

export function answered(q: { answer: string | null; exemption: string | null }): boolean {
  return Boolean(q.answer?.trim()) || Boolean(q.exemption)
}

export function pick(q: {
  question: string
  answer: string | null
  exemption: string | null
  register_link: string | null
}) {
  return { question: q.question, answer: q.answer, exemption: q.exemption, register_link: q.register_link }
}

/** A sentence saying which part of the requester's name or contact appears where in what would be published, or null. */
export function personalDataIn(record: FoiRequestRecord): string | null {
  const texts: PublishableText[] = [{ place: 'the summary', text: record.request.summary }]
  record.questions.forEach((q, index) =>
    texts.push(
      { place: `question ${index + 1}`, text: q.question },
      { place: `the answer to question ${index + 1}`, text: q.answer },
    ),
  )
  return findRequesterIn(texts, record.request.requester_name, record.request.requester_contact)
}
