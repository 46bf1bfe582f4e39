import { sql, type Kysely } from 'kysely'

/** The tables whose rows public figures are computed from: a change to any of them gives the data a new state. */
const PUBLIC_FIGURE_SOURCES = [
  'ledger_awards',
  'ledger_years',
  'ledger_flow',
  'decisions',
  'awards',
  'contributions',
  'organisations',
  'areas',
  'services',
  'service_providers',
  'service_areas',
  'decision_areas',
  'funding_streams',
  'funding_stream_receipts',
  'funding_stream_match_funding',
  'spend_payments',
  'spend_payment_parts',
]

/**
 * Two things for the public pages' hot paths:
 *
 * - An index of the few withheld awards: every public list asks whether a decision has one, and without the index
 *   PostgreSQL answers by reading every award.
 * - `public_figures_state`: one row whose token changes with every statement that changes a table public figures
 *   are computed from, so that a figure computed over the whole register can be kept until the token changes
 *   (src/services/shared/public-figures-memo.ts). A token rather than a counter: a restored backup brings back the
 *   token of the data it holds.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index awards_withheld_decision on awards (decision_id) where withheld`.execute(db)
  await sql`create table public_figures_state (id boolean primary key default true check (id), token text not null)`.execute(
    db,
  )
  await sql`
    create function public_figures_changed() returns trigger language plpgsql as $$
    begin
      insert into public_figures_state (id, token) values (true, gen_random_uuid()::text)
        on conflict (id) do update set token = excluded.token;
      return null;
    end
    $$`.execute(db)
  for (const table of PUBLIC_FIGURE_SOURCES)
    await sql
      .raw(
        `create trigger ${table}_public_figures after insert or update or delete or truncate on ${table} for each statement execute function public_figures_changed()`,
      )
      .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of PUBLIC_FIGURE_SOURCES)
    await sql.raw(`drop trigger if exists ${table}_public_figures on ${table}`).execute(db)
  await sql`drop function if exists public_figures_changed()`.execute(db)
  await sql`drop table if exists public_figures_state`.execute(db)
  await sql`drop index if exists awards_withheld_decision`.execute(db)
}
