import type { Database } from '../../db/database.ts'
import {
  CommissionedServiceRepository,
  type ServiceDetail,
  type ServiceListFilter,
  type ServiceSummary,
} from '../../db/repositories/ledger/services.ts'
import { financialYear } from '../../domain/financial-year.ts'
import {
  currentEnd,
  latestPossibleEnd,
  recommissioningPipeline,
  type PipelineEntry,
  type PipelineWindow,
} from '../../domain/pipeline.ts'
import { proRataContribution, ProRataError, type ProRataResult } from '../../domain/pro-rata.ts'
import type { PipelineRow } from '../../db/repositories/ledger/services.ts'
import { publicAreaBySlug } from '../../db/repositories/public-subjects.ts'

export interface ServiceListItem extends ServiceSummary {
  latestEnd: string | null
}

export interface ContributionView {
  id: number
  organisationName: string
  organisationSlug: string | null
  amountPence: number
  perAnnum: boolean
  upTo: boolean
  condition: string | null
  proRata: boolean
  office: boolean
}

export interface ContributionYear {
  /** null: the same every year of the contract, or for the whole term. */
  financialYear: number | null
  label: string
  contributions: ContributionView[]
  perAnnumTotalPence: number
  oneOffTotalPence: number
  anyCeiling: boolean
}

export interface ProRataCalculator {
  officeContribution: ContributionView
  partners: ContributionView[]
}

export interface ServicePage {
  detail: ServiceDetail
  currentEnd: string | null
  latestEnd: string | null
  extensionAvailableMonths: number
  contributionYears: ContributionYear[]
  calculator: ProRataCalculator | null
}

export interface PipelineView {
  on: string
  windows: Array<{ months: PipelineWindow; entries: Array<PipelineEntry<PipelineRow>> }>
  count: number
}

/** Commissioned services and contracts: what runs, who provides it, who pays, and when it must be recommissioned. */
export class CommissioningService {
  private readonly services: CommissionedServiceRepository

  constructor(private readonly database: Database) {
    this.services = new CommissionedServiceRepository(database.db)
  }

  async list(filter: ServiceListFilter = {}): Promise<ServiceListItem[]> {
    const rows = await this.services.listPublic(filter)
    return rows.map((row) => ({
      ...row,
      latestEnd: row.endDate
        ? latestPossibleEnd({
            endDate: row.endDate,
            extensionMonths: row.extensionMonths,
            extensionTakenMonths: row.extensionTakenMonths,
          })
        : null,
    }))
  }

  async service(slug: string): Promise<ServicePage | undefined> {
    const detail = await this.services.findPublicBySlug(slug)
    if (!detail) return undefined
    const s = detail.service
    const term = s.end_date
      ? { endDate: s.end_date, extensionMonths: s.extension_months, extensionTakenMonths: s.extension_taken_months }
      : null
    const contributions: ContributionView[] = detail.contributions.map((c) => ({
      id: c.id,
      organisationName: c.organisation_name,
      organisationSlug: c.organisationSlug,
      amountPence: c.amount_pence,
      perAnnum: c.per_annum,
      upTo: c.up_to,
      condition: c.condition,
      proRata: c.pro_rata_with_partners,
      office: c.officeContribution,
    }))
    const years = new Map<number | null, ContributionView[]>()
    detail.contributions.forEach((c, i) =>
      years.set(c.financial_year, [...(years.get(c.financial_year) ?? []), contributions[i]!]),
    )
    const contributionYears = [...years.entries()].map(([year, list]) => ({
      financialYear: year,
      label: year === null ? 'Every year of the contract' : financialYear(year).label,
      contributions: list,
      perAnnumTotalPence: list.filter((c) => c.perAnnum).reduce((sum, c) => sum + c.amountPence, 0),
      oneOffTotalPence: list.filter((c) => !c.perAnnum).reduce((sum, c) => sum + c.amountPence, 0),
      anyCeiling: list.some((c) => c.upTo),
    }))
    return {
      detail,
      currentEnd: term ? currentEnd(term) : null,
      latestEnd: term ? latestPossibleEnd(term) : null,
      extensionAvailableMonths: Math.max(0, (s.extension_months ?? 0) - s.extension_taken_months),
      contributionYears,
      calculator: this.calculator(contributionYears),
    }
  }

  /**
   * What the office's contribution becomes if a partner reduces theirs by a percentage, under a pro-rata
   * clause. Throws ProRataError with a message for the form when the input does not fit the service.
   */
  proRata(page: ServicePage, partnerId: number, reductionBasisPoints: number): ProRataResult {
    const calculator = page.calculator
    if (!calculator) throw new ProRataError('This service has no pro-rata clause')
    return proRataContribution({
      officePence: calculator.officeContribution.amountPence,
      partners: calculator.partners.map((p) => ({ key: String(p.id), name: p.organisationName, pence: p.amountPence })),
      reducingPartnerKey: String(partnerId),
      reductionBasisPoints,
    })
  }

  /** The pipeline as on a date; for an office register, of the register's offices' services only. */
  async pipeline(on: string, offices?: number[]): Promise<PipelineView> {
    const rows = await this.services.pipelineCandidates(offices)
    const entries = recommissioningPipeline(
      rows.map((row) => ({
        item: row,
        endDate: row.endDate,
        extensionMonths: row.extensionMonths,
        extensionTakenMonths: row.extensionTakenMonths,
        successorDecidedOn: row.successorDecidedOn,
      })),
      on,
    )
    const windows = ([6, 12, 18] as const).map((months) => ({
      months,
      entries: entries.filter((e) => e.window === months),
    }))
    return { on, windows, count: entries.length }
  }

  /** One public area and the services that serve it; for an office register, the register's offices' services. */
  async area(
    slug: string,
    offices?: number[],
  ): Promise<
    { area: { id: number; name: string; slug: string; kind: string }; services: ServiceListItem[] } | undefined
  > {
    const area = await publicAreaBySlug(this.database.db, slug)
    if (!area) return undefined
    return { area, services: await this.list({ areaId: area.id, offices }) }
  }

  /** The office's pro-rata contribution and its partners' in the same year, when the service has one. */
  private calculator(years: ContributionYear[]): ProRataCalculator | null {
    for (const year of years) {
      const officeContribution = year.contributions.find((c) => c.office && c.proRata)
      const partners = year.contributions.filter((c) => !c.office && c.perAnnum === officeContribution?.perAnnum)
      if (officeContribution && partners.length) return { officeContribution, partners }
    }
    return null
  }
}
