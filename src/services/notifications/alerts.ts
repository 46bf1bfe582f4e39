import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { z } from 'zod'
import type { Database } from '../../db/database.ts'
import { OutboxRepository } from '../../db/repositories/notifications/outbox.ts'
import { homeOffice } from '../../db/repositories/notifications/recipients.ts'
import {
  SubscriptionRepository,
  searchTarget,
  type AlertSubscription,
  type SavedSearch,
} from '../../db/repositories/notifications/subscriptions.ts'
import type { AlertKind } from '../../db/tables/notifications.ts'
import { financialYear } from '../../domain/financial-year.ts'
import { alertFooter } from './alert-wording.ts'
import { publicAreaBySlug, publicOrganisationBySlug } from '../../db/repositories/public-subjects.ts'

/** An unconfirmed address is deleted, and its confirmation link stops working, after this many days. */
export const CONFIRMATION_DAYS = 7
/** Asking again for the same alert within this time sends no second confirmation email. */
const RESEND_AFTER_MS = 10 * 60_000

export type AlertTarget =
  | { kind: 'office'; officeId: number }
  | { kind: 'provider'; slug: string }
  | { kind: 'area'; slug: string }
  | { kind: 'search'; search: SavedSearch }

export interface ResolvedTarget {
  kind: AlertKind
  target: string
  /** What the alert is about, as a sentence ends: "decisions of …". */
  label: string
  /** The office the emails come from, when the alert is about one. */
  officeId: number | null
}

export class AlertError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message)
  }
}

const emailSchema = z
  .string()
  .trim()
  .min(1, { message: 'Enter your email address' })
  .max(320, { message: 'Email address must be 320 characters or fewer' })
  .pipe(z.email({ message: 'Enter an email address in the correct format, like name@example.com' }))

const hash = (token: string) => createHash('sha256').update(token).digest('hex')
const newToken = () => randomBytes(32).toString('base64url')

/** Public email alerts: subscribe with double opt-in, confirm, unsubscribe (which deletes the address). */
export class AlertService {
  private readonly subscriptions: SubscriptionRepository

  constructor(private readonly database: Database) {
    this.subscriptions = new SubscriptionRepository(database.db)
  }

  /** What an alert would be about, or undefined when there is no such public office, provider or area. */
  async resolve(target: AlertTarget): Promise<ResolvedTarget | undefined> {
    const db = this.database.db
    if (target.kind === 'office') {
      const office = await db
        .selectFrom('offices as f')
        .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
        .select(['o.id', 'o.name'])
        .where('o.id', '=', target.officeId)
        .executeTakeFirst()
      return (
        office && {
          kind: 'office',
          target: String(office.id),
          label: `decisions of ${office.name}`,
          officeId: office.id,
        }
      )
    }
    if (target.kind === 'provider') {
      const org = await publicOrganisationBySlug(db, target.slug)
      return (
        org && {
          kind: 'provider',
          target: String(org.id),
          label: `decisions with awards to ${org.name}`,
          officeId: null,
        }
      )
    }
    if (target.kind === 'area') {
      const area = await publicAreaBySlug(db, target.slug)
      return area && { kind: 'area', target: String(area.id), label: `decisions about ${area.name}`, officeId: null }
    }
    const { q, office, year } = target.search
    let officeName: string | undefined
    if (office) {
      const resolved = await this.resolve({ kind: 'office', officeId: office })
      if (!resolved) return undefined
      officeName = resolved.label.replace(/^decisions of /, '')
    }
    const parts = [q ? `decisions matching “${q}”` : 'all decisions']
    if (officeName) parts.push(`of ${officeName}`)
    if (year) parts.push(`in ${financialYear(year).label}`)
    return { kind: 'search', target: searchTarget(target.search), label: parts.join(' '), officeId: office ?? null }
  }

  /**
   * Asks for an alert: a new address gets a confirmation email and nothing else until it confirms. Asking again
   * changes nothing for a confirmed alert, and re-sends the confirmation (at most every ten minutes) for one not
   * yet confirmed: the answer is the same either way, so it tells nobody who is subscribed.
   */
  async subscribe(emailInput: unknown, resolved: ResolvedTarget): Promise<void> {
    const parsed = emailSchema.safeParse(emailInput)
    if (!parsed.success) throw new AlertError(parsed.error.issues[0]!.message, 'email')
    const email = parsed.data
    const confirmToken = newToken()
    await this.database.transaction(async (trx) => {
      const existing = await this.subscriptions.findByTarget(trx, email, resolved.kind, resolved.target)
      if (existing?.confirmed_at) return
      if (existing && Date.now() - existing.confirmation_sent_at.getTime() < RESEND_AFTER_MS) return
      let subscription: Pick<AlertSubscription, 'id' | 'label' | 'unsubscribe_token'>
      if (existing) {
        await this.subscriptions.renewConfirmation(trx, existing.id, hash(confirmToken))
        subscription = existing
      } else {
        const unsubscribeToken = newToken()
        const id = await this.subscriptions.create(trx, {
          email,
          kind: resolved.kind,
          target: resolved.target,
          label: resolved.label,
          confirmHash: hash(confirmToken),
          unsubscribeToken,
        })
        subscription = { id, label: resolved.label, unsubscribe_token: unsubscribeToken }
      }
      const sender = resolved.officeId
        ? ((await trx.selectFrom('organisations').select('name').where('id', '=', resolved.officeId).executeTakeFirst())
            ?.name ?? 'Commissioning Register')
        : ((await homeOffice(trx))?.name ?? 'Commissioning Register')
      await new OutboxRepository(trx).enqueue(trx, {
        idempotencyKey: `alert-confirm:${subscription.id}:${hash(confirmToken)}`,
        kind: 'alert_confirmation',
        recipient: email,
        subscriptionId: subscription.id,
        senderName: sender,
        subject: 'Confirm your email alert',
        body: {
          paragraphs: [
            `Someone, probably you, asked for emails about ${resolved.label}.`,
            `Confirm that you want these emails. The link works for ${CONFIRMATION_DAYS} days.`,
            `If you did not ask for them, ignore this email: your address will be deleted in ${CONFIRMATION_DAYS} days.`,
          ],
          link: { text: 'Confirm your email alert', path: `/alerts/confirm/${confirmToken}` },
          ...alertFooter(subscription),
        },
        link: `/alerts/confirm/${confirmToken}`,
        unsubscribePath: `/alerts/unsubscribe/${subscription.unsubscribe_token}`,
      })
    })
  }

  /** The subscription a confirmation link names, while the link still works. */
  async findByConfirmToken(token: string): Promise<AlertSubscription | undefined> {
    const subscription = await this.subscriptions.findByConfirmHash(hash(token))
    if (!subscription) return undefined
    const age = Date.now() - subscription.created_at.getTime()
    if (!subscription.confirmed_at && age > CONFIRMATION_DAYS * 24 * 60 * 60_000) return undefined
    return subscription
  }

  async confirm(token: string): Promise<AlertSubscription | undefined> {
    const subscription = await this.findByConfirmToken(token)
    if (subscription) await this.subscriptions.confirm(subscription.id)
    return subscription
  }

  findByUnsubscribeToken(token: string): Promise<AlertSubscription | undefined> {
    return this.subscriptions.findByUnsubscribeToken(token)
  }

  /** Deletes the subscription and its address; true when there was one. */
  async unsubscribe(token: string): Promise<AlertSubscription | undefined> {
    const subscription = await this.subscriptions.findByUnsubscribeToken(token)
    if (subscription) await this.subscriptions.delete(subscription.id)
    return subscription
  }

  /** Deletes the addresses that were never confirmed within CONFIRMATION_DAYS. */
  async purgeUnconfirmed(now = new Date()): Promise<number> {
    const result = await this.database.db
      .deleteFrom('alert_subscriptions')
      .where('confirmed_at', 'is', null)
      .where('created_at', '<', sql<Date>`${now}::timestamptz - ${`${CONFIRMATION_DAYS} days`}::interval`)
      .executeTakeFirst()
    return Number(result.numDeletedRows)
  }
}
