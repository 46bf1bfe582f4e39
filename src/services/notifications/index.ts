import type { Database } from '../../db/database.ts'
import { OutboxRepository, OUTBOX_PAGE_SIZE, type OutboxMessage } from '../../db/repositories/notifications/outbox.ts'
import { preferencesOf, savePreferences } from '../../db/repositories/notifications/recipients.ts'
import type { OutboxStatus } from '../../db/tables/notifications.ts'
import { renderEmail } from '../../domain/email.ts'
import {
  STAFF_NOTIFICATIONS,
  kindsForRoles,
  wantsNotification,
  type StaffNotificationKind,
} from '../../domain/notifications.ts'
import type { Role } from '../../domain/roles.ts'
import { AlertService } from './alerts.ts'

export interface PreferenceView {
  kind: StaffNotificationKind
  label: string
  hint: string
  enabled: boolean
}

export const OUTBOX_FILTERS: Record<string, OutboxStatus[] | null> = {
  all: null,
  waiting: ['waiting', 'sending'],
  sent: ['sent'],
  logged: ['logged'],
  failed: ['failed'],
}

/** Notifications: the outbox as administrators see it, each person's choices, and public alerts. */
export class NotificationService {
  private readonly outbox: OutboxRepository
  readonly alerts: AlertService

  constructor(
    private readonly database: Database,
    private readonly options: { publicBaseUrl: string } = { publicBaseUrl: 'http://localhost:3000' },
  ) {
    this.outbox = new OutboxRepository(database.db)
    this.alerts = new AlertService(database)
  }

  async outboxPage(filter: string, page: number) {
    const statuses = OUTBOX_FILTERS[filter] ?? null
    const [counts, messages] = await Promise.all([this.outbox.counts(), this.outbox.list(statuses, page)])
    return { counts, messages, page, pageSize: OUTBOX_PAGE_SIZE }
  }

  async message(id: number): Promise<(OutboxMessage & { text: string }) | undefined> {
    const message = await this.outbox.findById(id)
    return message && { ...message, text: renderEmail(message.body, this.options.publicBaseUrl).text }
  }

  retry(id: number): Promise<boolean> {
    return this.outbox.retry(id)
  }

  async preferences(userId: number, roles: readonly Role[]): Promise<PreferenceView[]> {
    const choices = await preferencesOf(this.database.db, userId)
    return kindsForRoles(roles).map((kind) => ({
      kind,
      label: STAFF_NOTIFICATIONS[kind].label,
      hint: STAFF_NOTIFICATIONS[kind].hint,
      enabled: wantsNotification(kind, roles, choices),
    }))
  }

  /** Saves a person's choices: each notification meant for their roles is on when it is in `enabled`. */
  async savePreferences(userId: number, roles: readonly Role[], enabled: readonly string[]): Promise<void> {
    await this.database.transaction((trx) =>
      savePreferences(
        trx,
        userId,
        kindsForRoles(roles).map((kind) => ({ kind, enabled: enabled.includes(kind) })),
      ),
    )
  }
}
