import { sql } from 'kysely'
import { publicArea, publicService } from '../public.ts'
import { ONE_OFF, distinctValues, inOffices, source } from './ledger-conditions.ts'
import type { LedgerFilter } from './ledger-types.ts'
import { LedgerBreakdowns } from './ledger-breakdowns.ts'

export { LEDGER_SORTS } from './ledger-types.ts'
export type {
  LedgerFilter,
  LedgerSort,
  LedgerOrder,
  LedgerPaid,
  LedgerRow,
  LedgerTotals,
  LedgerYearRow,
  LedgerDimension,
  DimensionYearRow,
} from './ledger-types.ts'

/**
 * The public ledger. Reads the trigger-maintained tables of migration 0002: ledger_awards (one row per
 * public award) and ledger_years (the same rows apportioned to financial years), which hold only what the
 * public may see, so no query here can show a withheld award or one of an unpublished or confidential decision.
 */
export class LedgerRepository extends LedgerBreakdowns {
  /** Everyone who received a public award, with the count and the totals of each kind of amount. */
  async recipientTotals(offices?: readonly number[]): Promise<
    Array<{
      id: number | null
      name: string
      slug: string | null
      awards: number
      oneOffPence: number
      perAnnumPence: number
      yearlyCeilingPence: number
      ceilingPence: number
    }>
  > {
    const result = await sql<Record<string, string | number | null>>`
      select r.id, coalesce(r.name, g.recipient_name) as name, r.slug, g.awards, g."oneOff", g."perAnnum", g."yearlyCeiling", g.ceiling
      from (
        select e.recipient_id, min(e.recipient_name) as recipient_name, count(*) as awards,
          coalesce(sum(e.amount_pence) filter (where ${ONE_OFF}), 0) as "oneOff",
          coalesce(sum(e.amount_pence) filter (where e.per_annum and not e.up_to), 0) as "perAnnum",
          coalesce(sum(e.amount_pence) filter (where e.per_annum and e.up_to), 0) as "yearlyCeiling",
          coalesce(sum(e.amount_pence) filter (where e.up_to and not e.per_annum), 0) as ceiling
        from ledger_awards e where ${offices ? inOffices(sql`e.office_id`, offices) : sql`true`} group by e.recipient_id
      ) g left join organisations r on r.id = g.recipient_id
      order by 2`.execute(this.db)
    return result.rows.map((row) => ({
      id: row.id === null ? null : Number(row.id),
      name: String(row.name),
      slug: row.slug === null ? null : String(row.slug),
      awards: Number(row.awards),
      oneOffPence: Number(row.oneOff),
      perAnnumPence: Number(row.perAnnum),
      yearlyCeilingPence: Number(row.yearlyCeiling),
      ceilingPence: Number(row.ceiling),
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

  /** The filtered awards' amounts by kind (one-off or yearly, ceiling or not); with a year, a one-off sum's share of it. */
  async byKind(
    filter: LedgerFilter,
  ): Promise<Array<{ perAnnum: boolean; upTo: boolean; count: number; amountPence: number }>> {
    const result = await sql<{ perAnnum: boolean; upTo: boolean; count: number; pence: number }>`
      select e.per_annum as "perAnnum", e.up_to as "upTo", count(*) as count,
        coalesce(sum(case when ${ONE_OFF} then coalesce(e.pence, e.amount_pence) else e.amount_pence end), 0) as pence
      from ${source(filter)} e group by 1, 2`.execute(this.db)
    return result.rows.map((r) => ({
      perAnnum: r.perAnnum,
      upTo: r.upTo,
      count: Number(r.count),
      amountPence: Number(r.pence),
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

  /** Public areas; for an office register, those a public service of the register's offices serves. */
  async areas(offices?: readonly number[]): Promise<Array<{ id: number; name: string; slug: string }>> {
    return this.db
      .selectFrom('areas as ar')
      .select(['ar.id', 'ar.name', 'ar.slug'])
      .where(publicArea)
      .$if(offices !== undefined, (q) =>
        q.where(
          sql<boolean>`exists (select 1 from service_areas x join services s on s.id = x.service_id
            where x.area_id = ar.id and ${publicService} and ${inOffices(sql`s.office_id`, offices!)})`,
        ),
      )
      .orderBy('ar.name')
      .execute()
  }
}
