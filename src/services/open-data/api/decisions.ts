import { matchesWords } from '../../../db/repositories/decisions/decision-search.ts'
import { readSearchQuery } from '../../../domain/search-query.ts'
import { sql, type Kysely } from 'kysely'
import type { Classification, DecisionKind, DecisionStatus, LinkKind } from '../../../domain/decision.ts'
import { penceToPounds } from '../../../domain/money.ts'
import type { DB } from '../../../db/tables/index.ts'
import { decisionDate, decisionFinancialYear, listedDecision, openMoney } from '../public-scope.ts'
import { type Page, type PageRequest, newestFirstPage } from './page.ts'
import { awardsOfDecision, type ApiAward } from './awards.ts'
import { linkedNames, named } from '../../../db/repositories/linked-names.ts'
import { contributionsOf, sectionsOf, signOffsOf } from '../../../db/repositories/decisions/decision-parts.ts'

export interface DecisionFilter extends PageRequest {
  q?: string
  officeId?: number
  /** Financial year by its starting year: 2024 is 2024/25. */
  year?: number
  kind?: DecisionKind
}

export interface ApiDecisionSummary {
  id: number
  reference: string | null
  slug: string | null
  url: string | null
  title: string
  kind: DecisionKind
  status: DecisionStatus
  classification: Classification
  /** The exemption a confidential decision is withheld under; null otherwise. */
  exemption: string | null
  office: { id: number; name: string }
  date: string | null
  dateDecided: string | null
  datePublished: string | null
  /** Null for a confidential decision, which is listed as a stub. */
  summary: string | null
  statedTotal: number | null
  statedTotalPerAnnum: boolean
}

export interface ApiDecision extends ApiDecisionSummary {
  decisionText: string | null
  sections: Array<{ heading: string; body: string | null; withheld: boolean; exemption: string | null }>
  awards: ApiAward[]
  contributions: Array<{
    organisation: { id: number | null; name: string }
    amount: number
    perAnnum: boolean
    upTo: boolean
    financialYear: number | null
    condition: string | null
  }>
  areas: Array<{ id: number; name: string; slug: string }>
  signOffs: Array<{
    stage: string
    outcome: string
    signerName: string | null
    signerTitle: string | null
    signedOn: string
  }>
  links: Array<{ kind: LinkKind; direction: 'to' | 'from'; id: number; reference: string | null; title: string }>
}

type Row = {
  id: number
  reference: string | null
  slug: string | null
  title: string
  kind: DecisionKind
  status: DecisionStatus
  classification: Classification
  exemption: string | null
  office_id: number
  office_name: string
  date: string | null
  date_decided: string | null
  date_published: string | null
  executive_summary: string | null
  stated_total_pence: number | null
  stated_total_per_annum: boolean
  decision_text: string | null
  /** False when the decision is confidential or any of its awards is withheld: its total and contributions are then withheld too. */
  money_public: boolean
}

/** Public decisions for the API: the register's own rules, with a confidential decision as a stub. */
export class ApiDecisionQueries {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly baseUrl: string,
  ) {}

  async list(filter: DecisionFilter): Promise<Page<ApiDecisionSummary>> {
    let query = this.base()
    if (filter.q) query = query.where(matchesWords(filter.q, readSearchQuery(filter.q)?.referenceFragment ?? null))
    if (filter.officeId) query = query.where('d.office_id', '=', filter.officeId)
    if (filter.kind) query = query.where('d.kind', '=', filter.kind)
    if (filter.year) query = query.where(decisionFinancialYear, '=', filter.year)
    return newestFirstPage(query, 'd.id', filter, (items) => (items as Row[]).map((row) => this.summary(row)))
  }

  async find(id: number): Promise<ApiDecision | undefined> {
    const row = (await this.base().where('d.id', '=', id).executeTakeFirst()) as Row | undefined
    if (!row) return undefined
    const summary = this.summary(row)
    if (row.classification === 'confidential') {
      return {
        ...summary,
        decisionText: null,
        sections: [],
        awards: [],
        contributions: [],
        areas: [],
        signOffs: [],
        links: [],
      }
    }
    const [sections, awards, contributions, areas, signOffs, links] = await Promise.all([
      publicSections(this.db, id),
      awardsOfDecision(this.db, id),
      row.money_public ? publicContributions(this.db, id) : [],
      linkedNames(this.db, 'decision_areas', [id]).then((areas) => areas.map(named)),
      publicSignOffs(this.db, id),
      this.links(id),
    ])
    return { ...summary, decisionText: row.decision_text, sections, awards, contributions, areas, signOffs, links }
  }

  private base() {
    return this.db
      .selectFrom('decisions as d')
      .innerJoin('organisations as o', 'o.id', 'd.office_id')
      .where(listedDecision)
      .select([
        'd.id',
        'd.reference',
        'd.slug',
        'd.title',
        'd.kind',
        'd.status',
        'd.classification',
        'd.exemption',
        'd.office_id',
        'o.name as office_name',
        'd.date_decided',
        'd.date_published',
        'd.executive_summary',
        'd.stated_total_pence',
        'd.stated_total_per_annum',
        'd.decision_text',
      ])
      .select(decisionDate.as('date'))
      .select(sql<boolean>`${openMoney}`.as('money_public'))
  }

  private summary(row: Row): ApiDecisionSummary {
    const stub = row.classification === 'confidential'
    return {
      id: row.id,
      reference: row.reference,
      slug: row.slug,
      url: row.slug ? `${this.baseUrl}/decisions/${row.slug}` : null,
      title: row.title,
      kind: row.kind,
      status: row.status,
      classification: row.classification,
      exemption: stub ? row.exemption : null,
      office: { id: row.office_id, name: row.office_name },
      date: row.date,
      dateDecided: row.date_decided,
      datePublished: row.date_published,
      summary: stub ? null : row.executive_summary,
      statedTotal: !row.money_public || row.stated_total_pence === null ? null : penceToPounds(row.stated_total_pence),
      statedTotalPerAnnum: row.money_public ? row.stated_total_per_annum : false,
    }
  }

  private async links(id: number): Promise<ApiDecision['links']> {
    type End = 'l.from_decision_id' | 'l.to_decision_id'
    /** The listed decisions at the `other` end of this decision's links, where it stands at `own`. */
    const linked = (own: End, other: End) =>
      this.db
        .selectFrom('decision_links as l')
        .innerJoin('decisions as d', 'd.id', other)
        .select(['l.kind', 'd.id', 'd.reference', 'd.title'])
        .where(own, '=', id)
        .where(listedDecision)
        .execute()
    const [to, from] = await Promise.all([
      linked('l.from_decision_id', 'l.to_decision_id'),
      linked('l.to_decision_id', 'l.from_decision_id'),
    ])
    return [
      ...to.map((l) => ({ ...l, direction: 'to' as const })),
      ...from.map((l) => ({ ...l, direction: 'from' as const })),
    ]
  }
}

/** A decision's sections, a withheld one with its exemption and without its text. */
async function publicSections(db: Kysely<DB>, id: number) {
  return (await sectionsOf(db, id)).map((s) => ({
    heading: s.heading,
    body: s.withheld ? null : s.body,
    withheld: s.withheld,
    exemption: s.withheld ? s.exemption : null,
  }))
}

/** A decision's contributions, in pounds. */
async function publicContributions(db: Kysely<DB>, id: number) {
  return (await contributionsOf(db, id)).map((c) => ({
    organisation: { id: c.organisation_id, name: c.organisation_name },
    amount: penceToPounds(c.amount_pence),
    perAnnum: c.per_annum,
    upTo: c.up_to,
    financialYear: c.financial_year,
    condition: c.condition,
  }))
}

/** A decision's signatures, in the order they were given. */
async function publicSignOffs(db: Kysely<DB>, id: number) {
  return (await signOffsOf(db, id)).map((s) => ({
    stage: s.stage,
    outcome: s.outcome,
    signerName: s.signer_name,
    signerTitle: s.signer_title,
    signedOn: s.signed_on,
  }))
}
