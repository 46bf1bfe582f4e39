import type { Transaction } from 'kysely'
import { OutboxRepository } from '../../db/repositories/notifications/outbox.ts'
import { officeName } from '../../db/repositories/notifications/recipients.ts'
import { SubscriptionRepository, type AlertSubscription } from '../../db/repositories/notifications/subscriptions.ts'
import type { DB } from '../../db/tables/index.ts'
import { formatUkDate } from '../../domain/uk-date.ts'
import { alertFooter } from './alert-wording.ts'

/**
 * The public alerts a published decision causes, queued in the transaction that publishes it: one email per
 * address (however many of its subscriptions match), with the one-click unsubscribe link of the first. A
 * confidential decision is told as the register shows it: reference, title and date only.
 */
export async function queueAlertsForPublication(trx: Transaction<DB>, decisionId: number): Promise<number> {
  const subscriptions = await new SubscriptionRepository(trx).matching(trx, decisionId)
  if (subscriptions.length === 0) return 0
  const decision = await trx
    .selectFrom('decisions')
    .select(['id', 'office_id', 'reference', 'title', 'slug', 'classification', 'date_decided', 'date_published'])
    .where('id', '=', decisionId)
    .executeTakeFirstOrThrow()
  const sender = await officeName(trx, decision.office_id)
  const byAddress = new Map<string, AlertSubscription>()
  for (const s of subscriptions) if (!byAddress.has(s.email.toLowerCase())) byAddress.set(s.email.toLowerCase(), s)
  const outbox = new OutboxRepository(trx)
  const named = decision.reference ? `${decision.reference}: ${decision.title}` : decision.title
  const dated = decision.date_decided ? ` It was decided on ${formatUkDate(decision.date_decided)}.` : ''
  for (const subscription of byAddress.values()) {
    await outbox.enqueue(trx, {
      idempotencyKey: `alert:decision:${decision.id}:subscription:${subscription.id}`,
      kind: 'alert',
      recipient: subscription.email,
      subscriptionId: subscription.id,
      senderName: sender,
      subject: `New decision: ${named}`,
      body: {
        paragraphs: [
          `${sender} has published a decision on its register: ${named}.${dated}`,
          ...(decision.classification === 'confidential'
            ? ['This decision is confidential: the register shows only its reference, title and dates.']
            : []),
        ],
        link: { text: 'Read the decision', path: `/decisions/${decision.slug}` },
        ...alertFooter(subscription),
      },
      link: `/decisions/${decision.slug}`,
      unsubscribePath: `/alerts/unsubscribe/${subscription.unsubscribe_token}`,
    })
  }
  return byAddress.size
}
