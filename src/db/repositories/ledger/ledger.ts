import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { ProcurementRoute } from '../../../domain/decision.ts'
import type { FlowLinkInput } from '../../../domain/flow.ts'
import type { DB } from '../../tables/index.ts'
import { publicArea, publicService } from '../public.ts'

/**
 * The public ledger. Reads the trigger-maintained tables of migration 0002: ledger_awards (one row per
 * public award) and ledger_years (the same rows apportioned to financial years), which hold only what the
 * public may see, so no query here can show a withheld award or one of an unpublished or confidential decision.
 */

/** What the public ledger can be narrowed by. All optional; each narrows further. */
export interface LedgerFilter {
  providerId?: number
  year?: number
  streamId?: number
  areaId?: number
  serviceType?: string
  route?: ProcurementRoute
  leadId?: number
  officeId?: number
  serviceId?: number
}

export const LEDGER_SORTS = ['date', 'provider', 'amount', 'year', 'stream', 'route', 'lead', 'service'] as const
export type LedgerSort = (typeof LEDGER_SORTS)[number]

export interface LedgerOrder {
  sort: LedgerSort
  direction: 'asc' | 'desc'
}

export interface LedgerRow {
  awardId: number
  decisionSlug: string | null
  decisionReference: string | null
  decisionTitle: string
  decisionDate: string | null
  officeName: string
  recipientName: string
  recipientSlug: string | null
  amountPence: number
  perAnnum: boolean
  upTo: boolean
  periodLabel: string | null
  periodStart: string | null
  periodEnd: string | null
  financialYear: number | null
  route: ProcurementRoute | null
  streamName: string | null
  streamSlug: string | null
  leadName: string | null
  serviceName: string | null
  serviceSlug: string | null
  serviceType: string | null
  purpose: string | null
  /** The part of the award in the filtered financial year (only when filtering by year). */
  yearSharePence: number | null
}

export interface LedgerTotals {
  count: number
  oneOffPence: number
  perAnnumCount: number
  perAnnumPence: number
  ceilingCount: number
  ceilingPence: number
  /** With a year filter: the one-off sums apportioned to that year. */
  yearOneOffPence: number | null
}

export interface LedgerYearRow {
  financialYear: number
  oneOffPence: number
  perAnnumPence: number
  ceilingPence: number
}

export type LedgerDimension = 'serviceType' | 'provider' | 'service' | 'stream'

export interface DimensionYearRow {
  financialYear: number
  key: string | null
  label: string | null
  slug: string | null
  pence: number
}

const SORT_COLUMNS: Record<LedgerSort, string> = {
  date: 'decided_on',
  provider: 'recipient_name',
  amount: 'amount_pence',
  year: 'period_sort',
  stream: 'stream_name',
  route: 'route',
  lead: 'lead_name',
  service: 'service_name',
}

const FIXED_BY: Partial<Record<LedgerSort, (filter: LedgerFilter) => boolean>> = {
  provider: (f) => f.providerId !== undefined,
  stream: (f) => f.streamId !== undefined,
  lead: (f) => f.leadId !== undefined,
  route: (f) => f.route !== undefined,
  service: (f) => f.serviceId !== undefined,
}

const ONE_OFF = sql`not e.per_annum and not e.up_to`

/** The conditions of a filter over ledger rows named `e`. The year is not among them: it chooses the table. */
function conditions(filter: LedgerFilter): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [sql`true`]
  if (filter.providerId !== undefined) parts.push(sql`e.recipient_id = ${filter.providerId}`)
  if (filter.streamId !== undefined) parts.push(sql`e.stream_id = ${filter.streamId}`)
  if (filter.route !== undefined) parts.push(sql`e.route = ${filter.route}`)
  if (filter.serviceType !== undefined) parts.push(sql`e.service_type = ${filter.serviceType}`)
  if (filter.serviceId !== undefined) parts.push(sql`e.service_id = ${filter.serviceId}`)
  if (filter.officeId !== undefined) parts.push(sql`e.office_id = ${filter.officeId}`)
  if (filter.leadId !== undefined) parts.push(sql`e.lead_id = ${filter.leadId}`)
  if (filter.areaId !== undefined) parts.push(sql`e.area_ids @> array[${filter.areaId}]::bigint[]`)
  return sql<boolean>`${sql.join(parts, sql` and `)}`
}

/** The running-total row that answers a filter naming at most one thing besides the year, or null. */
function cubeKey(filter: LedgerFilter): { dim: string; value: string } | null {
  const named: Array<[string, string | number | undefined]> = [
    ['recipient', filter.providerId],
    ['stream', filter.streamId],
    ['lead', filter.leadId],
    ['route', filter.route],
    ['service_type', filter.serviceType],
    ['office', filter.officeId],
    ['service', filter.serviceId],
    ['area', filter.areaId],
  ]
  const set = named.filter(([, value]) => value !== undefined)
  if (set.length === 0) return { dim: '', value: '' }
  return set.length === 1 ? { dim: set[0]![0], value: String(set[0]![1]) } : null
}

/** The rows of the filter: one per award, or one per award touching the filter's year (with its share). */
function source(filter: LedgerFilter): RawBuilder<unknown> {
  const table = (name: 'ledger_awards' | 'ledger_years') =>
    // The planner cannot estimate array containment; fenced, the area's rows come from the GIN index first.
    filter.areaId === undefined
      ? sql.table(name)
      : sql`(select * from ${sql.table(name)} where area_ids @> array[${filter.areaId}]::bigint[] offset 0)`
  return filter.year === undefined
    ? sql`(select e.*, null::bigint as pence from ${table('ledger_awards')} e where ${conditions(filter)})`
    : sql`(select e.* from ${table('ledger_years')} e where e.financial_year = ${filter.year} and ${conditions(filter)})`
}

/**
 * The distinct values of an indexed ledger_awards column, as a recursive CTE body yielding `v`: one index
 * probe per value (a loose index scan) instead of reading every row.
 */
function distinctValues(column: 'recipient_id' | 'lead_id') {
  const c = sql.ref(column)
  return sql`(select ${c} as v from ledger_awards where ${c} is not null order by ${c} limit 1)
    union all
    select (select l.${c} from ledger_awards l where l.${c} > ids.v order by l.${c} limit 1) from ids where ids.v is not null`
}

export class LedgerRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async list(filter: LedgerFilter, order: LedgerOrder, limit: number, offset: number): Promise<LedgerRow[]> {
    // Descending is the exact reverse of ascending (nulls first), so one ascending index serves both.
    // Where the filter fixes the sort key (a provider's awards by provider), an index on the key only misleads the planner.
    const fixed = FIXED_BY[order.sort]?.(filter) ?? false
    const column = fixed
      ? sql`(${sql.ref(`e.${SORT_COLUMNS[order.sort]}`)} || '')`
      : sql.ref(`e.${SORT_COLUMNS[order.sort]}`)
    const direction =
      order.direction === 'asc' ? sql`asc nulls last, e.award_id asc` : sql`desc nulls first, e.award_id desc`
    const outerColumn = sql.ref(`p.${SORT_COLUMNS[order.sort]}`)
    const outerDirection =
      order.direction === 'asc' ? sql`asc nulls last, p.award_id asc` : sql`desc nulls first, p.award_id desc`
    const result = await sql<LedgerRow>`
      select a.id as "awardId", d.slug as "decisionSlug", d.reference as "decisionReference", d.title as "decisionTitle",
        p.decided_on as "decisionDate", o.name as "officeName", a.recipient_name as "recipientName", r.slug as "recipientSlug",
        a.amount_pence as "amountPence", a.per_annum as "perAnnum", a.up_to as "upTo", a.period_label as "periodLabel",
        a.period_start as "periodStart", a.period_end as "periodEnd", a.financial_year as "financialYear", a.route,
        p.stream_name as "streamName", fs.slug as "streamSlug", p.lead_name as "leadName", p.service_name as "serviceName",
        s.slug as "serviceSlug", p.service_type as "serviceType", a.purpose, p.pence as "yearSharePence"
      from (select e.* from ${source(filter)} e order by ${column} ${direction} limit ${limit} offset ${offset}) p
      join awards a on a.id = p.award_id
      join decisions d on d.id = p.decision_id
      join organisations o on o.id = p.office_id
      left join organisations r on r.id = p.recipient_id
      left join funding_streams fs on fs.id = p.stream_id
      left join services s on s.id = p.service_id
      order by ${outerColumn} ${outerDirection}`.execute(this.db)
    return result.rows
  }

  async totals(filter: LedgerFilter): Promise<LedgerTotals> {
    const key = cubeKey(filter)
    if (key) {
      const c = await this.db
        .selectFrom('ledger_cube')
        .selectAll()
        .where('dim', '=', key.dim)
        .where('value', '=', key.value)
        .where('financial_year', '=', filter.year ?? 0)
        .executeTakeFirst()
      return {
        count: c?.awards ?? 0,
        oneOffPence: c?.one_off_pence ?? 0,
        perAnnumCount: c?.per_annum_count ?? 0,
        perAnnumPence: c?.per_annum_pence ?? 0,
        ceilingCount: c?.ceiling_count ?? 0,
        ceilingPence: c?.ceiling_pence ?? 0,
        yearOneOffPence: filter.year === undefined ? null : (c?.share_one_off_pence ?? 0),
      }
    }
    const result = await sql<Record<string, number | null>>`
      select count(*) as count,
        coalesce(sum(e.amount_pence) filter (where ${ONE_OFF}), 0) as "oneOff",
        count(*) filter (where e.per_annum and not e.up_to) as "perAnnumCount",
        coalesce(sum(e.amount_pence) filter (where e.per_annum and not e.up_to), 0) as "perAnnum",
        count(*) filter (where e.up_to) as "ceilingCount",
        coalesce(sum(e.amount_pence) filter (where e.up_to), 0) as "ceiling",
        ${filter.year === undefined ? sql`null::bigint` : sql`coalesce(sum(e.pence) filter (where ${ONE_OFF}), 0)`} as "yearOneOff"
      from ${source(filter)} e`.execute(this.db)
    const row = result.rows[0]!
    return {
      count: Number(row.count),
      oneOffPence: Number(row.oneOff),
      perAnnumCount: Number(row.perAnnumCount),
      perAnnumPence: Number(row.perAnnum),
      ceilingCount: Number(row.ceilingCount),
      ceilingPence: Number(row.ceiling),
      yearOneOffPence: row.yearOneOff === null ? null : Number(row.yearOneOff),
    }
  }

  /** Per financial year: apportioned one-off sums, yearly amounts and ceilings of the filtered awards. */
  async byYear(filter: LedgerFilter): Promise<{ years: LedgerYearRow[]; unassignedOneOffPence: number }> {
    const key = cubeKey(filter)
    if (key) {
      const rows = await this.db
        .selectFrom('ledger_cube')
        .selectAll()
        .where('dim', '=', key.dim)
        .where('value', '=', key.value)
        .$if(filter.year !== undefined, (q) => q.where('financial_year', 'in', [0, filter.year!]))
        .where('awards', '>', 0)
        .orderBy('financial_year')
        .execute()
      return {
        years: rows
          .filter((c) => c.financial_year !== 0)
          .map((c) => ({
            financialYear: c.financial_year,
            oneOffPence: c.share_one_off_pence,
            perAnnumPence: c.share_per_annum_pence,
            ceilingPence: c.share_ceiling_pence,
          })),
        unassignedOneOffPence:
          filter.year === undefined ? (rows.find((c) => c.financial_year === 0)?.unassigned_one_off_pence ?? 0) : 0,
      }
    }
    const yearCondition = filter.year === undefined ? sql`true` : sql`e.financial_year = ${filter.year}`
    const [years, unassigned] = await Promise.all([
      sql<{ financialYear: number; oneOff: number; perAnnum: number; ceiling: number }>`
        select e.financial_year as "financialYear",
          coalesce(sum(e.pence) filter (where ${ONE_OFF}), 0) as "oneOff",
          coalesce(sum(e.pence) filter (where e.per_annum and not e.up_to), 0) as "perAnnum",
          coalesce(sum(e.pence) filter (where e.up_to), 0) as "ceiling"
        from ledger_years e where ${yearCondition} and ${conditions(filter)}
        group by e.financial_year order by e.financial_year`.execute(this.db),
      filter.year !== undefined
        ? Promise.resolve({ rows: [{ s: 0 }] })
        : sql<{
            s: number
          }>`select coalesce(sum(e.amount_pence), 0) as s from ledger_awards e where ${ONE_OFF} and not e.has_years and ${conditions(filter)}`.execute(
            this.db,
          ),
    ])
    return {
      years: years.rows.map((y) => ({
        financialYear: y.financialYear,
        oneOffPence: Number(y.oneOff),
        perAnnumPence: Number(y.perAnnum),
        ceilingPence: Number(y.ceiling),
      })),
      unassignedOneOffPence: Number(unassigned.rows[0]!.s),
    }
  }

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

  /** Everyone who received a public award, with the count and the one-off total. */
  async recipientTotals(): Promise<
    Array<{
      id: number | null
      name: string
      slug: string | null
      awards: number
      oneOffPence: number
      recurring: number
    }>
  > {
    const result = await sql<{
      id: number | null
      name: string
      slug: string | null
      awards: number
      oneOff: number
      recurring: number
    }>`
      select r.id, coalesce(r.name, g.recipient_name) as name, r.slug, g.awards, g."oneOff", g.recurring
      from (
        select e.recipient_id, min(e.recipient_name) as recipient_name, count(*) as awards,
          coalesce(sum(e.amount_pence) filter (where ${ONE_OFF}), 0) as "oneOff",
          count(*) filter (where e.per_annum or e.up_to) as recurring
        from ledger_awards e group by e.recipient_id
      ) g left join organisations r on r.id = g.recipient_id
      order by 2`.execute(this.db)
    return result.rows.map((row) => ({
      id: row.id,
      name: row.name,
      slug: row.slug,
      awards: Number(row.awards),
      oneOffPence: Number(row.oneOff),
      recurring: Number(row.recurring),
    }))
  }

  /** Per funding stream and year: apportioned one-off sums, yearly amounts and ceilings of public awards. */
  async commitmentsByStream(): Promise<
    Array<{ streamId: number; financialYear: number; oneOffPence: number; perAnnumPence: number; ceilingPence: number }>
  > {
    const result = await sql<{
      streamId: number
      financialYear: number
      oneOff: number
      perAnnum: number
      ceiling: number
    }>`
      select e.stream_id as "streamId", e.financial_year as "financialYear",
        coalesce(sum(e.pence) filter (where ${ONE_OFF}), 0) as "oneOff",
        coalesce(sum(e.pence) filter (where e.per_annum and not e.up_to), 0) as "perAnnum",
        coalesce(sum(e.pence) filter (where e.up_to), 0) as ceiling
      from ledger_years e where e.stream_id is not null
      group by e.stream_id, e.financial_year`.execute(this.db)
    return result.rows.map((row) => ({
      streamId: row.streamId,
      financialYear: row.financialYear,
      oneOffPence: Number(row.oneOff),
      perAnnumPence: Number(row.perAnnum),
      ceilingPence: Number(row.ceiling),
    }))
  }

  /** The financial years any public award touches, earliest to latest. */
  async yearRange(): Promise<{ first: number; last: number } | null> {
    const row = await this.db
      .selectFrom('ledger_cube')
      .select([sql<number | null>`min(financial_year)`.as('first'), sql<number | null>`max(financial_year)`.as('last')])
      .where('dim', '=', '')
      .where('value', '=', '')
      .where('financial_year', '>', 0)
      .where('awards', '>', 0)
      .executeTakeFirstOrThrow()
    return row.first === null || row.last === null ? null : { first: row.first, last: row.last }
  }

  /** Organisations that received a public award. */
  async recipients(): Promise<Array<{ id: number; name: string; slug: string }>> {
    const result = await sql<{ id: number; name: string; slug: string }>`
      with recursive ids as (${distinctValues('recipient_id')})
      select o.id, o.name, o.slug from ids join organisations o on o.id = ids.v
      where o.merged_into_id is null order by o.name`.execute(this.db)
    return result.rows
  }

  /** Organisations that money of a public award passed through, or that lead a commissioned service. */
  async leadCommissioners(): Promise<Array<{ id: number; name: string }>> {
    const result = await sql<{ id: number; name: string }>`
      with recursive ids as (${distinctValues('lead_id')})
      select o.id, o.name from organisations o
      where o.merged_into_id is null and (o.id in (select ids.v from ids) or o.id in (select s.lead_commissioner_id from services s where ${publicService}))
      order by o.name`.execute(this.db)
    return result.rows
  }

  async fundingStreams(): Promise<Array<{ id: number; name: string; slug: string }>> {
    return this.db.selectFrom('funding_streams').select(['id', 'name', 'slug']).orderBy('name').execute()
  }

  async areas(): Promise<Array<{ id: number; name: string; slug: string }>> {
    return this.db
      .selectFrom('areas as ar')
      .select(['ar.id', 'ar.name', 'ar.slug'])
      .where(publicArea)
      .orderBy('ar.name')
      .execute()
  }
}
