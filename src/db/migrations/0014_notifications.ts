import { sql, type Kysely } from 'kysely'

/**
 * Email notifications. The outbox holds every message, written in the transaction of the event that
 * causes it (its idempotency key is unique, so one event gives one message per recipient), until a worker
 * sends it (the body is kept as structured content, rendered as text and HTML with the public address when sent) with retries and back-off. Staff choose which notifications they get (a row only where a choice
 * differs from the default for their roles). Public alert subscriptions hold the subscriber's address only
 * while subscribed, the confirmation token only as a SHA-256 hash (the unsubscribe token goes in every email, so it is
 * kept); unsubscribing deletes the row and, by cascade,
 * every message to it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    create table alert_subscriptions (
      id bigint generated always as identity primary key,
      email text not null check (length(email) between 3 and 320),
      kind text not null check (kind in ('office', 'provider', 'area', 'search')),
      target text not null,
      label text not null,
      confirm_token_hash text not null unique check (confirm_token_hash ~ '^[0-9a-f]{64}$'),
      unsubscribe_token text not null unique check (length(unsubscribe_token) >= 32),
      confirmed_at timestamptz,
      confirmation_sent_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      unique (email, kind, target)
    );
    create index alert_subscriptions_target on alert_subscriptions (kind, target) where confirmed_at is not null;

    create table outbox_messages (
      id bigint generated always as identity primary key,
      idempotency_key text not null unique,
      kind text not null,
      recipient text not null,
      recipient_user_id bigint references users(id) on delete set null,
      subscription_id bigint references alert_subscriptions(id) on delete cascade,
      sender_name text not null,
      subject text not null,
      body jsonb not null,
      link text,
      unsubscribe_path text,
      status text not null default 'waiting' check (status in ('waiting', 'sending', 'sent', 'logged', 'failed')),
      attempts integer not null default 0 check (attempts >= 0),
      next_attempt_at timestamptz not null default now(),
      claimed_until timestamptz,
      last_error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    );
    create index outbox_messages_due on outbox_messages (next_attempt_at) where status in ('waiting', 'sending');
    create index outbox_messages_status on outbox_messages (status, created_at desc);

    create table notification_preferences (
      user_id bigint not null references users(id) on delete cascade,
      kind text not null,
      enabled boolean not null,
      primary key (user_id, kind)
    );
  `,
    )
    .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    drop table notification_preferences;
    drop table outbox_messages;
    drop table alert_subscriptions;
  `,
    )
    .execute(db)
}
