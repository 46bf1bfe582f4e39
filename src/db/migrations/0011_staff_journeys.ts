import { sql, type Kysely } from 'kysely'

/**
 * Staff journeys: a service's end and the decision commissioning its successor; a password that must be
 * changed at the next sign-in; organisation merges kept so that one can be undone; and an FOI request's
 * clarification question and reply.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    alter table services add column ended_on date;
    alter table services add column end_reason text check (end_reason in ('expired', 'terminated', 'decommissioned'));
    alter table services add column end_note text;
    alter table services add column successor_decision_id bigint references decisions(id);
    alter table services add constraint services_end_recorded check ((ended_on is null) = (end_reason is null));
    alter table services add constraint services_ended_after_start check (ended_on is null or start_date is null or ended_on >= start_date);

    alter table users add column must_change_password boolean not null default false;

    create table organisation_merges (
      id bigint generated always as identity primary key,
      source_id bigint not null references organisations(id),
      target_id bigint not null references organisations(id),
      moved jsonb not null,
      merged_by bigint references users(id),
      merged_at timestamptz not null default now(),
      undone_by bigint references users(id),
      undone_at timestamptz,
      check (source_id <> target_id)
    );
    create index organisation_merges_source on organisation_merges (source_id);

    alter table foi_requests add column clarification_question text;
    alter table foi_requests add column clarification_reply text;
  `,
    )
    .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    alter table foi_requests drop column clarification_reply;
    alter table foi_requests drop column clarification_question;
    drop table organisation_merges;
    alter table users drop column must_change_password;
    alter table services drop constraint services_ended_after_start;
    alter table services drop constraint services_end_recorded;
    alter table services drop column successor_decision_id;
    alter table services drop column end_note;
    alter table services drop column end_reason;
    alter table services drop column ended_on;
  `,
    )
    .execute(db)
}
