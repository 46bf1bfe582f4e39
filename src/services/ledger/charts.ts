import { LedgerRepository, type LedgerFilter } from '../../db/repositories/ledger/ledger.ts'
import { PublicContributionRepository } from '../../db/repositories/ledger/public-contributions.ts'
import { buildFlow, contributionsCountedInYear, type Flow, type FlowItem } from '../../domain/flow.ts'
import { financialYear, financialYearOf } from '../../domain/financial-year.ts'
import { apportionByDays } from '../../domain/ledger.ts'
import { todayInLondon } from '../../domain/uk-date.ts'
import { serviceTypeLabel } from '../../domain/service-types.ts'
import { PublicFiguresService } from '../shared/public-figures-memo.ts'

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

export type FlowOfYear = Flow & { year: number; label: string }

/** The figures behind the charts: one-off spend apportioned to financial years, and the flow of money. */
export class ChartsService extends PublicFiguresService {
  private readonly ledger = new LedgerRepository(this.database.db)
  private readonly contributions = new PublicContributionRepository(this.database.db)

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

  /**
   * The flow of money in one financial year: the awards' money from their funding streams and the partners'
   * contributions, through the lead commissioners to the providers. Without a year, the latest year up to the
   * current one in which the awards have money.
   */
  flow(filter: LedgerFilter = {}, maxProviders = 12, today = todayInLondon()): Promise<FlowOfYear> {
    return this.figures.get(`charts.flow:${JSON.stringify(filter)}:${maxProviders}:${today}`, () =>
      this.readFlow(filter, maxProviders, today),
    )
  }

  private async readFlow(filter: LedgerFilter, maxProviders: number, today: string): Promise<FlowOfYear> {
    const year = filter.year ?? (await this.flowYear(filter, today))
    const [awards, contributions] = await Promise.all([
      this.ledger.flowItems({ ...filter, year }),
      this.contributionItems({ ...filter, year }),
    ])
    return { year, label: financialYear(year).label, ...buildFlow([...awards, ...contributions], maxProviders) }
  }

  private async flowYear(filter: LedgerFilter, today: string): Promise<number> {
    const current = financialYearOf(today).startYear
    return (await this.ledger.latestYear(filter, current)) ?? current
  }

  /**
   * Partners' contributions in the year, each divided equally (in whole pence, the odd pence to the first) between
   * the providers of its service. A funding stream or procurement route is a property of awards only, so a filter
   * naming one selects no contribution.
   */
  private async contributionItems(filter: LedgerFilter & { year: number }): Promise<FlowItem[]> {
    if (filter.streamId !== undefined || filter.route !== undefined) return []
    const { year, providerId, areaId, serviceId, serviceType, leadId, officeId, offices } = filter
    const rows = await this.contributions.list(
      Object.fromEntries(
        Object.entries({ year, providerId, areaId, serviceId, serviceType, leadId, officeId, offices }).filter(
          ([, v]) => v !== undefined,
        ),
      ),
    )
    const keyed = rows.map((row) => ({
      row,
      partnerKey: row.partnerId === null ? `name:${row.partnerName}` : String(row.partnerId),
      serviceId: row.serviceId,
      financialYear: row.financialYear,
      perAnnum: row.perAnnum,
      upTo: row.upTo,
      pence: row.amountPence,
    }))
    const providers = await this.contributions.providersOf(
      rows.flatMap((r) => (r.serviceId === null ? [] : [r.serviceId])),
    )
    const items: FlowItem[] = []
    for (const c of contributionsCountedInYear(keyed, year)) {
      const { row } = c
      const pence =
        c.financialYear === year || c.perAnnum
          ? c.pence
          : row.periodStart
            ? (apportionByDays(c.pence, row.periodStart, row.periodEnd ?? row.periodStart).find(
                (share) => share.startYear === year,
              )?.pence ?? 0)
            : 0
      const to = (row.serviceId === null ? undefined : providers.get(row.serviceId)) ?? []
      const shares = to.length ? to : [null]
      shares.forEach((provider, i) => {
        const part = Math.floor(pence / shares.length) + (i < pence % shares.length ? 1 : 0)
        items.push({
          originKind: 'partner',
          originKey: c.partnerKey,
          originName: row.partnerName,
          leadKey: row.leadId === null ? '0' : String(row.leadId),
          leadName: row.leadName,
          providerKey: provider ? String(provider.id) : '0',
          providerName: provider?.name ?? null,
          pence: part,
          upTo: row.upTo,
        })
      })
    }
    return items
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
