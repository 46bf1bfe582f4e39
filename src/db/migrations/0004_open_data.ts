import { sql, type Kysely } from 'kysely'

/**
 * Indexes for the open-data API: its lists run newest id first, so each common filter gets an index that
 * yields matching public decisions in id order. The financial-year expression is the one in
 * src/services/open-data/public-scope.ts (decisionFinancialYear), written identically so the planner uses it.
 */
const PUBLIC = `status in ('published', 'imported') and review_status = 'reviewed'`
const YEAR = `((extract(year from coalesce(date_decided, date_received)))::integer - (case when extract(month from coalesce(date_decided, date_received)) < 4 then 1 else 0 end))`

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    create index decisions_api_year on decisions ((${YEAR}), id desc) where ${PUBLIC};
    create index decisions_api_office on decisions (office_id, id desc) where ${PUBLIC};
    create index decisions_api_office_year on decisions (office_id, (${YEAR}), id desc) where ${PUBLIC};
    create index awards_api_recipient on awards (recipient_id, id desc);
    create index awards_api_stream on awards (funding_stream_id, id desc);
    create index awards_api_via on awards (via_id, id desc);
    create index foi_requests_api_published on foi_requests (id desc) where published_on is not null and answered_on is not null;
  `,
    )
    .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    drop index decisions_api_year, decisions_api_office, decisions_api_office_year, awards_api_recipient, awards_api_stream, awards_api_via, foi_requests_api_published;
  `,
    )
    .execute(db)
}
