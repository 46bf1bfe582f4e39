import type { Transaction } from 'kysely'
import { OutboxRepository } from '../../db/repositories/notifications/outbox.ts'
import type { StaffRecipient } from '../../db/repositories/notifications/recipients.ts'
import type { DB } from '../../db/tables/index.ts'
import type { EmailContent } from '../../domain/email.ts'
import { STAFF_NOTIFICATIONS, type StaffNotificationKind } from '../../domain/notifications.ts'

export const PREFERENCES_LINK = { text: 'Choose which emails you get', path: '/staff/notifications/preferences' }

export function preferenceFooter(kind: StaffNotificationKind): string[] {
  return [`You get this email because “${STAFF_NOTIFICATIONS[kind].label}” is on in your email preferences.`]
}

/** What a staff email says; the footer saying why the person gets it, and its preferences link, are added. */
export type StaffContent = Omit<EmailContent, 'footer' | 'footerLink'>

/** One staff email, the same for each person it goes to. */
export interface StaffMessage {
  /** Names the event: each person's copy is keyed `${eventKey}:user:${their id}`, so an event queued twice gives one. */
  eventKey: string
  kind: StaffNotificationKind
  senderName: string
  subject: string
  content: StaffContent
}

/**
 * Queues a staff email to each person in the transaction of its event; the message links to the page its
 * button opens. Returns how many were newly queued.
 */
export async function queueToStaff(
  trx: Transaction<DB>,
  people: readonly StaffRecipient[],
  message: StaffMessage,
): Promise<number> {
  const { eventKey, kind, senderName, subject, content } = message
  const body: EmailContent = { ...content, footer: preferenceFooter(kind), footerLink: PREFERENCES_LINK }
  const outbox = new OutboxRepository(trx)
  let queued = 0
  for (const person of people) {
    const added = await outbox.enqueue(trx, {
      idempotencyKey: `${eventKey}:user:${person.id}`,
      kind,
      recipient: person.email,
      recipientUserId: person.id,
      senderName,
      subject,
      body,
      link: body.link?.path ?? null,
    })
    if (added) queued++
  }
  return queued
}
