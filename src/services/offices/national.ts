import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { DB } from '../../db/tables/index.ts'
import { publicContribution } from '../../db/repositories/public.ts'
import { financialYear } from '../../domain/financial-year.ts'
import { serviceTypeLabel } from '../../domain/service-types.ts'

/** One office's row of the comparison. */
export interface NationalOffice {
  id: number
  name: string
  shortName: string
  slug: string
  /** One-off public spend apportioned to each year of `years`, in pence. */
  byYear: number[]
  totalPence: number
  population: { count: number; year: number; source: string } | null
  /** Pence per head of the latest recorded population, or null when none is recorded. */
  perHeadPence: number | null
}

/** Spend on one thing (a stream, service type or provider) by each office. */
export interface NationalBreakdownRow {
  label: string
  byOffice: number[]
  totalPence: number
  offices: number
}

export interface NationalComparison {
  years: Array<{ startYear: number; label: string }>
  offices: NationalOffice[]
  yearTotals: number[]
  totalPence: number
  byStream: NationalBreakdownRow[]
  byServiceType: NationalBreakdownRow[]
  byProvider: NationalBreakdownRow[]
  /** Organisations that contribute to services of more than one office, or are funded by several. */
  sharedPartners: Array<{ name: string; offices: string[] }>
}

/**
 * The national view: what every office commissions, from the public ledger only (published, reviewed,
 * non-confidential decisions, no withheld award), so no figure can be worked back to something withheld.
 * Spend is one-off amounts apportioned to financial years; yearly amounts and ceilings are not added to them.
 */
export class NationalService {
  constructor(private readonly database: Database) {}

  async comparison(limit = 10): Promise<NationalComparison> {
    const figures = await nationalFigures(this.database.db)
    const startYears = [...new Set(figures.years.map((r) => Number(r.year)))].sort((a, b) => a - b)
    const rows = officeRows(figures, startYears)
    const yearTotals = startYears.map((_, i) => rows.reduce((s, o) => s + o.byYear[i]!, 0))
    const breakdown = (dim: string, label: (raw: string | null) => string) =>
      breakdownRows(
        figures.breakdowns.filter((b) => b.dim === dim),
        rows,
        label,
      ).slice(0, limit)
    return {
      years: startYears.map((y) => ({ startYear: y, label: financialYear(y).label })),
      offices: rows,
      yearTotals,
      totalPence: yearTotals.reduce((a, b) => a + b, 0),
      byStream: breakdown('stream', (l) => l ?? 'Funding stream not recorded'),
      byServiceType: breakdown('type', (l) => (l ? serviceTypeLabel(l) : 'Service type not recorded')),
      byProvider: breakdown('provider', (l) => l ?? 'Provider not recorded'),
      sharedPartners: figures.partners.map((p) => ({ name: p.name, offices: p.offices })),
    }
  }
}

type NationalFigures = Awaited<ReturnType<typeof nationalFigures>>

/** The public ledger's figures the comparison is made of, read at once. */
async function nationalFigures(db: Kysely<DB>) {
  const [offices, years, populations, breakdowns, partners] = await Promise.all([
    db
      .selectFrom('offices as f')
      .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
      .select(['f.organisation_id as id', 'o.name', 'f.short_name as shortName', 'f.slug'])
      .orderBy('o.name')
      .execute(),
    sql<{ officeId: number; year: number; pence: number }>`
      select e.office_id as "officeId", e.financial_year as year, sum(e.pence)::bigint as pence
      from ledger_years e where not e.per_annum and not e.up_to
      group by e.office_id, e.financial_year`.execute(db),
    sql<{ officeId: number; year: number; population: number; source: string }>`
      select distinct on (p.office_id) p.office_id as "officeId", p.year, p.population, p.source
      from office_populations p order by p.office_id, p.year desc`.execute(db),
    sql<{ dim: string; label: string | null; officeId: number; pence: number }>`
      select g.dim, g.label, g.office_id as "officeId", sum(g.pence)::bigint as pence from (
        select 'stream' as dim, e.stream_name as label, e.office_id, e.pence from ledger_years e where not e.per_annum and not e.up_to
        union all
        select 'type', e.service_type, e.office_id, e.pence from ledger_years e where not e.per_annum and not e.up_to
        union all
        select 'provider', e.recipient_name, e.office_id, e.pence from ledger_years e where not e.per_annum and not e.up_to
      ) g group by g.dim, g.label, g.office_id`.execute(db),
    // Partners named by public contributions or public awards of more than one office.
    sql<{ name: string; offices: string[] }>`
      select o.name, array_agg(distinct office.name order by office.name) as offices
      from (
        select c.organisation_id as org, coalesce(d.office_id, s.office_id) as office_id
        from contributions c
        left join decisions d on d.id = c.decision_id
        left join services s on s.id = c.service_id
        where ${publicContribution}
        union
        select e.recipient_id, e.office_id from ledger_awards e where e.recipient_id is not null
      ) x
      join organisations o on o.id = x.org
      join organisations office on office.id = x.office_id
      join offices f on f.organisation_id = x.office_id
      where x.org <> x.office_id
      group by o.name having count(distinct x.office_id) > 1
      order by count(distinct x.office_id) desc, o.name limit 20`.execute(db),
  ])
  return {
    offices,
    years: years.rows,
    populations: populations.rows,
    breakdowns: breakdowns.rows,
    partners: partners.rows,
  }
}

/** Each office's one-off public spend by financial year, its total, and per head of its latest population. */
function officeRows(figures: NationalFigures, startYears: number[]): NationalOffice[] {
  const column = new Map(startYears.map((y, i) => [y, i]))
  const population = new Map(figures.populations.map((p) => [Number(p.officeId), p]))
  const rows: NationalOffice[] = figures.offices.map((o) => {
    const p = population.get(Number(o.id))
    return {
      id: Number(o.id),
      name: o.name,
      shortName: o.shortName,
      slug: o.slug,
      byYear: startYears.map(() => 0),
      totalPence: 0,
      population: p ? { count: Number(p.population), year: Number(p.year), source: p.source } : null,
      perHeadPence: null,
    }
  })
  const byId = new Map(rows.map((o) => [o.id, o]))
  for (const r of figures.years) {
    const office = byId.get(Number(r.officeId))
    if (!office) continue
    office.byYear[column.get(Number(r.year))!]! += Number(r.pence)
    office.totalPence += Number(r.pence)
  }
  for (const office of rows)
    if (office.population) office.perHeadPence = Math.round(office.totalPence / office.population.count)
  return rows
}

/** Spend on each thing of one kind by each office, largest first; the label names what was not recorded. */
function breakdownRows(
  figures: NationalFigures['breakdowns'],
  offices: NationalOffice[],
  label: (raw: string | null) => string,
): NationalBreakdownRow[] {
  const index = new Map(offices.map((o, i) => [o.id, i]))
  const byLabel = new Map<string, NationalBreakdownRow>()
  for (const r of figures) {
    const text = label(r.label)
    let row = byLabel.get(text)
    if (!row) {
      row = { label: text, byOffice: offices.map(() => 0), totalPence: 0, offices: 0 }
      byLabel.set(text, row)
    }
    const i = index.get(Number(r.officeId))
    if (i === undefined) continue
    if (row.byOffice[i] === 0 && Number(r.pence) > 0) row.offices += 1
    row.byOffice[i]! += Number(r.pence)
    row.totalPence += Number(r.pence)
  }
  return [...byLabel.values()].sort((a, b) => b.totalPence - a.totalPence || a.label.localeCompare(b.label))
}
