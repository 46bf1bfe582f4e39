import { sql, type Kysely } from 'kysely'

/**
 * Indexes for the public register's search, whose conditions were unindexed (a search scanned every decision
 * and built a text vector per award for each). Each expression here is written exactly as the search writes it
 * (src/db/repositories/decisions/decision-search.ts), because PostgreSQL uses an expression index only for the
 * same expression: the names of awards, areas and services, the text of imported published documents, and a
 * decision's reference with its punctuation taken out (trigrams, so "036" finds "PCC/036/18").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    create index awards_search on awards using gin (to_tsvector('english', recipient_name || ' ' || coalesce(purpose, '')));
    create index areas_search on areas using gin (to_tsvector('english', name));
    create index services_search on services using gin (to_tsvector('english', name || ' ' || coalesce(description, '')));
    create index documents_search on documents using gin (to_tsvector('english', coalesce(text, '')));
    create index decisions_reference_trgm on decisions
      using gin ((regexp_replace(lower(coalesce(reference, '')), '[^a-z0-9]', '', 'g')) gin_trgm_ops);
  `,
    )
    .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    drop index if exists decisions_reference_trgm;
    drop index if exists documents_search;
    drop index if exists services_search;
    drop index if exists areas_search;
    drop index if exists awards_search;
  `,
    )
    .execute(db)
}
