import { sql, type Kysely } from 'kysely'

/**
 * The ledger: every award apportioned to the financial years it touches, kept in step with the awards by
 * statement-level triggers, so per-year totals are sums over an index rather than arithmetic per request.
 * The rule is the one in src/domain/ledger.ts (yearsOfAward): one-off sums and one-off ceilings split by
 * days with the largest remainder; yearly amounts in full in each year; otherwise the stated year.
 */
const ledger = `
create function financial_year_of(d date) returns integer language sql immutable as $$
  select extract(year from d)::integer - case when extract(month from d) < 4 then 1 else 0 end
$$;

create table award_year_shares (
  award_id bigint not null references awards(id) on delete cascade,
  financial_year integer not null,
  pence bigint not null check (pence >= 0),
  primary key (award_id, financial_year)
);
create index award_year_shares_year on award_year_shares (financial_year, award_id);

create function apportion_awards(ids bigint[]) returns table (award_id bigint, financial_year integer, pence bigint)
language sql stable as $$
  with chosen as (
    select id, amount_pence::numeric as amount, period_start, period_end, per_annum, up_to,
      coalesce(financial_year, financial_year_of(period_start)) as stated_year
    from awards where id = any(ids)
  ),
  spans as (
    select c.id, c.amount, c.per_annum, y.fy,
      (least(c.period_end, make_date(y.fy + 1, 3, 31)) - greatest(c.period_start, make_date(y.fy, 4, 1)) + 1)::numeric as days,
      (c.period_end - c.period_start + 1)::numeric as total
    from chosen c
    cross join lateral generate_series(financial_year_of(c.period_start), financial_year_of(c.period_end)) as y(fy)
    where c.period_start is not null and c.period_end is not null
  ),
  split as (
    select id, fy, div(amount * days, total) as base,
      row_number() over (partition by id order by mod(amount * days, total) desc, fy) as rank,
      amount - sum(div(amount * days, total)) over (partition by id) as leftover
    from spans where not per_annum
  )
  select id, fy, (base + case when rank <= leftover then 1 else 0 end)::bigint from split
  union all
  select id, fy, amount::bigint from spans where per_annum
  union all
  select id, stated_year, amount::bigint from chosen
  where (period_start is null or period_end is null) and stated_year is not null
$$;

create function award_year_shares_after_insert() returns trigger language plpgsql as $$
begin
  insert into award_year_shares (award_id, financial_year, pence)
    select s.award_id, s.financial_year, s.pence from apportion_awards(array(select id from changed_awards)) s;
  return null;
end
$$;

create function award_year_shares_after_update() returns trigger language plpgsql as $$
begin
  delete from award_year_shares where award_id in (select id from changed_awards);
  insert into award_year_shares (award_id, financial_year, pence)
    select s.award_id, s.financial_year, s.pence from apportion_awards(array(select id from changed_awards)) s;
  return null;
end
$$;

create trigger awards_apportion_insert after insert on awards
  referencing new table as changed_awards for each statement execute function award_year_shares_after_insert();
create trigger awards_apportion_update after update on awards
  referencing new table as changed_awards for each statement execute function award_year_shares_after_update();

insert into award_year_shares (award_id, financial_year, pence)
  select s.award_id, s.financial_year, s.pence from apportion_awards(array(select id from awards)) s;

create index services_predecessor on services (predecessor_id);
create index services_end_date on services (end_date);
create index service_areas_area on service_areas (area_id);
create index decision_areas_area on decision_areas (area_id);
create index service_providers_organisation on service_providers (organisation_id);
create index contributions_organisation on contributions (organisation_id);
create index organisation_aliases_organisation on organisation_aliases (organisation_id);
create index outcome_returns_service on outcome_returns (service_id, quarter_start);
`

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(ledger).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
    drop trigger awards_apportion_update on awards;
    drop trigger awards_apportion_insert on awards;
    drop function award_year_shares_after_update();
    drop function award_year_shares_after_insert();
    drop function apportion_awards(bigint[]);
    drop table award_year_shares;
    drop function financial_year_of(date);
    drop index services_predecessor, services_end_date, service_areas_area, decision_areas_area, service_providers_organisation,
      contributions_organisation, organisation_aliases_organisation, outcome_returns_service;
  `).execute(db)
}
