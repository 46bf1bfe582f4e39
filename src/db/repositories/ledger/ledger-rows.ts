import { sql, type Kysely } from 'kysely'
import type { DB } from '../../tables/index.ts'
import { FIXED_BY, ONE_OFF, SORT_COLUMNS, conditions, cubeKey, source } from './ledger-conditions.ts'
import type { LedgerFilter, LedgerOrder, LedgerPaid, LedgerRow, LedgerTotals, LedgerYearRow } from './ledger-types.ts'

/** The ledger's rows, their totals, and the totals per financial year. */
export class LedgerRows {
  constructor(protected readonly db: Kysely<DB>) {}

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
        s.slug as "serviceSlug", p.service_type as "serviceType", a.purpose, p.pence as "yearSharePence",
        award_committed_pence(a.amount_pence, a.per_annum, a.period_start, a.period_end) as "committedPence",
        coalesce((select sum(sp.amount_pence) from spend_award_payments sp where sp.award_id = a.id), 0) as "paidPence"
      from (select e.* from ${source(filter)} e order by ${column} ${direction} limit ${limit} offset ${offset}) p
      join awards a on a.id = p.award_id
      join decisions d on d.id = p.decision_id
      join organisations o on o.id = p.office_id
      left join organisations r on r.id = p.recipient_id
      left join funding_streams fs on fs.id = p.stream_id
      left join services s on s.id = p.service_id
      order by ${outerColumn} ${outerDirection}`.execute(this.db)
    return result.rows.map((r) => ({ ...r, committedPence: Number(r.committedPence), paidPence: Number(r.paidPence) }))
  }

  /**
   * Paid against committed for the filtered public awards: every award's commitment and the payments matched to
   * it. With a year, each award's share of that year and the payments made in that year.
   */
  async paid(filter: LedgerFilter): Promise<LedgerPaid> {
    const result =
      filter.year === undefined
        ? await sql<{ committed: number; paid: number }>`
            select coalesce(sum(award_committed_pence(a.amount_pence, a.per_annum, a.period_start, a.period_end)), 0) as committed,
              coalesce(sum((select sum(sp.amount_pence) from spend_award_payments sp where sp.award_id = e.award_id)), 0) as paid
            from ${source(filter)} e join awards a on a.id = e.award_id`.execute(this.db)
        : await sql<{ committed: number; paid: number }>`
            select coalesce(sum(e.pence), 0) as committed,
              coalesce(sum((select sum(sp.amount_pence) from spend_award_payments sp where sp.award_id = e.award_id
                and sp.paid_on between make_date(${filter.year}, 4, 1) and make_date(${filter.year + 1}, 3, 31))), 0) as paid
            from ${source(filter)} e`.execute(this.db)
    const committedPence = Number(result.rows[0]!.committed)
    const paidPence = Number(result.rows[0]!.paid)
    return { committedPence, paidPence, unpaidPence: committedPence - paidPence }
  }

  /** The cube's running totals for one filter, a row a financial year (0 for the whole ledger). */
  private cubeRows(key: { dim: string; value: string }) {
    return this.db.selectFrom('ledger_cube').selectAll().where('dim', '=', key.dim).where('value', '=', key.value)
  }

  async totals(filter: LedgerFilter): Promise<LedgerTotals> {
    const key = cubeKey(filter)
    if (key) {
      const c = await this.cubeRows(key)
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
      const rows = await this.cubeRows(key)
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
}
