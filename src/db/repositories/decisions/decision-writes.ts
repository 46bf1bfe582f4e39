import { sql, type Insertable, type Kysely } from 'kysely'
import type { LinkKind } from '../../../domain/decision.ts'
import { publicText } from '../../../domain/publication.ts'
import { slugify } from '../../../domain/slug.ts'
import type { DB, DecisionsTable } from '../../tables/index.ts'
import { insertRows } from '../insert-rows.ts'
import type { Handle, NewAward, NewContribution, NewDecision } from './decision-types.ts'

/** A condition that makes a contribution depend on something still to come, and on funding (PostgreSQL regular expressions). */
const SUBJECT_TO = String.raw`\msubject to\M`
const SUBJECT_TO_FUNDING = String.raw`\msubject to\M[^.;]*\mfunding\M`

/** The columns an award and a contribution both keep their money in: the sum, and whether yearly, a ceiling or for one year. */
function moneyColumns(money: {
  amountPence: number
  perAnnum?: boolean
  upTo?: boolean
  financialYear?: number | null
}) {
  return {
    amount_pence: money.amountPence,
    per_annum: money.perAnnum ?? false,
    up_to: money.upTo ?? false,
    financial_year: money.financialYear ?? null,
  }
}

/** Writing a decision record with its parts, and linking decisions. */
export class DecisionWrites {
  constructor(protected readonly db: Kysely<DB>) {}

  /** Stores a whole decision record with its parts. Call inside a transaction so nothing is half-written. */
  async create(input: NewDecision, handle: Handle): Promise<number> {
    const { id } = await handle
      .insertInto('decisions')
      .values(decisionColumns(input))
      .returning('id')
      .executeTakeFirstOrThrow()
    await insertRows(handle, 'decision_sections', sectionRows(id, input))
    await this.insertAwards(handle, id, input.awards ?? [])
    await this.insertContributions(handle, id, input.contributions ?? [])
    await insertRecordParts(handle, id, input)
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
          ...moneyColumns(a),
          period_label: a.periodLabel ?? null,
          period_start: a.periodStart ?? null,
          period_end: a.periodEnd ?? null,
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
          ...moneyColumns(c),
          condition: c.condition ?? null,
          pro_rata_with_partners: c.proRataWithPartners ?? false,
        })),
      )
      .execute()
    await this.markSubjectToFunding(handle, decisionId)
  }

  /**
   * A contribution whose condition makes it depend on funding still to come ("subject to annual Ministry of Justice
   * funding being forthcoming", "subject to the Safer Communities Fund") is marked subject to funding, with the
   * condition's words, and linked to the office's funding stream the words name (by its name, else its funder's).
   */
  async markSubjectToFunding(handle: Handle, decisionId: number): Promise<void> {
    await sql`
      with named as (
        select c.id, (
          select f.id from funding_streams f left join organisations fo on fo.id = f.funder_id
          where (f.office_id = d.office_id or f.office_id is null)
            and (strpos(lower(c.condition), lower(f.name)) > 0 or strpos(lower(c.condition), lower(fo.name)) > 0)
          order by strpos(lower(c.condition), lower(f.name)) > 0 desc, f.id limit 1
        ) as stream_id
        from contributions c join decisions d on d.id = c.decision_id
        where c.decision_id = ${decisionId} and not c.subject_to_funding and c.condition ~* ${SUBJECT_TO}
      )
      update contributions c set subject_to_funding = true, funding_stream_id = n.stream_id,
        funding_condition = left(c.condition, 500)
      from named n
      where c.id = n.id and (n.stream_id is not null or c.condition ~* ${SUBJECT_TO_FUNDING})`.execute(handle)
  }

  async link(fromId: number, toId: number, kind: LinkKind, handle: Handle): Promise<void> {
    await handle.insertInto('decision_links').values({ from_decision_id: fromId, to_decision_id: toId, kind }).execute()
  }
}

/** A new decision's row: what the input gives, its defaults, and the public text its classification allows. */
function decisionColumns(input: NewDecision): Insertable<DecisionsTable> {
  const sections = input.sections ?? []
  const classification = input.classification ?? 'non_confidential'
  return {
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
  }
}

/** A new decision's sections, in their order. */
function sectionRows(id: number, input: NewDecision) {
  return (input.sections ?? []).map((s, index) => ({
    decision_id: id,
    position: s.position ?? index,
    key: s.key ?? 'other',
    heading: s.heading,
    body: s.body,
    withheld: s.withheld ?? false,
    exemption: s.exemption ?? null,
  }))
}

/** A new decision's findings, sign-offs and areas. */
async function insertRecordParts(handle: Handle, id: number, input: NewDecision): Promise<void> {
  const findingRows = (input.findings ?? []).map((f) => ({
    decision_id: id,
    code: f.code,
    severity: f.severity,
    message: f.message,
    field: f.field ?? null,
    line: f.line ?? null,
  }))
  await insertRows(handle, 'findings', findingRows)
  const signOffRows = (input.signOffs ?? []).map((s) => ({
    decision_id: id,
    stage: s.stage,
    outcome: s.outcome,
    signer_user_id: s.signerUserId ?? null,
    signer_name: s.signerName ?? null,
    signer_title: s.signerTitle ?? null,
    signed_on: s.signedOn,
    comment: s.comment ?? null,
  }))
  await insertRows(handle, 'sign_offs', signOffRows)
  const areaRows = (input.areaIds ?? []).map((area_id) => ({ decision_id: id, area_id }))
  await insertRows(handle, 'decision_areas', areaRows)
}
