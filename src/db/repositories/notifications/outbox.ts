import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { EmailContent } from '../../../domain/email.ts'
import type { DB } from '../../tables/index.ts'
import type { OutboxMessagesTable, OutboxStatus } from '../../tables/notifications.ts'

type Handle = Kysely<DB> | Transaction<DB>

export type OutboxMessage = Selectable<OutboxMessagesTable>

export interface NewMessage {
  /** Unique per event and recipient: the same event queued twice gives one message. */
  idempotencyKey: string
  kind: string
  recipient: string
  recipientUserId?: number | null
  subscriptionId?: number | null
  senderName: string
  subject: string
  body: EmailContent
  link?: string | null
  unsubscribePath?: string | null
}

export const OUTBOX_PAGE_SIZE = 50

/** The outbox: messages written in the transaction of their event, claimed and sent by a worker. */
export class OutboxRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Queues a message unless one with its key exists; true when it was queued now. */
  async enqueue(handle: Handle, message: NewMessage): Promise<boolean> {
    const row = await handle
      .insertInto('outbox_messages')
      .values({
        idempotency_key: message.idempotencyKey,
        kind: message.kind,
        recipient: message.recipient,
        recipient_user_id: message.recipientUserId ?? null,
        subscription_id: message.subscriptionId ?? null,
        sender_name: message.senderName,
        subject: message.subject,
        body: JSON.stringify(message.body),
        link: message.link ?? null,
        unsubscribe_path: message.unsubscribePath ?? null,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .executeTakeFirst()
    return row !== undefined
  }

  /**
   * Takes up to `limit` messages that are due (waiting and past their next attempt, or claimed by a worker
   * whose claim ran out, as after a crash) and claims them until `claimedUntil`, in one statement: two
   * workers never claim the same message.
   */
  async claimDue(now: Date, claimedUntil: Date, limit: number): Promise<OutboxMessage[]> {
    const result = await sql<OutboxMessage>`
      update outbox_messages set status = 'sending', claimed_until = ${claimedUntil}
      where id in (
        select id from outbox_messages
        where (status = 'waiting' and next_attempt_at <= ${now}) or (status = 'sending' and claimed_until <= ${now})
        order by next_attempt_at, id
        limit ${limit}
        for update skip locked
      )
      returning *`.execute(this.db)
    return result.rows.sort((a, b) => a.id - b.id)
  }

  /** Marks a claimed message done: sent, or (without SMTP) written to the log. Only the claim holder's update counts. */
  async markDone(id: number, status: Extract<OutboxStatus, 'sent' | 'logged'>, claimedUntil: Date): Promise<void> {
    await this.db
      .updateTable('outbox_messages')
      .set({ status, sent_at: new Date(), claimed_until: null, attempts: sql`attempts + 1`, last_error: null })
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .where('claimed_until', '=', claimedUntil)
      .execute()
  }

  /** A failed attempt: back to waiting until `nextAttemptAt`, or failed for good when `nextAttemptAt` is null. */
  async markAttemptFailed(id: number, error: string, nextAttemptAt: Date | null, claimedUntil: Date): Promise<void> {
    await this.db
      .updateTable('outbox_messages')
      .set({
        status: nextAttemptAt ? 'waiting' : 'failed',
        next_attempt_at: nextAttemptAt ?? sql`next_attempt_at`,
        claimed_until: null,
        attempts: sql`attempts + 1`,
        last_error: error.slice(0, 1000),
      })
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .where('claimed_until', '=', claimedUntil)
      .execute()
  }

  /** Puts a failed message back in the queue, to be tried again at once. */
  async retry(id: number): Promise<boolean> {
    const result = await this.db
      .updateTable('outbox_messages')
      .set({ status: 'waiting', next_attempt_at: new Date(), attempts: 0 })
      .where('id', '=', id)
      .where('status', '=', 'failed')
      .executeTakeFirst()
    return Number(result.numUpdatedRows) > 0
  }

  async counts(): Promise<Record<OutboxStatus, number>> {
    const rows = await this.db
      .selectFrom('outbox_messages')
      .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('status')
      .execute()
    const counts: Record<OutboxStatus, number> = { waiting: 0, sending: 0, sent: 0, logged: 0, failed: 0 }
    for (const row of rows) counts[row.status] = Number(row.count)
    return counts
  }

  async list(statuses: OutboxStatus[] | null, page: number): Promise<OutboxMessage[]> {
    let query = this.db.selectFrom('outbox_messages').selectAll()
    if (statuses) query = query.where('status', 'in', statuses)
    return query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(OUTBOX_PAGE_SIZE)
      .offset((page - 1) * OUTBOX_PAGE_SIZE)
      .execute()
  }

  async findById(id: number): Promise<OutboxMessage | undefined> {
    return this.db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirst()
  }
}
