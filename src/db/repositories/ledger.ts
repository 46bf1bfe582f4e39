import { sql, type Kysely } from 'kysely'
import type { ProcurementRoute } from '../../domain/decision.ts'
import type { DB } from '../tables/index.ts'
import { publicAward } from './public.ts'

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

export interface FlowRow {
  streamId: number | null
  streamName: string | null
  officeId: number
  officeName: string
  leadId: number | null
  leadName: string | null
  recipientId: number | null
  recipientName: string
  pence: number
}

export type LedgerDimension = 'serviceType' | 'provider' | 'service' | 'stream'

const DIMENSIONS = {
  serviceType: { key: sql<string | null>`s.service_type`, label: sql<string | null>`s.service_type`, slug: sql<string | null>`null::text` },
  provider: { key: sql<string | null>`coalesce(a.recipient_id::text, a.recipient_name)`, label: sql<string | null>`coalesce(r.name, a.recipient_name)`, slug: sql<string | null>`r.slug` },
  service: { key: sql<string | null>`s.id::text`, label: sql<string | null>`s.name`, slug: sql<string | null>`s.slug` },
  stream: { key: sql<string | null>`fs.id::text`, label: sql<string | null>`fs.name`, slug: sql<string | null>`fs.slug` },
} satisfies Record<LedgerDimension, { key: unknown; label: unknown; slug: unknown }>

const leadExpr = sql<number | null>`coalesce(a.via_id, s.lead_commissioner_id)`
const dateExpr = sql<string | null>`coalesce(d.date_decided, d.date_received)`

const SORT_EXPRESSIONS: Record<LedgerSort, ReturnType<typeof sql>> = {
  date: dateExpr,
  provider: sql`a.recipient_name`,
  amount: sql`a.amount_pence`,
  year: sql`coalesce(a.period_start, make_date(a.financial_year, 4, 1))`,
  stream: sql`fs.name`,
  route: sql`a.route`,
  lead: sql`lo.name`,
  service: sql`s.name`,
}

/** The areas an award serves: its service's areas, or its decision's where the service names none. */
export function awardServesArea(areaId: number) {
  return sql<boolean>`(
    exists (select 1 from service_areas sa where sa.service_id = a.service_id and sa.area_id = ${areaId})
    or (not exists (select 1 from service_areas sa2 where sa2.service_id = a.service_id)
        and exists (select 1 from decision_areas da where da.decision_id = a.decision_id and da.area_id = ${areaId})))`
}

export class LedgerRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private scope(filter: LedgerFilter) {
    let query = this.db
      .selectFrom('awards as a')
      .innerJoin('decisions as d', 'd.id', 'a.decision_id')
      .leftJoin('services as s', 's.id', 'a.service_id')
      .where(publicAward)
    if (filter.providerId !== undefined) query = query.where('a.recipient_id', '=', filter.providerId)
    if (filter.streamId !== undefined) query = query.where('a.funding_stream_id', '=', filter.streamId)
    if (filter.route !== undefined) query = query.where('a.route', '=', filter.route)
    if (filter.serviceType !== undefined) query = query.where('s.service_type', '=', filter.serviceType)
    if (filter.serviceId !== undefined) query = query.where('a.service_id', '=', filter.serviceId)
    if (filter.officeId !== undefined) query = query.where('d.office_id', '=', filter.officeId)
    if (filter.leadId !== undefined) query = query.where(leadExpr, '=', filter.leadId)
    if (filter.areaId !== undefined) query = query.where(awardServesArea(filter.areaId))
    if (filter.year !== undefined) {
      query = query.where(sql<boolean>`exists (select 1 from award_year_shares ys where ys.award_id = a.id and ys.financial_year = ${filter.year})`)
    }
    return query
  }

  async list(filter: LedgerFilter, order: LedgerOrder, limit: number, offset: number): Promise<LedgerRow[]> {
    const direction = order.direction === 'asc' ? sql`asc nulls last` : sql`desc nulls last`
    const yearShare =
      filter.year === undefined
        ? sql<number | null>`null::bigint`
        : sql<number | null>`(select ys.pence from award_year_shares ys where ys.award_id = a.id and ys.financial_year = ${filter.year})`
    const rows = await this.scope(filter)
      .innerJoin('organisations as o', 'o.id', 'd.office_id')
      .leftJoin('organisations as r', 'r.id', 'a.recipient_id')
      .leftJoin('funding_streams as fs', 'fs.id', 'a.funding_stream_id')
      .leftJoin('organisations as lo', (join) => join.on(sql<boolean>`lo.id = coalesce(a.via_id, s.lead_commissioner_id)`))
      .select([
        'a.id as awardId',
        'd.slug as decisionSlug',
        'd.reference as decisionReference',
        'd.title as decisionTitle',
        dateExpr.as('decisionDate'),
        'o.name as officeName',
        'a.recipient_name as recipientName',
        'r.slug as recipientSlug',
        'a.amount_pence as amountPence',
        'a.per_annum as perAnnum',
        'a.up_to as upTo',
        'a.period_label as periodLabel',
        'a.period_start as periodStart',
        'a.period_end as periodEnd',
        'a.financial_year as financialYear',
        'a.route',
        'fs.name as streamName',
        'fs.slug as streamSlug',
        'lo.name as leadName',
        's.name as serviceName',
        's.slug as serviceSlug',
        's.service_type as serviceType',
        'a.purpose',
        yearShare.as('yearSharePence'),
      ])
      .orderBy(sql`${SORT_EXPRESSIONS[order.sort]} ${direction}`)
      .orderBy('a.id', order.direction)
      .limit(limit)
      .offset(offset)
      .execute()
    return rows as LedgerRow[]
  }

  async totals(filter: LedgerFilter): Promise<LedgerTotals> {
    const oneOff = sql<boolean>`not a.per_annum and not a.up_to`
    const row = await this.scope(filter)
      .select([
        sql<number>`count(*)`.as('count'),
        sql<number>`coalesce(sum(a.amount_pence) filter (where ${oneOff}), 0)`.as('oneOff'),
        sql<number>`count(*) filter (where a.per_annum and not a.up_to)`.as('perAnnumCount'),
        sql<number>`coalesce(sum(a.amount_pence) filter (where a.per_annum and not a.up_to), 0)`.as('perAnnum'),
        sql<number>`count(*) filter (where a.up_to)`.as('ceilingCount'),
        sql<number>`coalesce(sum(a.amount_pence) filter (where a.up_to), 0)`.as('ceiling'),
        filter.year === undefined
          ? sql<number | null>`null::bigint`.as('yearOneOff')
          : sql<number | null>`coalesce(sum((select ys.pence from award_year_shares ys where ys.award_id = a.id and ys.financial_year = ${filter.year})) filter (where ${oneOff}), 0)`.as('yearOneOff'),
      ])
      .executeTakeFirstOrThrow()
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
    const scoped = this.scope({ ...filter, year: undefined })
    const [years, unassigned] = await Promise.all([
      scoped
        .innerJoin('award_year_shares as y', 'y.award_id', 'a.id')
        .$if(filter.year !== undefined, (q) => q.where('y.financial_year', '=', filter.year!))
        .select([
          'y.financial_year as financialYear',
          sql<number>`coalesce(sum(y.pence) filter (where not a.per_annum and not a.up_to), 0)`.as('oneOff'),
          sql<number>`coalesce(sum(y.pence) filter (where a.per_annum and not a.up_to), 0)`.as('perAnnum'),
          sql<number>`coalesce(sum(y.pence) filter (where a.up_to), 0)`.as('ceiling'),
        ])
        .groupBy('y.financial_year')
        .orderBy('y.financial_year')
        .execute(),
      filter.year !== undefined
        ? Promise.resolve({ s: 0 })
        : scoped
            .where('a.per_annum', '=', false)
            .where('a.up_to', '=', false)
            .where(sql<boolean>`not exists (select 1 from award_year_shares ys where ys.award_id = a.id)`)
            .select(sql<number>`coalesce(sum(a.amount_pence), 0)`.as('s'))
            .executeTakeFirstOrThrow(),
    ])
    return {
      years: years.map((y) => ({ financialYear: y.financialYear, oneOffPence: Number(y.oneOff), perAnnumPence: Number(y.perAnnum), ceilingPence: Number(y.ceiling) })),
      unassignedOneOffPence: Number(unassigned.s),
    }
  }

  /**
   * One-off sums apportioned to financial years, grouped by one dimension of the award. Yearly amounts
   * and ceilings are left out: they are not money spent and cannot be added up.
   */
  async oneOffByYearAnd(dimension: LedgerDimension, filter: LedgerFilter): Promise<Array<{ financialYear: number; key: string | null; label: string | null; slug: string | null; pence: number }>> {
    const { key, label, slug } = DIMENSIONS[dimension]
    const rows = await this.scope({ ...filter, year: undefined })
      .innerJoin('award_year_shares as y', 'y.award_id', 'a.id')
      .leftJoin('organisations as r', 'r.id', 'a.recipient_id')
      .leftJoin('funding_streams as fs', 'fs.id', 'a.funding_stream_id')
      .where('a.per_annum', '=', false)
      .where('a.up_to', '=', false)
      .$if(filter.year !== undefined, (q) => q.where('y.financial_year', '=', filter.year!))
      .select(['y.financial_year as financialYear', key.as('key'), label.as('label'), slug.as('slug'), sql<number>`sum(y.pence)`.as('pence')])
      .groupBy(['y.financial_year', key, label, slug])
      .execute()
    return rows.map((row) => ({ ...row, key: row.key === null ? null : String(row.key), pence: Number(row.pence) }))
  }

  /**
   * One-off sums apportioned to years and split between the areas each award serves: equally, in whole
   * pence, the odd pence to the areas first by id, so the areas of a year add up to the year.
   */
  async oneOffByYearAndArea(filter: LedgerFilter): Promise<Array<{ financialYear: number; key: string | null; label: string | null; slug: string | null; pence: number }>> {
    const awards = this.scope({ ...filter, year: undefined }).where('a.per_annum', '=', false).where('a.up_to', '=', false).select(['a.id', 'a.service_id', 'a.decision_id'])
    const yearFilter = filter.year === undefined ? sql`true` : sql`y.financial_year = ${filter.year}`
    const result = await sql<{ financialYear: number; key: string | null; label: string | null; slug: string | null; pence: number }>`
      select t.financial_year as "financialYear", t.area_id::text as key, ar.name as label, ar.slug as slug, sum(t.pence)::bigint as pence
      from (
        select y.financial_year, ao.area_id,
          case when ao.n is null then y.pence else y.pence / ao.n + case when ao.k <= y.pence % ao.n then 1 else 0 end end as pence
        from (${awards}) aw
        join award_year_shares y on y.award_id = aw.id
        left join lateral (
          select x.area_id, count(*) over () as n, row_number() over (order by x.area_id) as k
          from (
            select sa.area_id from service_areas sa where sa.service_id = aw.service_id
            union all
            select da.area_id from decision_areas da where da.decision_id = aw.decision_id
              and not exists (select 1 from service_areas sa2 where sa2.service_id = aw.service_id)
          ) x
        ) ao on true
        where ${yearFilter}
      ) t
      left join areas ar on ar.id = t.area_id
      group by t.financial_year, t.area_id, ar.name, ar.slug`.execute(this.db)
    return result.rows.map((row) => ({ ...row, pence: Number(row.pence) }))
  }

  /** One-off sums (or, with a year, their parts in that year) by funding stream, office, lead commissioner and recipient. */
  async flows(filter: LedgerFilter): Promise<FlowRow[]> {
    const amount = filter.year === undefined ? sql<number>`sum(a.amount_pence)` : sql<number>`sum(y.pence)`
    const rows = await this.scope({ ...filter, year: undefined })
      .$if(filter.year !== undefined, (q) => q.innerJoin('award_year_shares as y', 'y.award_id', 'a.id').where('y.financial_year', '=', filter.year!))
      .innerJoin('organisations as o', 'o.id', 'd.office_id')
      .leftJoin('funding_streams as fs', 'fs.id', 'a.funding_stream_id')
      .leftJoin('organisations as lo', (join) => join.on(sql<boolean>`lo.id = coalesce(a.via_id, s.lead_commissioner_id)`))
      .where('a.per_annum', '=', false)
      .where('a.up_to', '=', false)
      .select([
        'a.funding_stream_id as streamId',
        'fs.name as streamName',
        'd.office_id as officeId',
        'o.name as officeName',
        'lo.id as leadId',
        'lo.name as leadName',
        'a.recipient_id as recipientId',
        sql<string>`min(a.recipient_name)`.as('recipientName'),
        amount.as('pence'),
      ])
      .groupBy(['a.funding_stream_id', 'fs.name', 'd.office_id', 'o.name', 'lo.id', 'lo.name', 'a.recipient_id'])
      .execute()
    return rows.map((row) => ({ ...row, pence: Number(row.pence) }))
  }

  /** Everyone who received a public award, with the count and the one-off total. */
  async recipientTotals(): Promise<Array<{ id: number | null; name: string; slug: string | null; awards: number; oneOffPence: number; recurring: number }>> {
    const rows = await this.scope({})
      .leftJoin('organisations as r', 'r.id', 'a.recipient_id')
      .select([
        'r.id',
        sql<string>`coalesce(r.name, min(a.recipient_name))`.as('name'),
        'r.slug',
        sql<number>`count(*)`.as('awards'),
        sql<number>`coalesce(sum(a.amount_pence) filter (where not a.per_annum and not a.up_to), 0)`.as('oneOff'),
        sql<number>`count(*) filter (where a.per_annum or a.up_to)`.as('recurring'),
      ])
      .groupBy(['r.id', 'r.name', 'r.slug'])
      .orderBy(sql`coalesce(r.name, min(a.recipient_name))`)
      .execute()
    return rows.map((row) => ({ id: row.id, name: row.name, slug: row.slug, awards: Number(row.awards), oneOffPence: Number(row.oneOff), recurring: Number(row.recurring) }))
  }

  /** Per funding stream and year: apportioned one-off sums, yearly amounts and ceilings of public awards. */
  async commitmentsByStream(): Promise<Array<{ streamId: number; financialYear: number; oneOffPence: number; perAnnumPence: number; ceilingPence: number }>> {
    const rows = await this.scope({})
      .innerJoin('award_year_shares as y', 'y.award_id', 'a.id')
      .where('a.funding_stream_id', 'is not', null)
      .select([
        'a.funding_stream_id as streamId',
        'y.financial_year as financialYear',
        sql<number>`coalesce(sum(y.pence) filter (where not a.per_annum and not a.up_to), 0)`.as('oneOff'),
        sql<number>`coalesce(sum(y.pence) filter (where a.per_annum and not a.up_to), 0)`.as('perAnnum'),
        sql<number>`coalesce(sum(y.pence) filter (where a.up_to), 0)`.as('ceiling'),
      ])
      .groupBy(['a.funding_stream_id', 'y.financial_year'])
      .execute()
    return rows.map((row) => ({ streamId: row.streamId!, financialYear: row.financialYear, oneOffPence: Number(row.oneOff), perAnnumPence: Number(row.perAnnum), ceilingPence: Number(row.ceiling) }))
  }

  /** The financial years any award touches, earliest to latest. */
  async yearRange(): Promise<{ first: number; last: number } | null> {
    const row = await this.db
      .selectFrom('award_year_shares')
      .select([sql<number | null>`min(financial_year)`.as('first'), sql<number | null>`max(financial_year)`.as('last')])
      .executeTakeFirstOrThrow()
    return row.first === null || row.last === null ? null : { first: row.first, last: row.last }
  }

  /** Organisations that received a public award. */
  async recipients(): Promise<Array<{ id: number; name: string; slug: string }>> {
    return this.db
      .selectFrom('organisations as o')
      .select(['o.id', 'o.name', 'o.slug'])
      .where('o.merged_into_id', 'is', null)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('awards as a')
            .innerJoin('decisions as d', 'd.id', 'a.decision_id')
            .select(sql`1`.as('one'))
            .whereRef('a.recipient_id', '=', 'o.id')
            .where(publicAward),
        ),
      )
      .orderBy('o.name')
      .execute()
  }

  /** Organisations that money of a public award passed through, or that lead a commissioned service. */
  async leadCommissioners(): Promise<Array<{ id: number; name: string }>> {
    return this.db
      .selectFrom('organisations as o')
      .select(['o.id', 'o.name'])
      .where('o.merged_into_id', 'is', null)
      .where(({ or, exists, selectFrom }) =>
        or([
          exists(
            selectFrom('awards as a')
              .innerJoin('decisions as d', 'd.id', 'a.decision_id')
              .select(sql`1`.as('one'))
              .whereRef('a.via_id', '=', 'o.id')
              .where(publicAward),
          ),
          exists(selectFrom('services as s').select(sql`1`.as('one')).whereRef('s.lead_commissioner_id', '=', 'o.id')),
        ]),
      )
      .orderBy('o.name')
      .execute()
  }

  async fundingStreams(): Promise<Array<{ id: number; name: string; slug: string }>> {
    return this.db.selectFrom('funding_streams').select(['id', 'name', 'slug']).orderBy('name').execute()
  }

  async areas(): Promise<Array<{ id: number; name: string; slug: string }>> {
    return this.db.selectFrom('areas').select(['id', 'name', 'slug']).orderBy('name').execute()
  }
}
