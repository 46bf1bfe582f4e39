import type { Generated, GeneratedAlways, JSONColumnType } from 'kysely'
import type { EmailContent } from '../../domain/email.ts'

export type OutboxStatus = 'waiting' | 'sending' | 'sent' | 'logged' | 'failed'
export type AlertKind = 'office' | 'provider' | 'area' | 'search'

export interface OutboxMessagesTable {
  id: GeneratedAlways<number>
  idempotency_key: string
  kind: string
  recipient: string
  recipient_user_id: number | null
  subscription_id: number | null
  sender_name: string
  subject: string
  body: JSONColumnType<EmailContent>
  link: string | null
  unsubscribe_path: string | null
  status: Generated<OutboxStatus>
  attempts: Generated<number>
  next_attempt_at: Generated<Date>
  claimed_until: Date | null
  last_error: string | null
  created_at: Generated<Date>
  sent_at: Date | null
}

export interface AlertSubscriptionsTable {
  id: GeneratedAlways<number>
  email: string
  kind: AlertKind
  target: string
  label: string
  confirm_token_hash: string
  unsubscribe_token: string
  confirmed_at: Date | null
  confirmation_sent_at: Generated<Date>
  created_at: Generated<Date>
}

export interface NotificationPreferencesTable {
  user_id: number
  kind: string
  enabled: boolean
}
