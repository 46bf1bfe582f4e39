import { sql, type Kysely } from 'kysely'

/**
 * Import review: an Error finding is acknowledged before its record can be confirmed. The finding keeps
 * who acknowledged it, when, and the reason they gave for confirming the record as it stands.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    alter table findings
      add column acknowledged_by bigint references users(id),
      add column acknowledged_by_label text,
      add column acknowledged_at timestamptz,
      add column acknowledgement text check (acknowledgement is null or length(acknowledgement) between 1 and 1000);
  `,
    )
    .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    alter table findings
      drop column acknowledgement,
      drop column acknowledged_at,
      drop column acknowledged_by_label,
      drop column acknowledged_by;
  `,
    )
    .execute(db)
}
