import { sql, type Kysely } from 'kysely'

/**
 * The forward plan: the decisions an office expects to take, by month. An entry is planned, taken (by the
 * decision linked to it) or dropped (with the reason and the day). Police and crime panels compare the plan
 * with the decisions taken, quarter by quarter.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    create table planned_decisions (
      id bigint generated always as identity primary key,
      office_id bigint not null references offices(organisation_id),
      title text not null check (length(title) between 1 and 300),
      expected_month date not null check (extract(day from expected_month) = 1),
      estimated_value_pence bigint check (estimated_value_pence >= 0),
      service_id bigint references services(id) on delete set null,
      key_decision boolean not null default false,
      status text not null default 'planned' check (status in ('planned', 'taken', 'dropped')),
      decision_id bigint references decisions(id),
      dropped_reason text check (length(dropped_reason) <= 1000),
      dropped_on date,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((status = 'taken') = (decision_id is not null)),
      check ((status = 'dropped') = (dropped_reason is not null and dropped_on is not null))
    );
    create index planned_decisions_office_month on planned_decisions (office_id, expected_month);
    create index planned_decisions_decision on planned_decisions (decision_id) where decision_id is not null;
  `,
    )
    .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`drop table planned_decisions;`).execute(db)
}
