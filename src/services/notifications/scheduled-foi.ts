import type { Database } from '../../db/database.ts'
import { CLOCK_COLUMNS } from '../../db/repositories/foi/foi-types.ts'
import { officeName, staffRecipients } from '../../db/repositories/notifications/recipients.ts'
import { foiClock, reviewDeadlines, type FoiDates } from '../../domain/foi-clock.ts'
import { isClockRunning, type FoiStatus } from '../../domain/foi.ts'
import { formatUkDate } from '../../domain/uk-date.ts'
import { workingDaysBetween } from '../../domain/working-days.ts'
import { queueToStaff } from './staff-messages.ts'

/** Notified this many working days before an FOI response or an internal review is due. */
export const FOI_WARNING_WORKING_DAYS = 3

interface FoiEvent {
  requestId: number
  officeId: number
  /** Unique per request, what happened and its date: the same event on another day queues nothing more. */
  event: string
  kind: 'foi_due' | 'foi_review_due'
  subject: string
  paragraphs: string[]
}

/**
 * FOI deadlines as of `today`: a response due within 3 working days, due today, or late; an internal review
 * due within 3 working days (or overdue). Each is one event per request and date, so a pass run every hour,
 * or after days with the server down, queues each email once.
 */
export async function queueFoiDeadlines(database: Database, today: string): Promise<number> {
  const rows = await database.db
    .selectFrom('foi_requests as r')
    .select([...CLOCK_COLUMNS, 'r.office_id'])
    .where('r.status', 'in', ['received', 'in_progress', 'internal_review'] satisfies FoiStatus[])
    .execute()
  const events = rows.flatMap((r) => [responseEvent(r, today), reviewEvent(r, today)].filter((e) => e !== null))
  let queued = 0
  for (const event of events) {
    await database.transaction(async (trx) => {
      const people = await staffRecipients(trx, event.kind, { roles: ['officer'], officeId: event.officeId })
      queued += await queueToStaff(trx, people, {
        eventKey: `foi:${event.requestId}:${event.event}`,
        kind: event.kind,
        senderName: await officeName(trx, event.officeId),
        subject: event.subject,
        content: {
          paragraphs: event.paragraphs,
          link: { text: 'Open the request', path: `/staff/foi/${event.requestId}` },
        },
      })
    })
  }
  return queued
}

type OpenRequest = FoiDates & {
  id: number
  office_id: number
  reference: string
  status: FoiStatus
  reviewRequestedOn: string | null
  reviewCompletedOn: string | null
}

/** A response late, due today or due within the warning's working days; nothing while the clock is stopped. */
function responseEvent(r: OpenRequest, today: string): FoiEvent | null {
  if (!isClockRunning(r.status) || r.answeredOn) return null
  const target = foiClock(r, today).target
  if (!target) return null
  const base = { requestId: r.id, officeId: r.office_id, kind: 'foi_due' as const }
  const due = formatUkDate(target)
  if (target < today)
    return {
      ...base,
      event: `late:${target}`,
      subject: `FOI request ${r.reference} is late`,
      paragraphs: [
        `The response to FOI request ${r.reference} was due on ${due} and has not been sent.`,
        'Send the response as soon as you can.',
      ],
    }
  if (target === today)
    return {
      ...base,
      event: `due-today:${target}`,
      subject: `FOI request ${r.reference} is due today`,
      paragraphs: [`The response to FOI request ${r.reference} is due today, ${due}.`],
    }
  const days = workingDaysBetween(today, target)
  if (days > FOI_WARNING_WORKING_DAYS) return null
  return {
    ...base,
    event: `due-soon:${target}`,
    subject: `FOI request ${r.reference} is due on ${due}`,
    paragraphs: [`The response to FOI request ${r.reference} is due on ${due}, in ${days} working days.`],
  }
}

/** An internal review overdue, or due within the warning's working days. */
function reviewEvent(r: OpenRequest, today: string): FoiEvent | null {
  if (r.status !== 'internal_review' || !r.reviewRequestedOn || r.reviewCompletedOn) return null
  const due = reviewDeadlines(r.reviewRequestedOn).due
  if (due >= today && workingDaysBetween(today, due) > FOI_WARNING_WORKING_DAYS) return null
  return {
    requestId: r.id,
    officeId: r.office_id,
    kind: 'foi_review_due',
    event: `review-due:${due}`,
    subject:
      due < today
        ? `The internal review of FOI request ${r.reference} is overdue`
        : `The internal review of FOI request ${r.reference} is due on ${formatUkDate(due)}`,
    paragraphs: [
      `The internal review of FOI request ${r.reference} ${due < today ? 'was' : 'is'} due on ${formatUkDate(due)}, 20 working days after it was asked for on ${formatUkDate(r.reviewRequestedOn)}.`,
    ],
  }
}
