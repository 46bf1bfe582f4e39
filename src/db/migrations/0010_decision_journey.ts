import { sql, type Kysely } from 'kysely'

/**
 * The officer's decision journey: which task-list sections the officer has marked as completed, and the
 * appendices uploaded to a decision (each public or withheld under an exemption).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    create table decision_tasks_completed (
      decision_id bigint not null references decisions(id) on delete cascade,
      task text not null check (task in ('areas', 'awards', 'contributions', 'appendices', 'classification', 'links')),
      primary key (decision_id, task)
    );
    create table decision_appendices (
      id bigint generated always as identity primary key,
      decision_id bigint not null references decisions(id) on delete cascade,
      title text not null check (length(title) between 1 and 300),
      file_name text not null,
      media_type text not null,
      size_bytes bigint not null check (size_bytes > 0),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      content bytea not null,
      withheld boolean not null default false,
      exemption text,
      created_at timestamptz not null default now(),
      check (withheld = (exemption is not null))
    );
    create index decision_appendices_decision on decision_appendices (decision_id);
  `,
    )
    .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`drop table decision_appendices; drop table decision_tasks_completed;`).execute(db)
}
