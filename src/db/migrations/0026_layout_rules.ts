import { sql, type Kysely } from 'kysely'

/**
 * Rules learned from reviewers' corrections, one per office, layout and field: where in a document of that
 * layout the right value is (the label on its line, the label on the line before it, its position among the
 * lines, or a kind the layout always is). A rule holds the layout's label words or a position, never the value
 * the reviewer typed, so it keeps nothing about the people a document names.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table layout_rules (
      id bigint generated always as identity primary key,
      office_id bigint not null references offices(organisation_id) on delete cascade,
      fingerprint text not null check (fingerprint ~ '^[0-9a-f]{16}$'),
      field text not null check (field in ('kind', 'reference', 'title', 'decision_date', 'total_amount')),
      rule jsonb not null,
      learned_from_decision_id bigint references decisions(id) on delete set null,
      learned_by bigint references users(id) on delete set null,
      learned_at timestamptz not null default now(),
      unique (office_id, fingerprint, field)
    )`.execute(db)
}
