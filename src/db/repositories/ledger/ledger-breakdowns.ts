import { sql, type RawBuilder } from 'kysely'
import type { FlowItem } from '../../../domain/flow.ts'
import { ONE_OFF, conditions, source } from './ledger-conditions.ts'
import type { DimensionYearRow, LedgerDimension, LedgerFilter } from './ledger-types.ts'
import { LedgerRows } from './ledger-rows.ts'

/** One-off sums by year and dimension or area, and the awards' part of the flow of money. */
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
   * The awards' part of the flow diagram for one financial year: each award's amount in that year (a one-off sum's
   * share by days, a yearly amount once, a ceiling at its ceiling), by funding stream, lead commissioner and recipient.
   */
  async flowItems(filter: LedgerFilter & { year: number }): Promise<FlowItem[]> {
    const result = await sql<Omit<FlowItem, 'originKind'>>`
      select coalesce(b.stream_id::text, '0') as "originKey", fs.name as "originName",
        coalesce(b.lead_id::text, '0') as "leadKey", lo.name as "leadName",
        b.recipient_key as "providerKey", coalesce(r.name, b.recipient_name) as "providerName", b.up_to as "upTo", b.pence::bigint as pence
      from (
        select e.stream_id, e.lead_id, coalesce(e.recipient_id::text, 'name:' || e.recipient_name) as recipient_key,
          min(e.recipient_id) as recipient_id, min(e.recipient_name) as recipient_name, e.up_to, sum(e.pence) as pence
        from ${source(filter)} e
        group by e.stream_id, e.lead_id, 3, e.up_to
      ) b
      left join funding_streams fs on fs.id = b.stream_id
      left join organisations lo on lo.id = b.lead_id
      left join organisations r on r.id = b.recipient_id`.execute(this.db)
    return result.rows.map((row) => ({ ...row, originKind: 'stream' as const, pence: Number(row.pence) }))
  }

  /** The latest financial year, up to `latest`, in which the filtered awards have money; null when none has. */
  async latestYear(filter: LedgerFilter, latest: number): Promise<number | null> {
    const result = await sql<{ year: number | null }>`
      select max(e.financial_year) as year from ledger_years e
      where e.financial_year <= ${latest} and ${conditions(filter)}`.execute(this.db)
    return result.rows[0]?.year ?? null
  }
}
