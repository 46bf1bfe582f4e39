import { sql, type RawBuilder } from 'kysely'
import type { FlowLinkInput } from '../../../domain/flow.ts'
import { ONE_OFF, conditions, cubeKey, source } from './ledger-conditions.ts'
import type { DimensionYearRow, LedgerDimension, LedgerFilter } from './ledger-types.ts'
import { LedgerRows } from './ledger-rows.ts'

/** One-off sums by year and dimension or area, and the flow of money. */
export class LedgerBreakdowns extends LedgerRows {
  /**
   * One-off sums apportioned to financial years, grouped by one dimension of the award. Yearly amounts
   * and ceilings are left out: they are not money spent and cannot be added up.
   */
  async oneOffByYearAnd(dimension: LedgerDimension, filter: LedgerFilter): Promise<DimensionYearRow[]> {
    const groups: Record<
      LedgerDimension,
      { key: RawBuilder<unknown>; label: RawBuilder<unknown>; slug: RawBuilder<unknown>; join: RawBuilder<unknown> }
    > = {
      serviceType: { key: sql`g.service_type`, label: sql`g.service_type`, slug: sql`null::text`, join: sql`` },
      provider: {
        key: sql`coalesce(g.recipient_id::text, g.recipient_name)`,
        label: sql`coalesce(x.name, g.recipient_name)`,
        slug: sql`x.slug`,
        join: sql`left join organisations x on x.id = g.recipient_id`,
      },
      service: {
        key: sql`g.service_id::text`,
        label: sql`g.service_name`,
        slug: sql`x.slug`,
        join: sql`left join services x on x.id = g.service_id`,
      },
      stream: {
        key: sql`g.stream_id::text`,
        label: sql`g.stream_name`,
        slug: sql`x.slug`,
        join: sql`left join funding_streams x on x.id = g.stream_id`,
      },
    }
    const inner: Record<LedgerDimension, RawBuilder<unknown>> = {
      serviceType: sql`e.service_type`,
      provider: sql`e.recipient_id, e.recipient_name`,
      service: sql`e.service_id, e.service_name`,
      stream: sql`e.stream_id, e.stream_name`,
    }
    const g = groups[dimension]
    const yearCondition = filter.year === undefined ? sql`true` : sql`e.financial_year = ${filter.year}`
    const result = await sql<DimensionYearRow>`
      select g.financial_year as "financialYear", ${g.key} as key, ${g.label} as label, ${g.slug} as slug, sum(g.pence)::bigint as pence
      from (
        select e.financial_year, ${inner[dimension]}, sum(e.pence) as pence from ledger_years e
        where ${ONE_OFF} and ${yearCondition} and ${conditions(filter)}
        group by e.financial_year, ${inner[dimension]}
      ) g ${g.join}
      group by 1, 2, 3, 4`.execute(this.db)
    return result.rows.map((row) => ({
      ...row,
      key: row.key === null ? null : String(row.key),
      pence: Number(row.pence),
    }))
  }

  /**
   * One-off sums apportioned to years and split between the areas each award serves: equally, in whole
   * pence, the odd pence to the areas first by id, so the areas of a year add up to the year.
   */
  async oneOffByYearAndArea(filter: LedgerFilter): Promise<DimensionYearRow[]> {
    const yearCondition = filter.year === undefined ? sql`true` : sql`e.financial_year = ${filter.year}`
    const result = await sql<DimensionYearRow>`
      select t.financial_year as "financialYear", t.area_id::text as key, ar.name as label, ar.slug as slug, sum(t.pence)::bigint as pence
      from (
        select e.financial_year, u.area_id,
          case when u.area_id is null then e.pence
            else e.pence / cardinality(e.area_ids) + case when u.k <= e.pence % cardinality(e.area_ids) then 1 else 0 end end as pence
        from ledger_years e
        left join lateral unnest(e.area_ids) with ordinality as u(area_id, k) on true
        where ${ONE_OFF} and ${yearCondition} and ${conditions(filter)}
      ) t
      left join areas ar on ar.id = t.area_id
      group by t.financial_year, t.area_id, ar.name, ar.slug`.execute(this.db)
    return result.rows.map((row) => ({ ...row, pence: Number(row.pence) }))
  }

  /**
   * The links of the flow diagram: one-off sums (or, with a year, their parts in that year) from funding
   * streams to offices, offices to lead commissioners, and lead commissioners to recipients. The unfiltered
   * register reads the trigger-kept ledger_flow; a filter aggregates its own rows.
   */
  async flowLinks(filter: LedgerFilter): Promise<FlowLinkInput[]> {
    const key = cubeKey(filter)
    const base =
      key?.dim === '' && filter.year === undefined
        ? sql`select stream_key, office_id, lead_key, recipient_key, recipient_id, recipient_name, one_off_pence as pence from ledger_flow where one_off_pence <> 0`
        : sql`select coalesce(e.stream_id, 0) as stream_key, e.office_id, coalesce(e.lead_id, 0) as lead_key,
            coalesce(e.recipient_id::text, 'name:' || e.recipient_name) as recipient_key, e.recipient_id, e.recipient_name,
            ${filter.year === undefined ? sql`e.amount_pence` : sql`e.pence`} as pence
          from ${source(filter)} e where ${ONE_OFF}`
    const result = await sql<{
      stage: 0 | 1 | 2
      sourceKey: string
      sourceName: string | null
      targetKey: string
      targetName: string | null
      pence: number
    }>`
      with base as (${base}),
      streams as (select stream_key, office_id, sum(pence) as pence from base group by stream_key, office_id),
      leads as (select office_id, lead_key, sum(pence) as pence from base group by office_id, lead_key),
      recipients as (select lead_key, recipient_key, min(recipient_id) as recipient_id, min(recipient_name) as recipient_name, sum(pence) as pence
        from base group by lead_key, recipient_key)
      select 0 as stage, g.stream_key::text as "sourceKey", fs.name as "sourceName", g.office_id::text as "targetKey", o.name as "targetName", g.pence::bigint as pence
        from streams g join organisations o on o.id = g.office_id left join funding_streams fs on fs.id = g.stream_key
      union all
      select 1, g.office_id::text, o.name, g.lead_key::text, lo.name, g.pence::bigint
        from leads g join organisations o on o.id = g.office_id left join organisations lo on lo.id = g.lead_key
      union all
      select 2, g.lead_key::text, lo.name, g.recipient_key, coalesce(r.name, g.recipient_name), g.pence::bigint
        from recipients g left join organisations lo on lo.id = g.lead_key left join organisations r on r.id = g.recipient_id`.execute(
      this.db,
    )
    return result.rows.map((row) => ({ ...row, stage: Number(row.stage) as 0 | 1 | 2, pence: Number(row.pence) }))
  }
}
