import { sql, type Kysely } from 'kysely'

/**
 * Funding stream conditions: the grant's period, the date its money must be spent by, what it is ring-fenced to
 * (service types and named ring-fences such as ISVA or IDVA), the grant agreement's reference, whether the money
 * is confirmed or only expected, and the match funding it requires per financial year and from whom. The free-text
 * `conditions` and the `match_funding_required` flag stay as they were: old streams keep them unchanged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    alter table funding_streams
      add column grant_start date,
      add column grant_end date,
      add column spend_by date,
      add column agreement_reference text check (agreement_reference is null or length(agreement_reference) <= 200),
      add column funding_status text not null default 'confirmed' check (funding_status in ('confirmed', 'expected')),
      add column ring_fenced_service_types text[] not null default '{}',
      add column ring_fence_names text[] not null default '{}',
      add constraint funding_streams_grant_period check (grant_end is null or grant_start is null or grant_end >= grant_start);

    create table funding_stream_match_funding (
      id bigint generated always as identity primary key,
      funding_stream_id bigint not null references funding_streams(id) on delete cascade,
      financial_year integer not null check (financial_year between 1990 and 2100),
      from_organisation_id bigint references organisations(id),
      from_name text not null check (length(trim(from_name)) between 1 and 300),
      amount_pence bigint check (amount_pence >= 0),
      share_percent integer check (share_percent between 1 and 100),
      check ((amount_pence is null) <> (share_percent is null)),
      unique (funding_stream_id, financial_year, from_name)
    );
    create index funding_stream_match_funding_stream on funding_stream_match_funding (funding_stream_id);
  `,
    )
    .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    drop table funding_stream_match_funding;
    alter table funding_streams
      drop constraint funding_streams_grant_period,
      drop column grant_start, drop column grant_end, drop column spend_by, drop column agreement_reference,
      drop column funding_status, drop column ring_fenced_service_types, drop column ring_fence_names;
  `,
    )
    .execute(db)
}
