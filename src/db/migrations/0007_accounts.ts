import { sql, type Kysely } from 'kysely'

/**
 * Accounts: sign-in attempts counted per email address in one row updated atomically (known or not, so
 * the count reveals nothing), token expiry, who edited each decision (editors may not sign it), and the
 * officer a draft was handed to.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    create table sign_in_attempts (
      email_hash text primary key check (email_hash ~ '^[0-9a-f]{64}$'),
      attempts integer not null check (attempts >= 0),
      window_started timestamptz not null
    );
    create index sign_in_attempts_window_started on sign_in_attempts (window_started);

    alter table api_tokens add column expires_at timestamptz;
    update api_tokens set expires_at = created_at + interval '90 days';
    alter table api_tokens alter column expires_at set not null;

    create table decision_editors (
      decision_id bigint not null references decisions(id) on delete cascade,
      user_id bigint not null references users(id) on delete cascade,
      primary key (decision_id, user_id)
    );
    insert into decision_editors (decision_id, user_id)
      select id, created_by from decisions where created_by is not null on conflict do nothing;

    alter table decisions add column held_by bigint references users(id);
  `,
    )
    .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    alter table decisions drop column held_by;
    drop table decision_editors;
    alter table api_tokens drop column expires_at;
    drop table sign_in_attempts;
  `,
    )
    .execute(db)
}
