import {
  LedgerRepository,
  type LedgerFilter,
  type LedgerOrder,
  type LedgerPaid,
  type LedgerRow,
  type LedgerTotals,
  type LedgerYearRow,
} from '../../db/repositories/ledger/ledger.ts'
import { OrganisationRepository, type Organisation } from '../../db/repositories/ledger/organisations.ts'
import { financialYear } from '../../domain/financial-year.ts'

export type {
  LedgerFilter,
  LedgerOrder,
  LedgerPaid,
  LedgerRow,
  LedgerTotals,
} from '../../db/repositories/ledger/ledger.ts'
import { PublicFiguresService } from '../shared/public-figures-memo.ts'

export const LEDGER_PAGE_SIZE = 50
const CSV_BATCH = 5000
/** A provider's page lists its latest awards, this many; the ledger filtered to the provider lists them all. */
const PROVIDER_PAGE_AWARDS = 100

export interface LedgerPage {
  rows: LedgerRow[]
  totals: LedgerTotals
  paid: LedgerPaid
  page: number
  pageCount: number
  pageSize: number
}

export interface LedgerOptions {
  providers: Array<{ id: number; name: string; slug: string }>
  streams: Array<{ id: number; name: string; slug: string }>
  areas: Array<{ id: number; name: string; slug: string }>
  leads: Array<{ id: number; name: string }>
  years: Array<{ startYear: number; label: string }>
}

export interface ApportionedYears {
  years: Array<LedgerYearRow & { label: string }>
  unassignedOneOffPence: number
  oneOffTotalPence: number
}

export interface ProviderPage {
  organisation: Organisation
  aliases: string[]
  years: ApportionedYears
  services: Array<{
    key: string | null
    label: string | null
    slug: string | null
    byYear: Map<number, number>
    totalPence: number
  }>
  serviceYears: number[]
  awards: LedgerRow[]
  totals: LedgerTotals
  paid: LedgerPaid
}

/** The public funding ledger: every public award, filtered, sorted, apportioned to years, and by provider. */
export class LedgerService extends PublicFiguresService {
  private readonly ledger = new LedgerRepository(this.database.db)
  private readonly organisations = new OrganisationRepository(this.database.db)

  async page(filter: LedgerFilter, order: LedgerOrder, page = 1): Promise<LedgerPage> {
    const [rows, totals, paid] = await Promise.all([
      this.ledger.list(filter, order, LEDGER_PAGE_SIZE, (page - 1) * LEDGER_PAGE_SIZE),
      this.totals(filter),
      this.paid(filter),
    ])
    return {
      rows,
      totals,
      paid,
      page,
      pageSize: LEDGER_PAGE_SIZE,
      pageCount: Math.max(1, Math.ceil(totals.count / LEDGER_PAGE_SIZE)),
    }
  }

  /** Every row the filtered, sorted ledger holds, in its order, a batch at a time (for the CSV download). */
  async *allRows(filter: LedgerFilter, order: LedgerOrder): AsyncGenerator<LedgerRow> {
    for (let offset = 0; ; offset += CSV_BATCH) {
      const batch = await this.ledger.list(filter, order, CSV_BATCH, offset)
      yield* batch
      if (batch.length < CSV_BATCH) return
    }
  }

  /** Per financial year, the filtered awards: one-off sums apportioned by days, which add up to their total. */
  async apportioned(filter: LedgerFilter): Promise<ApportionedYears> {
    const { years, unassignedOneOffPence } = await this.figures.get(`ledger.byYear:${JSON.stringify(filter)}`, () =>
      this.ledger.byYear(filter),
    )
    const labelled = years.map((y) => ({ ...y, label: financialYear(y.financialYear).label }))
    return {
      years: labelled,
      unassignedOneOffPence,
      oneOffTotalPence: labelled.reduce((s, y) => s + y.oneOffPence, unassignedOneOffPence),
    }
  }

  options(): Promise<LedgerOptions> {
    return this.figures.get('ledger.options', () => this.readOptions())
  }

  private async readOptions(): Promise<LedgerOptions> {
    const [providers, streams, areas, leads, range] = await Promise.all([
      this.ledger.recipients(),
      this.ledger.fundingStreams(),
      this.ledger.areas(),
      this.ledger.leadCommissioners(),
      this.ledger.yearRange(),
    ])
    const years: Array<{ startYear: number; label: string }> = []
    if (range)
      for (let y = range.last; y >= range.first; y--) years.push({ startYear: y, label: financialYear(y).label })
    return { providers, streams, areas, leads, years }
  }

  /** Every public area; for an office register, the areas its offices' services serve. */
  areas(offices?: readonly number[]) {
    return this.ledger.areas(offices)
  }

  /** Every public recipient with its totals; for an office register, of that register's offices' awards only. */
  providers(offices?: readonly number[]) {
    return this.figures.get(`ledger.providers:${JSON.stringify(offices ?? null)}`, () =>
      this.ledger.recipientTotals(offices),
    )
  }

  /** Everything an organisation received, by year and by service. A merged organisation answers with the one it became. */
  async provider(slug: string): Promise<ProviderPage | { mergedInto: string } | undefined> {
    const organisation = await this.organisations.findPublicBySlug(slug)
    if (!organisation) return undefined
    if (organisation.merged_into_id !== null) {
      let target = await this.organisations.findById(organisation.merged_into_id)
      while (target && target.merged_into_id !== null) target = await this.organisations.findById(target.merged_into_id)
      return target ? { mergedInto: target.slug } : undefined
    }
    const filter: LedgerFilter = { providerId: organisation.id }
    const [aliases, years, byService, awards, totals, paid] = await Promise.all([
      this.organisations.aliases(organisation.id),
      this.apportioned(filter),
      this.figures.get(`ledger.byService:${JSON.stringify(filter)}`, () =>
        this.ledger.oneOffByYearAnd('service', filter),
      ),
      this.ledger.list(filter, { sort: 'date', direction: 'desc' }, PROVIDER_PAGE_AWARDS, 0),
      this.totals(filter),
      this.paid(filter),
    ])
    const services = new Map<string, ProviderPage['services'][number]>()
    for (const row of byService) {
      const key = row.key ?? ''
      let entry = services.get(key)
      if (!entry) {
        entry = { key: row.key, label: row.label, slug: row.slug, byYear: new Map(), totalPence: 0 }
        services.set(key, entry)
      }
      entry.byYear.set(row.financialYear, (entry.byYear.get(row.financialYear) ?? 0) + row.pence)
      entry.totalPence += row.pence
    }
    const serviceYears = [...new Set(byService.map((r) => r.financialYear))].sort((a, b) => a - b)
    return {
      organisation,
      aliases,
      years,
      services: [...services.values()].sort((a, b) => (a.label ?? '\uffff').localeCompare(b.label ?? '\uffff')),
      serviceYears,
      awards,
      totals,
      paid,
    }
  }

  /** Paid against committed for the filtered public awards (the whole ledger, a provider, service, stream, area or year). */
  paid(filter: LedgerFilter): Promise<LedgerPaid> {
    return this.figures.get(`ledger.paid:${JSON.stringify(filter)}`, () => this.ledger.paid(filter))
  }

  /** The filtered public awards' count and sums by kind. */
  totals(filter: LedgerFilter): Promise<LedgerTotals> {
    return this.figures.get(`ledger.totals:${JSON.stringify(filter)}`, () => this.ledger.totals(filter))
  }
}
