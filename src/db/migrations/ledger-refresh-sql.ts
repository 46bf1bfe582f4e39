/**
 * The SQL of the ledger's refresh: `apportion_awards(ids)` splits awards into financial years, and the refresh
 * function rebuilds the ledger rows of the awards `ids` names. `matching(column)` is how a row is matched to `ids`.
 */
export interface RefreshSqlOptions {
  create: 'create function' | 'create or replace function'
  matching: (column: string) => string
}

/** Each award's areas, looked up award by award: its service's areas, else its decision's. */
const AREAS_BY_LOOKUP = `case when exists (select 1 from service_areas sa where sa.service_id = a.service_id)
        then array(select sa.area_id from service_areas sa where sa.service_id = a.service_id order by sa.area_id)
        else array(select da.area_id from decision_areas da where da.decision_id = a.decision_id order by da.area_id) end`

export function apportionAwardsSql({ create, matching }: RefreshSqlOptions): string {
  return `${create} apportion_awards(ids bigint[]) returns table (award_id bigint, financial_year integer, pence bigint)
language sql stable as $$
${apportionQuerySql(matching)}
$$;`
}

/** The query that splits the awards `matching('id')` picks into financial years: (award_id, financial_year, pence). */
export function apportionQuerySql(matching: RefreshSqlOptions['matching']): string {
  return `  with chosen as (
    select id, amount_pence::numeric as amount, period_start, period_end, per_annum,
      coalesce(financial_year, financial_year_of(period_start)) as stated_year
    from awards where ${matching('id')}
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
  where (period_start is null or period_end is null) and stated_year is not null`
}

export function ledgerRefreshSql(name: string, { create, matching }: RefreshSqlOptions, yearsFilter: string): string {
  return `${create} ${name}(ids bigint[]) returns void language plpgsql as $$
begin
  delete from ledger_years where ${matching('award_id')};
  delete from ledger_awards where ${matching('award_id')};
${ledgerAwardsFillSql(matching('a.id'), AREAS_BY_LOOKUP, '')}
${ledgerYearsFillSql('apportion_awards(ids)', yearsFilter)}
end
$$;`
}

/** `ledger_rebuild()`: in slices of 10,000 awards, so that no one statement holds the whole register in memory. */
export function ledgerRebuildInSlicesSql(create: RefreshSqlOptions['create']): string {
  return `${create} ledger_rebuild() returns void language plpgsql as $$
    declare
      slice bigint[];
    begin
      truncate ledger_years, ledger_awards, ledger_cube, ledger_flow;
      for slice in
        select array_agg(id) from (select id, (row_number() over (order by id) - 1) / 10000 as n from awards) numbered
        group by n
      loop
        perform ledger_refresh_now(slice);
      end loop;
    end
    $$;`
}

/** Fills ledger_awards from the awards `matching` picks (in terms of `a`, the award), `areaIds` giving their areas. */
export function ledgerAwardsFillSql(matching: string, areaIds: string, areaJoins: string): string {
  return `  insert into ledger_awards (award_id, decision_id, office_id, decided_on, recipient_id, recipient_name, lead_id, lead_name,
      stream_id, stream_name, service_id, service_name, service_type, route, area_ids, amount_pence, per_annum, up_to, period_sort, has_years)
    select a.id, a.decision_id, d.office_id, coalesce(d.date_decided, d.date_received), a.recipient_id, a.recipient_name,
      lo.id, lo.name, a.funding_stream_id, fs.name, a.service_id, s.name, s.service_type, a.route,
      ${areaIds},
      a.amount_pence, a.per_annum, a.up_to, coalesce(a.period_start, make_date(a.financial_year, 4, 1)),
      (a.period_start is not null or a.financial_year is not null)
    from awards a
    join decisions d on d.id = a.decision_id
    left join services s on s.id = a.service_id
    left join organisations lo on lo.id = coalesce(a.via_id, s.lead_commissioner_id)
    left join funding_streams fs on fs.id = a.funding_stream_id${areaJoins}
    where ${matching} and not a.withheld
      and d.status in ('published', 'imported') and d.review_status = 'reviewed' and d.classification <> 'confidential';`
}

/** Fills ledger_years from ledger_awards joined to `apportioned`, the awards' shares (y) of each financial year. */
export function ledgerYearsFillSql(apportioned: string, yearsFilter: string): string {
  return `  insert into ledger_years (award_id, decision_id, office_id, decided_on, recipient_id, recipient_name, lead_id, lead_name,
      stream_id, stream_name, service_id, service_name, service_type, route, area_ids, amount_pence, per_annum, up_to, period_sort,
      financial_year, pence)
    select e.award_id, e.decision_id, e.office_id, e.decided_on, e.recipient_id, e.recipient_name, e.lead_id, e.lead_name,
      e.stream_id, e.stream_name, e.service_id, e.service_name, e.service_type, e.route, e.area_ids, e.amount_pence,
      e.per_annum, e.up_to, e.period_sort, y.financial_year, y.pence
    from ledger_awards e join ${apportioned} y on y.award_id = e.award_id${yearsFilter};`
}
