import { sql, type Kysely } from 'kysely'

/**
 * Import: each stored document keeps the record the extraction made of it (with the source line of each
 * value), so a reviewer sees where every value came from; imported records are found by their document.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    alter table documents add column extraction jsonb;
    create index decisions_source_document on decisions (source_document_id);
    create index decisions_awaiting_review on decisions (created_at) where review_status = 'unreviewed';
  `,
    )
    .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    drop index decisions_awaiting_review, decisions_source_document;
    alter table documents drop column extraction;
  `,
    )
    .execute(db)
}
