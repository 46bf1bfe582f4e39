import { LedgerRepository, type LedgerFilter } from '../../db/repositories/ledger/ledger.ts'
import {
  PublicContributionRepository,
  type ContributionFilter,
  type ContributionRow,
} from '../../db/repositories/ledger/public-contributions.ts'
import { addKindTotals, emptyKindTotals, totalsByKind, type KindTotals } from '../../domain/amount-kinds.ts'
import { amountBasis } from '../../domain/ledger.ts'
import { PublicFiguresService } from '../shared/public-figures-memo.ts'

export type { ContributionFilter, ContributionRow } from '../../db/repositories/ledger/public-contributions.ts'

export interface MoneyByKind {
  /** The awards' amounts by kind. */
  awards: KindTotals
  /** Partners' contributions (co-funding) by kind. */
  contributions: KindTotals
  /** Both together: what the office and its partners commit. */
  combined: KindTotals
  contributionRows: ContributionRow[]
  /** The part of the contributions an office makes to its own jointly commissioned services, and who. */
  officeOwn: { totals: KindTotals; offices: string[] }
}

/**
 * Co-funding beside the awards: partners' contributions to commissioned services, and the money of a ledger
 * filter split by kind (one-off, yearly, ceilings), awards and contributions alike.
 */
export class CoFundingService extends PublicFiguresService {
  private readonly ledger = new LedgerRepository(this.database.db)
  private readonly contributionsRepository = new PublicContributionRepository(this.database.db)

  /** The contributions a ledger filter selects. A funding stream or procurement route is a property of awards only, so it selects none. */
  async contributions(filter: LedgerFilter & { partnerId?: number }): Promise<ContributionRow[]> {
    if (filter.streamId !== undefined || filter.route !== undefined) return []
    return this.contributionsRepository.list(toContributionFilter(filter))
  }

  /** The money of a ledger filter by kind: awards, partners' contributions, and the two together. */
  money(filter: LedgerFilter & { partnerId?: number }): Promise<MoneyByKind> {
    return this.figures.get(`coFunding.money:${JSON.stringify(filter)}`, () => this.readMoney(filter))
  }

  private async readMoney(filter: LedgerFilter & { partnerId?: number }): Promise<MoneyByKind> {
    const [kinds, contributionRows] = await Promise.all([
      filter.partnerId === undefined ? this.ledger.byKind(filter) : Promise.resolve([]),
      this.contributions(filter),
    ])
    const awards = emptyKindTotals()
    for (const k of kinds) {
      const total = awards[amountBasis(k)]
      total.pence += k.amountPence
      total.count += k.count
    }
    const contributions = totalsByKind(contributionRows)
    const own = contributionRows.filter((r) => r.partnerId !== null && r.partnerId === r.officeId)
    return {
      awards,
      contributions,
      combined: addKindTotals(awards, contributions),
      contributionRows,
      officeOwn: { totals: totalsByKind(own), offices: [...new Set(own.map((r) => r.partnerName))].sort() },
    }
  }

  partners() {
    return this.figures.get('coFunding.partners', () => this.contributionsRepository.partners())
  }
}

function toContributionFilter(filter: LedgerFilter & { partnerId?: number }): ContributionFilter {
  const { partnerId, providerId, year, areaId, serviceId, serviceType, leadId, officeId, offices } = filter
  return Object.fromEntries(
    Object.entries({ partnerId, providerId, year, areaId, serviceId, serviceType, leadId, officeId, offices }).filter(
      ([, v]) => v !== undefined,
    ),
  ) as ContributionFilter
}
