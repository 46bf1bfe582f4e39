import { sql, type Kysely } from 'kysely'

/**
 * Published heads of the audit log: the entry count and the hash of the last entry at a moment, shown on a
 * public page and in a feed so that a chain rewritten or cut short afterwards no longer matches them.
 * Append-only, like the log itself.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    create table audit_heads (
      id bigint generated always as identity primary key,
      published_at timestamptz not null default now(),
      entries bigint not null check (entries >= 0),
      last_entry_id bigint,
      head_hash text not null check (head_hash ~ '^[0-9a-f]{64}$')
    );
    create function audit_heads_are_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_heads is append-only: % is not allowed', tg_op;
    end $$;
    create trigger audit_heads_append_only before update or delete on audit_heads
      for each row execute function audit_heads_are_append_only();
  `,
    )
    .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    drop table audit_heads;
    drop function audit_heads_are_append_only();
  `,
    )
    .execute(db)
}
