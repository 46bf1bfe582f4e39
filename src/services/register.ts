import type { Database } from '../db/database.ts'
import { DecisionRepository, type DecisionDetail, type DecisionListRow } from '../db/repositories/decisions.ts'
import { OrganisationRepository } from '../db/repositories/organisations.ts'

export interface DecisionSearch {
  text?: string
  officeId?: number
  financialYear?: number
  page?: number
}

export interface DecisionSearchResult {
  rows: DecisionListRow[]
  total: number
  page: number
  pageSize: number
  pageCount: number
}

export const REGISTER_PAGE_SIZE = 25

/** The public register of decisions: search, browse and read. */
export class RegisterService {
  private readonly decisions: DecisionRepository
  private readonly organisations: OrganisationRepository

  constructor(database: Database) {
    this.decisions = new DecisionRepository(database.db)
    this.organisations = new OrganisationRepository(database.db)
  }

  async searchDecisions(search: DecisionSearch): Promise<DecisionSearchResult> {
    const page = Math.max(1, search.page ?? 1)
    const { rows, total } = await this.decisions.listPublic({
      text: search.text?.trim() || undefined,
      officeId: search.officeId,
      financialYear: search.financialYear,
      page,
      pageSize: REGISTER_PAGE_SIZE,
    })
    return { rows, total, page, pageSize: REGISTER_PAGE_SIZE, pageCount: Math.max(1, Math.ceil(total / REGISTER_PAGE_SIZE)) }
  }

  async publicDecision(slug: string): Promise<DecisionDetail | undefined> {
    return this.decisions.findPublicBySlug(slug)
  }

  offices() {
    return this.organisations.listOffices()
  }
}
