import { rawSqlMigration } from './raw-sql.ts'
import { apportionAwardsSql, ledgerRefreshSql, type RefreshSqlOptions } from './ledger-refresh-sql.ts'
import { ledgerFlowTableSql } from './ledger-cube-sql.ts'

/** As first written: each row matched with `= any(ids)`. */
const ORIGINAL: RefreshSqlOptions = { create: 'create function', matching: (column) => `${column} = any(ids)` }

/**
 * The public ledger as read-optimised tables, kept in step by triggers so that every public figure is a
 * query over narrow, indexed rows rather than joins over the whole register:
 *
 * - ledger_awards: one row per award the public may see (published or imported, reviewed, not
 *   confidential, not withheld), with the names and keys the ledger filters and sorts by.
 * - ledger_years: the same rows apportioned to financial years. The rule is src/domain/ledger.ts
 *   (yearsOfAward): one-off sums and one-off ceilings split by days with the largest remainder; yearly
 *   amounts in full in each year touched; otherwise the stated financial year.
 * - ledger_cube: running totals of the two for the whole ledger and for each single filter (a provider, a
 *   stream, a year…), so the commonest pages read one row; ledger_flow: the money by stream, office, lead
 *   commissioner and recipient, for the flow diagram.
 *
 * Any change to an award, its decision, its service, its areas, its funding stream or an organisation
 * rebuilds the affected rows (ledger_refresh).
 */
/**
 * A statement-level trigger function that refreshes the ledger rows of the awards `awardIds` selects (given the
 * changed rows as `changed_rows`), and its triggers `{table}_ledger_{event}` on each event.
 */
function refreshLedgerOn(fn: string, table: string, awardIds: string, events: Array<'insert' | 'update' | 'delete'>) {
  const triggers = events.map(
    (event) => `create trigger ${table}_ledger_${event} after ${event} on ${table}
  referencing ${event === 'delete' ? 'old' : 'new'} table as changed_rows for each statement execute function ${fn}();`,
  )
  return `create function ${fn}() returns trigger language plpgsql as $$
begin
  perform ledger_refresh(${awardIds});
  return null;
end
$$;
${triggers.join('\n')}
`
}

/**
 * The triggers `{table}_cube_insert` and `{table}_cube_delete` that pass the rows `table` gains or loses to the cube
 * function `fn`, with the sign ('1' or '-1') it adds them with.
 */
function cubeTriggersOn(table: string, fn: string): string {
  return `create trigger ${table}_cube_insert after insert on ${table}
  referencing new table as changed_rows for each statement execute function ${fn}('1');
create trigger ${table}_cube_delete after delete on ${table}
  referencing old table as changed_rows for each statement execute function ${fn}('-1');`
}

/** The awards whose `awardColumn` is the `changedColumn` of a changed row. */
function awardsWhere(awardColumn: string, changedColumn: string): string {
  return `array(select a.id from awards a where a.${awardColumn} in (select ${changedColumn} from changed_rows))`
}

/** The columns a ledger row carries (ledger_awards and ledger_years): the award's keys and names as filtered and sorted. */
const LEDGER_ROW_COLUMNS = `  decision_id bigint not null,
  office_id bigint not null,
  decided_on date,
  recipient_id bigint,
  recipient_name text not null,
  lead_id bigint,
  lead_name text,
  stream_id bigint,
  stream_name text,
  service_id bigint,
  service_name text,
  service_type text,
  route text,
  area_ids bigint[] not null default '{}',
  amount_pence bigint not null,
  per_annum boolean not null,
  up_to boolean not null,
  period_sort date,`

const ledger = `
create function financial_year_of(d date) returns integer language sql immutable as $$
  select extract(year from d)::integer - case when extract(month from d) < 4 then 1 else 0 end
$$;

${apportionAwardsSql(ORIGINAL)}

create table ledger_awards (
  award_id bigint primary key references awards(id) on delete cascade,
${LEDGER_ROW_COLUMNS}
  has_years boolean not null
);
create index ledger_awards_date on ledger_awards (decided_on, award_id);
create index ledger_awards_amount on ledger_awards (amount_pence, award_id);
create index ledger_awards_period on ledger_awards (period_sort, award_id);
create index ledger_awards_recipient_name on ledger_awards (recipient_name, award_id);
create index ledger_awards_stream_name on ledger_awards (stream_name, award_id);
create index ledger_awards_lead_name on ledger_awards (lead_name, award_id);
create index ledger_awards_service_name on ledger_awards (service_name, award_id);
create index ledger_awards_recipient on ledger_awards (recipient_id, decided_on, award_id);
create index ledger_awards_stream on ledger_awards (stream_id, decided_on, award_id);
create index ledger_awards_lead on ledger_awards (lead_id, decided_on, award_id);
create index ledger_awards_route on ledger_awards (route, decided_on, award_id);
create index ledger_awards_service on ledger_awards (service_id, decided_on, award_id);
create index ledger_awards_service_type on ledger_awards (service_type, decided_on, award_id);
create index ledger_awards_office on ledger_awards (office_id, decided_on, award_id);
create index ledger_awards_areas on ledger_awards using gin (area_ids);

create table ledger_years (
  award_id bigint not null references awards(id) on delete cascade,
${LEDGER_ROW_COLUMNS}
  financial_year integer not null,
  pence bigint not null check (pence >= 0),
  primary key (financial_year, award_id)
);
create index ledger_years_award on ledger_years (award_id);
create index ledger_years_date on ledger_years (financial_year, decided_on, award_id);
create index ledger_years_amount on ledger_years (amount_pence, award_id);
create index ledger_years_recipient_name on ledger_years (recipient_name, award_id);
-- Filters on other keys within a year walk ledger_years_date; their totals come from ledger_cube.
create index ledger_years_recipient on ledger_years (recipient_id, financial_year);
create index ledger_years_areas on ledger_years using gin (area_ids);

create table ledger_cube (
  dim text not null,
  value text not null,
  financial_year integer not null,
  awards bigint not null default 0,
  one_off_pence bigint not null default 0,
  per_annum_count bigint not null default 0,
  per_annum_pence bigint not null default 0,
  ceiling_count bigint not null default 0,
  ceiling_pence bigint not null default 0,
  unassigned_one_off_pence bigint not null default 0,
  share_one_off_pence bigint not null default 0,
  share_per_annum_pence bigint not null default 0,
  share_ceiling_pence bigint not null default 0,
  primary key (dim, value, financial_year)
);

${ledgerFlowTableSql()}

${ledgerRefreshSql('ledger_refresh', ORIGINAL, '\n    where e.award_id = any(ids)')}

${refreshLedgerOn('ledger_awards_changed', 'awards', 'array(select id from changed_rows)', ['insert', 'update'])}
${refreshLedgerOn('ledger_decisions_changed', 'decisions', awardsWhere('decision_id', 'id'), ['update'])}
${refreshLedgerOn('ledger_decision_areas_changed', 'decision_areas', awardsWhere('decision_id', 'decision_id'), ['insert', 'delete'])}
${refreshLedgerOn('ledger_services_changed', 'services', awardsWhere('service_id', 'id'), ['update'])}
${refreshLedgerOn('ledger_service_areas_changed', 'service_areas', awardsWhere('service_id', 'service_id'), ['insert', 'delete'])}
${refreshLedgerOn('ledger_streams_changed', 'funding_streams', awardsWhere('funding_stream_id', 'id'), ['update'])}
${refreshLedgerOn(
  'ledger_organisations_changed',
  'organisations',
  `array(
    select a.id from awards a where a.via_id in (select id from changed_rows)
    union
    select a.id from awards a join services s on s.id = a.service_id where s.lead_commissioner_id in (select id from changed_rows))`,
  ['update'],
)}
-- The dimensions one filter can name, for the running totals: the whole ledger ('', ''), then one per key.
create function ledger_dimensions(recipient_id bigint, stream_id bigint, lead_id bigint, route text, service_type text,
  office_id bigint, service_id bigint, area_ids bigint[]) returns table (dim text, value text) language sql immutable as $$
  select * from (values ('', ''), ('recipient', recipient_id::text), ('stream', stream_id::text), ('lead', lead_id::text),
    ('route', route), ('service_type', service_type), ('office', office_id::text), ('service', service_id::text)) v(dim, value)
  where value is not null
  union all
  select 'area', a::text from unnest(area_ids) a
$$;

create function ledger_cube_awards_changed() returns trigger language plpgsql as $$
declare
  sign integer := tg_argv[0]::integer;
begin
  insert into ledger_cube as c (dim, value, financial_year, awards, one_off_pence, per_annum_count, per_annum_pence,
      ceiling_count, ceiling_pence, unassigned_one_off_pence)
    select k.dim, k.value, 0, sign * count(*),
      sign * coalesce(sum(r.amount_pence) filter (where not r.per_annum and not r.up_to), 0),
      sign * count(*) filter (where r.per_annum and not r.up_to),
      sign * coalesce(sum(r.amount_pence) filter (where r.per_annum and not r.up_to), 0),
      sign * count(*) filter (where r.up_to),
      sign * coalesce(sum(r.amount_pence) filter (where r.up_to), 0),
      sign * coalesce(sum(r.amount_pence) filter (where not r.per_annum and not r.up_to and not r.has_years), 0)
    from changed_rows r
    cross join lateral ledger_dimensions(r.recipient_id, r.stream_id, r.lead_id, r.route, r.service_type, r.office_id, r.service_id, r.area_ids) k
    group by k.dim, k.value
  on conflict (dim, value, financial_year) do update set
    awards = c.awards + excluded.awards, one_off_pence = c.one_off_pence + excluded.one_off_pence,
    per_annum_count = c.per_annum_count + excluded.per_annum_count, per_annum_pence = c.per_annum_pence + excluded.per_annum_pence,
    ceiling_count = c.ceiling_count + excluded.ceiling_count, ceiling_pence = c.ceiling_pence + excluded.ceiling_pence,
    unassigned_one_off_pence = c.unassigned_one_off_pence + excluded.unassigned_one_off_pence;
  insert into ledger_flow as f (stream_key, office_id, lead_key, recipient_key, recipient_id, recipient_name, one_off_pence)
    select coalesce(r.stream_id, 0), r.office_id, coalesce(r.lead_id, 0), coalesce(r.recipient_id::text, 'name:' || r.recipient_name),
      r.recipient_id, min(r.recipient_name), sign * sum(r.amount_pence)
    from changed_rows r where not r.per_annum and not r.up_to
    group by 1, 2, 3, 4, 5
  on conflict (stream_key, office_id, lead_key, recipient_key) do update set one_off_pence = f.one_off_pence + excluded.one_off_pence;
  return null;
end
$$;
${cubeTriggersOn('ledger_awards', 'ledger_cube_awards_changed')}

create function ledger_cube_years_changed() returns trigger language plpgsql as $$
declare
  sign integer := tg_argv[0]::integer;
begin
  insert into ledger_cube as c (dim, value, financial_year, awards, one_off_pence, per_annum_count, per_annum_pence,
      ceiling_count, ceiling_pence, share_one_off_pence, share_per_annum_pence, share_ceiling_pence)
    select k.dim, k.value, r.financial_year, sign * count(*),
      sign * coalesce(sum(r.amount_pence) filter (where not r.per_annum and not r.up_to), 0),
      sign * count(*) filter (where r.per_annum and not r.up_to),
      sign * coalesce(sum(r.amount_pence) filter (where r.per_annum and not r.up_to), 0),
      sign * count(*) filter (where r.up_to),
      sign * coalesce(sum(r.amount_pence) filter (where r.up_to), 0),
      sign * coalesce(sum(r.pence) filter (where not r.per_annum and not r.up_to), 0),
      sign * coalesce(sum(r.pence) filter (where r.per_annum and not r.up_to), 0),
      sign * coalesce(sum(r.pence) filter (where r.up_to), 0)
    from changed_rows r
    cross join lateral ledger_dimensions(r.recipient_id, r.stream_id, r.lead_id, r.route, r.service_type, r.office_id, r.service_id, r.area_ids) k
    group by k.dim, k.value, r.financial_year
  on conflict (dim, value, financial_year) do update set
    awards = c.awards + excluded.awards, one_off_pence = c.one_off_pence + excluded.one_off_pence,
    per_annum_count = c.per_annum_count + excluded.per_annum_count, per_annum_pence = c.per_annum_pence + excluded.per_annum_pence,
    ceiling_count = c.ceiling_count + excluded.ceiling_count, ceiling_pence = c.ceiling_pence + excluded.ceiling_pence,
    share_one_off_pence = c.share_one_off_pence + excluded.share_one_off_pence,
    share_per_annum_pence = c.share_per_annum_pence + excluded.share_per_annum_pence,
    share_ceiling_pence = c.share_ceiling_pence + excluded.share_ceiling_pence;
  return null;
end
$$;
${cubeTriggersOn('ledger_years', 'ledger_cube_years_changed')}

select ledger_refresh(array(select id from awards));

create index services_predecessor on services (predecessor_id);
create index service_areas_area on service_areas (area_id);
create index decision_areas_area on decision_areas (area_id);
create index service_providers_organisation on service_providers (organisation_id);
create index contributions_organisation on contributions (organisation_id);
create index organisation_aliases_organisation on organisation_aliases (organisation_id);
`

const UNDO_LEDGER = `
    drop trigger awards_ledger_insert on awards;
    drop trigger awards_ledger_update on awards;
    drop trigger decisions_ledger_update on decisions;
    drop trigger decision_areas_ledger_insert on decision_areas;
    drop trigger decision_areas_ledger_delete on decision_areas;
    drop trigger services_ledger_update on services;
    drop trigger service_areas_ledger_insert on service_areas;
    drop trigger service_areas_ledger_delete on service_areas;
    drop trigger funding_streams_ledger_update on funding_streams;
    drop trigger organisations_ledger_update on organisations;
    drop table ledger_years, ledger_awards, ledger_cube, ledger_flow cascade;
    drop function ledger_awards_changed(), ledger_decisions_changed(), ledger_decision_areas_changed(), ledger_services_changed(),
      ledger_service_areas_changed(), ledger_streams_changed(), ledger_organisations_changed(), ledger_cube_awards_changed(),
      ledger_cube_years_changed(), ledger_dimensions(bigint, bigint, bigint, text, text, bigint, bigint, bigint[]), ledger_refresh(bigint[]), apportion_awards(bigint[]), financial_year_of(date);
    drop index services_predecessor, service_areas_area, decision_areas_area, service_providers_organisation,
      contributions_organisation, organisation_aliases_organisation;
  `

export const { up, down } = rawSqlMigration(ledger, UNDO_LEDGER)
