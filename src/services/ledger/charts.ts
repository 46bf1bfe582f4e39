import type { Database } from '../../db/database.ts'
import { LedgerRepository, type LedgerFilter } from '../../db/repositories/ledger/ledger.ts'
import { buildFlow, type Flow } from '../../domain/flow.ts'
import { financialYear } from '../../domain/financial-year.ts'
import { serviceTypeLabel } from '../../domain/service-types.ts'
import { PublicFiguresMemo } from '../shared/public-figures-memo.ts'

export type SpendDimension = 'serviceType' | 'provider' | 'area'

export interface SpendSeries {
  key: string
  label: string
  href: string | null
  byYear: number[]
  totalPence: number
}

export interface SpendByYear {
  dimension: SpendDimension
  years: Array<{ startYear: number; label: string }>
  series: SpendSeries[]
  yearTotals: number[]
  totalPence: number
}

const NOT_STATED: Record<SpendDimension, string> = {
  serviceType: 'Service type not recorded',
  provider: 'Provider not recorded',
  area: 'Area not recorded',
}

/** The figures behind the charts: one-off spend apportioned to financial years, and the flow of money. */
export class ChartsService {
  private readonly ledger: LedgerRepository

  constructor(
    database: Database,
    private readonly figures = new PublicFiguresMemo(database),
  ) {
    this.ledger = new LedgerRepository(database.db)
  }

  /** Spend per financial year split by one dimension; categories beyond the `maxSeries` largest are one "Others". */
  async spendByYear(dimension: SpendDimension, filter: LedgerFilter = {}, maxSeries = 7): Promise<SpendByYear> {
    const rows = await this.figures.get(`charts.${dimension}:${JSON.stringify(filter)}`, () =>
      dimension === 'area' ? this.ledger.oneOffByYearAndArea(filter) : this.ledger.oneOffByYearAnd(dimension, filter),
    )
    // Every financial year from the first to the last, those with no spend too, so the axis is continuous.
    const found = rows.map((r) => r.financialYear)
    const startYears = found.length
      ? Array.from({ length: Math.max(...found) - Math.min(...found) + 1 }, (_, i) => Math.min(...found) + i)
      : []
    const column = new Map(startYears.map((y, i) => [y, i]))
    const byKey = new Map<string, SpendSeries>()
    for (const row of rows) {
      const key = row.key ?? ''
      let series = byKey.get(key)
      if (!series) {
        series = {
          key,
          label: this.label(dimension, row.label),
          href: this.href(dimension, row.slug, row.key),
          byYear: startYears.map(() => 0),
          totalPence: 0,
        }
        byKey.set(key, series)
      }
      series.byYear[column.get(row.financialYear)!]! += row.pence
      series.totalPence += row.pence
    }
    const ranked = [...byKey.values()].sort((a, b) => b.totalPence - a.totalPence || a.label.localeCompare(b.label))
    const series = ranked.slice(0, maxSeries)
    const rest = ranked.slice(maxSeries)
    if (rest.length) {
      series.push({
        key: 'others',
        label: `Others (${rest.length})`,
        href: null,
        byYear: startYears.map((_, i) => rest.reduce((s, r) => s + r.byYear[i]!, 0)),
        totalPence: rest.reduce((s, r) => s + r.totalPence, 0),
      })
    }
    const yearTotals = startYears.map((_, i) => series.reduce((s, r) => s + r.byYear[i]!, 0))
    return {
      dimension,
      years: startYears.map((y) => ({ startYear: y, label: financialYear(y).label })),
      series,
      yearTotals,
      totalPence: yearTotals.reduce((a, b) => a + b, 0),
    }
  }

  async flow(filter: LedgerFilter = {}, maxProviders = 12): Promise<Flow> {
    const links = await this.figures.get(`charts.flow:${JSON.stringify(filter)}`, () => this.ledger.flowLinks(filter))
    return buildFlow(links, maxProviders)
  }

  private label(dimension: SpendDimension, label: string | null): string {
    if (label === null) return NOT_STATED[dimension]
    return dimension === 'serviceType' ? serviceTypeLabel(label) : label
  }

  private href(dimension: SpendDimension, slug: string | null, key: string | null): string | null {
    if (dimension === 'provider' && slug) return `/providers/${slug}`
    if (dimension === 'area' && slug) return `/areas/${slug}`
    if (dimension === 'serviceType' && key) return `/ledger?type=${encodeURIComponent(key)}`
    return null
  }
}
