import type { Database } from '../../db/database.ts'
import {
  DecisionRepository,
  type DecisionDetail,
  type DecisionListRow,
} from '../../db/repositories/decisions/decisions.ts'
import { OrganisationRepository } from '../../db/repositories/ledger/organisations.ts'
import { PublicAppendixRepository, PublicDocumentRepository } from '../../db/repositories/decisions/public-documents.ts'

export interface DecisionSearch {
  text?: string
  officeId?: number
  /** An office register's offices (the office and its predecessors). */
  offices?: number[]
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
  private readonly documents: PublicDocumentRepository
  private readonly appendices: PublicAppendixRepository

  constructor(database: Database) {
    this.decisions = new DecisionRepository(database.db)
    this.documents = new PublicDocumentRepository(database.db)
    this.appendices = new PublicAppendixRepository(database.db)
    this.organisations = new OrganisationRepository(database.db)
  }

  async searchDecisions(search: DecisionSearch): Promise<DecisionSearchResult> {
    const page = Math.max(1, search.page ?? 1)
    const { rows, total } = await this.decisions.listPublic({
      text: search.text?.trim() || undefined,
      officeId: search.officeId,
      offices: search.offices,
      financialYear: search.financialYear,
      page,
      pageSize: REGISTER_PAGE_SIZE,
    })
    return {
      rows,
      total,
      page,
      pageSize: REGISTER_PAGE_SIZE,
      pageCount: Math.max(1, Math.ceil(total / REGISTER_PAGE_SIZE)),
    }
  }

  /** A published decision as the public may see it: what is withheld is not in it at all (see `withholdFromPublic`). */
  async publicDecision(slug: string): Promise<DecisionDetail | undefined> {
    const detail = await this.decisions.findPublicBySlug(slug)
    return detail && withholdFromPublic(detail)
  }

  /** The name, type and size of the published document an imported record was read from (public records only). */
  readonly publicDocumentInfo = (slug: string) => this.documents.info(slug)

  /** The published document itself, for download. */
  readonly publicDocument = (slug: string) => this.documents.content(slug)

  /** The public appendices of a public decision (never a withheld one, nor any of a confidential decision). */
  readonly publicAppendices = (slug: string) => this.appendices.list(slug)

  /** One public appendix, for download. */
  readonly publicAppendix = (slug: string, id: number) => this.appendices.content(slug, id)

  /** “Did you mean …?”: a public name close to words that found nothing. */
  readonly suggestion = (words: string) => this.decisions.suggestName(words.trim().slice(0, 200))

  /** The financial years that hold at least one listed decision, latest first: the year filter's choices. */
  readonly years = () => this.decisions.publicYears()

  readonly offices = () => this.organisations.listOffices()
}

/** The section whose withholding also withholds what the record says about revenue, capital and budget. */
const FINANCIAL_SECTION_KEY = 'financial_information'

/**
 * A decision with everything the public may not see taken out, so that no page, notice or PDF drawn from it
 * can show it:
 * - a confidential decision keeps only its reference, title, office, kind, status, dates and exemption: no
 *   author, summary, text, sections, money, areas, sign-offs (names or dates), declaration, findings or links;
 * - when any award is withheld, the withheld awards, the stated total, the partner contributions and the
 *   findings (which quote amounts) go, so the withheld amount cannot be worked out from what is left;
 * - a withheld financial-information section takes the revenue or capital and budget answers with it.
 */
export function withholdFromPublic(detail: DecisionDetail): DecisionDetail {
  const d = detail.decision
  if (d.classification === 'confidential') {
    return {
      ...detail,
      decision: {
        ...d,
        author_name: null,
        author_contact: null,
        executive_summary: null,
        decision_text: null,
        revenue_or_capital: null,
        in_budget: null,
        declaration: null,
        declared_interest: null,
        decision_maker_name: null,
        decision_maker_title: null,
        stated_total_pence: null,
        stated_total_per_annum: false,
        awards_exemption: null,
        public_text: '',
        returned_comment: null,
        rejection_reasons: null,
      },
      sections: [],
      awards: [],
      contributions: [],
      findings: [],
      signOffs: [],
      areas: [],
      links: [],
    }
  }
  const moneyWithheld = d.awards_exemption !== null || detail.awards.some((a) => a.withheld)
  const financeWithheld = detail.sections.some((s) => s.key === FINANCIAL_SECTION_KEY && s.withheld)
  return {
    ...detail,
    decision: {
      ...d,
      author_contact: null,
      returned_comment: null,
      stated_total_pence: moneyWithheld ? null : d.stated_total_pence,
      stated_total_per_annum: moneyWithheld ? false : d.stated_total_per_annum,
      revenue_or_capital: financeWithheld ? null : d.revenue_or_capital,
      in_budget: financeWithheld ? null : d.in_budget,
    },
    sections: detail.sections.map((s) => (s.withheld ? { ...s, body: '' } : s)),
    awards: detail.awards.filter((a) => !a.withheld),
    contributions: moneyWithheld ? [] : detail.contributions,
    findings: moneyWithheld ? [] : detail.findings,
  }
}
