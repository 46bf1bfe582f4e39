import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import type {
  Classification,
  DecisionKind,
  DecisionStatus,
  ProcurementRoute,
  SignOffStage,
  LinkKind,
} from '../../../domain/decision.ts'
import { PUBLIC_STATUSES } from '../../../domain/decision.ts'
import { publicText } from '../../../domain/publication.ts'
import { slugify } from '../../../domain/slug.ts'
import { publicAward, publicMoney } from '../public.ts'
import type {
  AwardsTable,
  ContributionsTable,
  DB,
  DecisionsTable,
  DecisionSectionsTable,
  FindingsTable,
  SignOffsTable,
} from '../../tables/index.ts'

type Handle = Kysely<DB> | Transaction<DB>

export interface NewSection {
  position?: number
  key?: string
  heading: string
  body: string
  withheld?: boolean
  exemption?: string | null
}

export interface NewAward {
  recipientId: number | null
  recipientName: string
  amountPence: number
  periodLabel?: string | null
  periodStart?: string | null
  periodEnd?: string | null
  financialYear?: number | null
  perAnnum?: boolean
  upTo?: boolean
  viaId?: number | null
  route?: ProcurementRoute | null
  routeJustification?: string | null
  fundingStreamId?: number | null
  serviceId?: number | null
  purpose?: string | null
  condition?: string | null
  withheld?: boolean
}

export interface NewContribution {
  organisationId: number | null
  organisationName: string
  amountPence: number
  perAnnum?: boolean
  upTo?: boolean
  financialYear?: number | null
  condition?: string | null
  proRataWithPartners?: boolean
  serviceId?: number | null
}

export interface NewFinding {
  code: string
  severity: 'error' | 'warning'
  message: string
  field?: string | null
  line?: number | null
}

export interface NewSignOff {
  stage: SignOffStage
  outcome: 'approved' | 'rejected' | 'returned'
  signerUserId?: number | null
  signerName?: string | null
  signerTitle?: string | null
  signedOn: string
  comment?: string | null
}

export interface NewDecision {
  officeId: number
  officeShortName: string
  reference: string | null
  kind: DecisionKind
  title: string
  status: DecisionStatus
  reviewStatus?: 'unreviewed' | 'reviewed'
  dateReceived?: string | null
  dateDecided?: string | null
  datePublished?: string | null
  authorName?: string | null
  authorContact?: string | null
  classification?: Classification
  exemption?: string | null
  executiveSummary?: string | null
  decisionText?: string | null
  revenueOrCapital?: 'revenue' | 'capital' | 'both' | null
  inBudget?: boolean | null
  declaration?: 'no_interest' | 'interest_declared' | null
  declaredInterest?: string | null
  decisionMakerName?: string | null
  decisionMakerTitle?: string | null
  statedTotalPence?: number | null
  statedTotalPerAnnum?: boolean
  sourceDocumentId?: number | null
  createdBy?: number | null
  sections?: NewSection[]
  awards?: NewAward[]
  contributions?: NewContribution[]
  findings?: NewFinding[]
  signOffs?: NewSignOff[]
  areaIds?: number[]
}

export interface DecisionListFilter {
  text?: string
  officeId?: number
  financialYear?: number
  page: number
  pageSize: number
}

export interface DecisionListRow {
  id: number
  slug: string | null
  reference: string | null
  title: string
  kind: DecisionKind
  status: DecisionStatus
  classification: Classification
  officeName: string
  date: string | null
  statedTotalPence: number | null
  statedTotalPerAnnum: boolean
  awardTotalPence: number | null
  moneyWithheld: boolean
}

export interface DecisionDetail {
  decision: Selectable<DecisionsTable>
  officeName: string
  officeSlug: string
  sections: Selectable<DecisionSectionsTable>[]
  awards: Array<
    Selectable<AwardsTable> & { via_name: string | null; stream_name: string | null; recipient_slug: string | null }
  >
  contributions: Selectable<ContributionsTable>[]
  findings: Selectable<FindingsTable>[]
  signOffs: Selectable<SignOffsTable>[]
  areas: Array<{ name: string; slug: string }>
  links: Array<{
    kind: LinkKind
    direction: 'from' | 'to'
    reference: string | null
    title: string
    slug: string | null
  }>
}

export class DecisionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Stores a whole decision record with its parts. Call inside a transaction so nothing is half-written. */
  async create(input: NewDecision, handle: Handle): Promise<number> {
    const sections = input.sections ?? []
    const classification = input.classification ?? 'non_confidential'
    const { id } = await handle
      .insertInto('decisions')
      .values({
        office_id: input.officeId,
        reference: input.reference,
        slug: input.reference ? `${slugify(input.officeShortName)}-${slugify(input.reference)}` : null,
        kind: input.kind,
        title: input.title,
        status: input.status,
        review_status: input.reviewStatus ?? 'reviewed',
        date_received: input.dateReceived ?? null,
        date_decided: input.dateDecided ?? null,
        date_published: input.datePublished ?? null,
        author_name: input.authorName ?? null,
        author_contact: input.authorContact ?? null,
        classification,
        exemption: input.exemption ?? null,
        executive_summary: input.executiveSummary ?? null,
        decision_text: input.decisionText ?? null,
        revenue_or_capital: input.revenueOrCapital ?? null,
        in_budget: input.inBudget ?? null,
        declaration: input.declaration ?? null,
        declared_interest: input.declaredInterest ?? null,
        decision_maker_name: input.decisionMakerName ?? null,
        decision_maker_title: input.decisionMakerTitle ?? null,
        stated_total_pence: input.statedTotalPence ?? null,
        stated_total_per_annum: input.statedTotalPerAnnum ?? false,
        source_document_id: input.sourceDocumentId ?? null,
        created_by: input.createdBy ?? null,
        public_text: publicText({
          classification,
          executiveSummary: input.executiveSummary ?? null,
          decisionText: input.decisionText ?? null,
          sections: sections.map((s) => ({ heading: s.heading, body: s.body, withheld: s.withheld ?? false })),
        }),
      })
      .returning('id')
      .executeTakeFirstOrThrow()

    if (sections.length) {
      await handle
        .insertInto('decision_sections')
        .values(
          sections.map((s, index) => ({
            decision_id: id,
            position: s.position ?? index,
            key: s.key ?? 'other',
            heading: s.heading,
            body: s.body,
            withheld: s.withheld ?? false,
            exemption: s.exemption ?? null,
          })),
        )
        .execute()
    }
    await this.insertAwards(handle, id, input.awards ?? [])
    await this.insertContributions(handle, id, input.contributions ?? [])
    if (input.findings?.length) {
      await handle
        .insertInto('findings')
        .values(
          input.findings.map((f) => ({
            decision_id: id,
            code: f.code,
            severity: f.severity,
            message: f.message,
            field: f.field ?? null,
            line: f.line ?? null,
          })),
        )
        .execute()
    }
    if (input.signOffs?.length) {
      await handle
        .insertInto('sign_offs')
        .values(
          input.signOffs.map((s) => ({
            decision_id: id,
            stage: s.stage,
            outcome: s.outcome,
            signer_user_id: s.signerUserId ?? null,
            signer_name: s.signerName ?? null,
            signer_title: s.signerTitle ?? null,
            signed_on: s.signedOn,
            comment: s.comment ?? null,
          })),
        )
        .execute()
    }
    if (input.areaIds?.length) {
      await handle
        .insertInto('decision_areas')
        .values(input.areaIds.map((area_id) => ({ decision_id: id, area_id })))
        .execute()
    }
    return id
  }

  async insertAwards(handle: Handle, decisionId: number, awards: readonly NewAward[]): Promise<void> {
    if (!awards.length) return
    await handle
      .insertInto('awards')
      .values(
        awards.map((a, position) => ({
          decision_id: decisionId,
          position,
          recipient_id: a.recipientId,
          recipient_name: a.recipientName,
          amount_pence: a.amountPence,
          period_label: a.periodLabel ?? null,
          period_start: a.periodStart ?? null,
          period_end: a.periodEnd ?? null,
          financial_year: a.financialYear ?? null,
          per_annum: a.perAnnum ?? false,
          up_to: a.upTo ?? false,
          via_id: a.viaId ?? null,
          route: a.route ?? null,
          route_justification: a.routeJustification ?? null,
          funding_stream_id: a.fundingStreamId ?? null,
          service_id: a.serviceId ?? null,
          purpose: a.purpose ?? null,
          condition: a.condition ?? null,
          withheld: a.withheld ?? false,
        })),
      )
      .execute()
  }

  async insertContributions(
    handle: Handle,
    decisionId: number,
    contributions: readonly NewContribution[],
  ): Promise<void> {
    if (!contributions.length) return
    await handle
      .insertInto('contributions')
      .values(
        contributions.map((c) => ({
          decision_id: decisionId,
          service_id: c.serviceId ?? null,
          organisation_id: c.organisationId,
          organisation_name: c.organisationName,
          amount_pence: c.amountPence,
          per_annum: c.perAnnum ?? false,
          up_to: c.upTo ?? false,
          financial_year: c.financialYear ?? null,
          condition: c.condition ?? null,
          pro_rata_with_partners: c.proRataWithPartners ?? false,
        })),
      )
      .execute()
  }

  async link(fromId: number, toId: number, kind: LinkKind, handle: Handle): Promise<void> {
    await handle.insertInto('decision_links').values({ from_decision_id: fromId, to_decision_id: toId, kind }).execute()
  }

  async countAll(): Promise<number> {
    const row = await this.db
      .selectFrom('decisions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  /** The public register: published and reviewed records, newest first. */
  async listPublic(filter: DecisionListFilter): Promise<{ rows: DecisionListRow[]; total: number }> {
    const dateExpr = sql<string | null>`coalesce(d.date_decided, d.date_received)`
    let query = this.db
      .selectFrom('decisions as d')
      .where('d.status', 'in', [...PUBLIC_STATUSES])
      .where('d.review_status', '=', 'reviewed')
    if (filter.text) query = query.where(sql<boolean>`d.search @@ websearch_to_tsquery('english', ${filter.text})`)
    if (filter.officeId) query = query.where('d.office_id', '=', filter.officeId)
    if (filter.financialYear) {
      query = query
        .where(dateExpr, '>=', `${filter.financialYear}-04-01`)
        .where(dateExpr, '<=', `${filter.financialYear + 1}-03-31`)
    }
    const [countRow, rows] = await Promise.all([
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      query
        .innerJoin('organisations as o', 'o.id', 'd.office_id')
        .select([
          'd.id',
          'd.slug',
          'd.reference',
          'd.title',
          'd.kind',
          'd.status',
          'd.classification',
          'o.name as officeName',
          dateExpr.as('date'),
          sql<number | null>`case when ${publicMoney} then d.stated_total_pence end`.as('stated_total_pence'),
          sql<boolean>`(${publicMoney} and d.stated_total_per_annum)`.as('stated_total_per_annum'),
          sql<boolean>`not ${publicMoney}`.as('money_withheld'),
        ])
        .select((eb) =>
          eb
            .selectFrom('awards as a')
            .select(sql<number | null>`sum(a.amount_pence)`.as('s'))
            .whereRef('a.decision_id', '=', 'd.id')
            .where(publicAward)
            .where('a.per_annum', '=', false)
            .as('awardTotal'),
        )
        .orderBy(sql`coalesce(d.date_decided, d.date_received) desc nulls last`)
        .orderBy('d.id', 'desc')
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize)
        .execute(),
    ])
    return {
      total: Number(countRow.n),
      rows: rows.map((r) => ({
        id: r.id,
        slug: r.slug,
        reference: r.reference,
        title: r.title,
        kind: r.kind,
        status: r.status,
        classification: r.classification,
        officeName: r.officeName,
        date: r.date,
        statedTotalPence: r.stated_total_pence,
        statedTotalPerAnnum: r.stated_total_per_annum,
        awardTotalPence: r.awardTotal === null ? null : Number(r.awardTotal),
        moneyWithheld: r.money_withheld,
      })),
    }
  }

  async findPublicBySlug(slug: string): Promise<DecisionDetail | undefined> {
    const decision = await this.db
      .selectFrom('decisions')
      .selectAll()
      .where('slug', '=', slug)
      .where('status', 'in', [...PUBLIC_STATUSES])
      .where('review_status', '=', 'reviewed')
      .executeTakeFirst()
    return decision && this.detail(decision)
  }

  async findById(id: number): Promise<DecisionDetail | undefined> {
    const decision = await this.db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst()
    return decision && this.detail(decision)
  }

  private async detail(decision: Selectable<DecisionsTable>): Promise<DecisionDetail> {
    const id = decision.id
    const [office, sections, awards, contributions, findings, signOffs, areas, linksFrom, linksTo] = await Promise.all([
      this.db
        .selectFrom('organisations')
        .select(['name', 'slug'])
        .where('id', '=', decision.office_id)
        .executeTakeFirstOrThrow(),
      this.db.selectFrom('decision_sections').selectAll().where('decision_id', '=', id).orderBy('position').execute(),
      this.db
        .selectFrom('awards as a')
        .leftJoin('organisations as v', 'v.id', 'a.via_id')
        .leftJoin('organisations as r', 'r.id', 'a.recipient_id')
        .leftJoin('funding_streams as f', 'f.id', 'a.funding_stream_id')
        .selectAll('a')
        .select(['v.name as via_name', 'f.name as stream_name', 'r.slug as recipient_slug'])
        .where('a.decision_id', '=', id)
        .orderBy('a.position')
        .execute(),
      this.db.selectFrom('contributions').selectAll().where('decision_id', '=', id).orderBy('id').execute(),
      this.db.selectFrom('findings').selectAll().where('decision_id', '=', id).orderBy('line').orderBy('id').execute(),
      this.db
        .selectFrom('sign_offs')
        .selectAll()
        .where('decision_id', '=', id)
        .orderBy('signed_on')
        .orderBy('id')
        .execute(),
      this.db
        .selectFrom('decision_areas')
        .innerJoin('areas', 'areas.id', 'decision_areas.area_id')
        .select(['areas.name', 'areas.slug'])
        .where('decision_id', '=', id)
        .orderBy('areas.name')
        .execute(),
      this.db
        .selectFrom('decision_links as l')
        .innerJoin('decisions as t', 't.id', 'l.to_decision_id')
        .select(['l.kind', 't.reference', 't.title', 't.slug', 't.status', 't.review_status'])
        .where('l.from_decision_id', '=', id)
        .execute(),
      this.db
        .selectFrom('decision_links as l')
        .innerJoin('decisions as f', 'f.id', 'l.from_decision_id')
        .select(['l.kind', 'f.reference', 'f.title', 'f.slug', 'f.status', 'f.review_status'])
        .where('l.to_decision_id', '=', id)
        .execute(),
    ])
    const visible = (l: { status: DecisionStatus; review_status: string }) =>
      PUBLIC_STATUSES.includes(l.status) && l.review_status === 'reviewed'
    return {
      decision,
      officeName: office.name,
      officeSlug: office.slug,
      sections,
      awards,
      contributions,
      findings,
      signOffs,
      areas,
      links: [
        ...linksFrom.filter(visible).map((l) => ({
          kind: l.kind,
          direction: 'from' as const,
          reference: l.reference,
          title: l.title,
          slug: l.slug,
        })),
        ...linksTo.filter(visible).map((l) => ({
          kind: l.kind,
          direction: 'to' as const,
          reference: l.reference,
          title: l.title,
          slug: l.slug,
        })),
      ],
    }
  }
}
