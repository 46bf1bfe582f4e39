import { sql, type Selectable, type Transaction } from 'kysely'
import type { Database } from '../../db/database.ts'
import {
  DecisionRepository,
  type DecisionDetail,
  type NewAward,
  type NewContribution,
} from '../../db/repositories/decisions/decisions.ts'
import { OrganisationRepository } from '../../db/repositories/ledger/organisations.ts'
import type { DB, DecisionsTable } from '../../db/tables/index.ts'
import type { Classification, DecisionKind, LinkKind, SignOffStage } from '../../domain/decision.ts'
import { publicText } from '../../domain/publication.ts'
import { formatReference, referenceScope } from '../../domain/reference-format.ts'
import type { Role } from '../../domain/roles.ts'
import { slugify } from '../../domain/slug.ts'
import { todayInLondon } from '../../domain/uk-date.ts'
import { STATUS_AFTER_APPROVAL, isEditable, isPublishable, mayActOnStage } from '../../domain/workflow.ts'
import { AuditService, type Actor } from '../audit/audit.ts'

export class WorkflowError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}

/** The record changed since the person opened it: their save is refused and their input kept. */
export class ConcurrentEditError extends WorkflowError {
  constructor() {
    super(
      'Someone else saved changes to this decision after you opened it. Your changes have not been saved: they are shown below. Check them against the current record and save again.',
    )
  }
}

export interface Signer {
  userId: number
  name: string
  roles: readonly Role[]
}

export interface DraftDetails {
  kind: Exclude<DecisionKind, 'foi_response'>
  title: string
  authorName: string
  authorContact: string | null
  executiveSummary: string | null
  supportingInformation: string | null
  recommendations: string | null
  decisionText: string | null
}

export interface FinanceDetails {
  revenueOrCapital: 'revenue' | 'capital' | 'both' | null
  inBudget: boolean | null
  financialInformation: string | null
}

export interface MoneyDetails {
  statedTotalPence: number | null
  /** Recipients, lead commissioners and partners by name: known organisations are matched, new ones created. */
  awards: Array<Omit<NewAward, 'recipientId' | 'viaId'> & { viaName: string | null }>
  contributions: Array<Omit<NewContribution, 'organisationId'>>
}

export interface ClassificationDetails {
  classification: Classification
  exemption: string | null
  /** Section key → exemption relied on, for each withheld section. */
  withheldSections: Record<string, string>
  awardsExemption: string | null
}

export interface SignOffInput {
  outcome: 'approved' | 'rejected' | 'returned'
  comment: string | null
  declaration: 'no_interest' | 'interest_declared' | null
  declaredInterest: string | null
}

export const SECTION_ORDER = ['supporting_information', 'financial_information', 'recommendations'] as const
export type SectionKey = (typeof SECTION_ORDER)[number]
export const SECTION_HEADINGS: Record<SectionKey, string> = {
  supporting_information: 'Information in support of the decision',
  financial_information: 'Financial information',
  recommendations: 'Recommendations',
}

type DecisionRow = Selectable<DecisionsTable>

/** A decision from draft to publication: editing, submission with its reference, the sign-off chain, publication. */
export class WorkflowService {
  private readonly decisions: DecisionRepository
  private readonly audit: AuditService

  constructor(private readonly database: Database) {
    this.decisions = new DecisionRepository(database.db)
    this.audit = new AuditService(database)
  }

  detail(id: number): Promise<DecisionDetail | undefined> {
    return this.decisions.findById(id)
  }

  async createDraft(details: DraftDetails, actor: Actor): Promise<number> {
    const office = await this.homeOffice()
    return this.database.transaction(async (trx) => {
      const id = await this.decisions.create(
        {
          officeId: office.id,
          officeShortName: office.shortName,
          reference: null,
          kind: details.kind,
          title: details.title,
          status: 'draft',
          authorName: details.authorName,
          authorContact: details.authorContact,
          executiveSummary: details.executiveSummary,
          decisionText: details.decisionText,
          decisionMakerTitle: office.decisionMakerTitle,
          createdBy: actor.userId,
          sections: sectionsFrom({
            supporting_information: details.supportingInformation,
            recommendations: details.recommendations,
          }),
        },
        trx,
      )
      await recordEditor(trx, id, actor)
      await this.audit.record(trx, {
        actor,
        action: 'create',
        entityType: 'decision',
        entityId: id,
        after: await snapshot(trx, id),
      })
      return id
    })
  }

  saveDetails(id: number, version: number, details: DraftDetails, actor: Actor): Promise<void> {
    return this.editDraft(id, version, actor, 'update details', async (trx) => {
      await trx
        .updateTable('decisions')
        .set({
          kind: details.kind,
          title: details.title,
          author_name: details.authorName,
          author_contact: details.authorContact,
          executive_summary: details.executiveSummary,
          decision_text: details.decisionText,
        })
        .where('id', '=', id)
        .execute()
      await replaceSections(trx, id, {
        supporting_information: details.supportingInformation,
        recommendations: details.recommendations,
      })
    })
  }

  saveFinance(id: number, version: number, finance: FinanceDetails, actor: Actor): Promise<void> {
    return this.editDraft(id, version, actor, 'update financial information', async (trx) => {
      await trx
        .updateTable('decisions')
        .set({ revenue_or_capital: finance.revenueOrCapital, in_budget: finance.inBudget })
        .where('id', '=', id)
        .execute()
      await replaceSections(trx, id, { financial_information: finance.financialInformation })
    })
  }

  saveMoney(id: number, version: number, money: MoneyDetails, actor: Actor): Promise<void> {
    return this.editDraft(id, version, actor, 'update awards and contributions', async (trx, before) => {
      await trx
        .updateTable('decisions')
        .set({ stated_total_pence: money.statedTotalPence })
        .where('id', '=', id)
        .execute()
      await trx.deleteFrom('awards').where('decision_id', '=', id).execute()
      await trx.deleteFrom('contributions').where('decision_id', '=', id).execute()
      const withheld = before.awards_exemption !== null
      const organisations = new OrganisationRepository(trx)
      const orgId = async (name: string, kind: 'provider' | 'council') =>
        (await organisations.findOrCreate({ name, kind }, trx)).id
      const awards = []
      for (const a of money.awards)
        awards.push({
          ...a,
          recipientId: await orgId(a.recipientName, 'provider'),
          viaId: a.viaName ? await orgId(a.viaName, 'council') : null,
        })
      const contributions = []
      for (const c of money.contributions)
        contributions.push({ ...c, organisationId: await orgId(c.organisationName, 'council') })
      const repository = new DecisionRepository(trx)
      await repository.insertAwards(
        trx,
        id,
        awards.map((a) => ({ ...a, withheld })),
      )
      await repository.insertContributions(trx, id, contributions)
    })
  }

  saveClassification(id: number, version: number, input: ClassificationDetails, actor: Actor): Promise<void> {
    if (input.classification === 'confidential' && !input.exemption)
      throw new WorkflowError('Choose the exemption that makes this decision confidential', 'exemption')
    if (
      input.classification === 'partially_confidential' &&
      !Object.keys(input.withheldSections).length &&
      !input.awardsExemption
    ) {
      throw new WorkflowError('Choose at least one part to withhold, or choose "Not confidential"', 'withheld')
    }
    return this.editDraft(id, version, actor, 'update classification', async (trx) => {
      const partial = input.classification === 'partially_confidential'
      await trx
        .updateTable('decisions')
        .set({
          classification: input.classification,
          exemption: input.classification === 'confidential' ? input.exemption : null,
          awards_exemption: partial ? input.awardsExemption : null,
        })
        .where('id', '=', id)
        .execute()
      const sections = await trx
        .selectFrom('decision_sections')
        .select(['id', 'key'])
        .where('decision_id', '=', id)
        .execute()
      for (const section of sections) {
        const exemption = partial ? (input.withheldSections[section.key] ?? null) : null
        await trx
          .updateTable('decision_sections')
          .set({ withheld: exemption !== null, exemption })
          .where('id', '=', section.id)
          .execute()
      }
      await trx
        .updateTable('awards')
        .set({ withheld: partial && input.awardsExemption !== null })
        .where('decision_id', '=', id)
        .execute()
    })
  }

  saveLinks(
    id: number,
    version: number,
    links: Array<{ reference: string; kind: LinkKind }>,
    actor: Actor,
  ): Promise<void> {
    return this.editDraft(id, version, actor, 'update related decisions', async (trx) => {
      await trx.deleteFrom('decision_links').where('from_decision_id', '=', id).execute()
      for (const [i, link] of links.entries()) {
        const target = await trx
          .selectFrom('decisions')
          .select('id')
          .where('reference', '=', link.reference)
          .where('id', '<>', id)
          .orderBy('id')
          .executeTakeFirst()
        if (!target)
          throw new WorkflowError(
            `Related decision ${i + 1}: no decision in the register has the reference ${link.reference}`,
            `links-${i}-reference`,
          )
        await trx
          .insertInto('decision_links')
          .values({ from_decision_id: id, to_decision_id: target.id, kind: link.kind })
          .onConflict((oc) => oc.doNothing())
          .execute()
      }
    })
  }

  /**
   * Submits a draft for sign-off. The first submission takes the next reference in the office's format
   * from a counter row locked for the transaction, so two at the same instant never share a number, and
   * a failed submission rolls its number back rather than leaving a gap.
   */
  async submit(id: number, version: number, actor: Actor): Promise<string> {
    let reference = ''
    await this.change(id, version, actor, 'submit', async (trx, before) => {
      if (!isEditable(before.status)) throw new WorkflowError('Only a draft can be submitted')
      assertHolds(before, actor, 'submit')
      reference = before.reference ?? (await this.nextReference(trx, before.office_id))
      const today = todayInLondon()
      await trx
        .updateTable('decisions')
        .set({
          reference,
          status: 'submitted',
          date_received: before.date_received ?? today,
          submission_round: before.submission_round + 1,
          returned_comment: null,
        })
        .where('id', '=', id)
        .execute()
    })
    return reference
  }

  async signOff(id: number, version: number, signer: Signer, input: SignOffInput, actor: Actor): Promise<void> {
    await this.change(id, version, actor, `sign-off: ${input.outcome}`, async (trx, before) => {
      const earlier = await trx
        .selectFrom('sign_offs')
        .select(['signer_user_id', 'stage'])
        .where('decision_id', '=', id)
        .where('outcome', '=', 'approved')
        .execute()
      const verdict = mayActOnStage({
        signerId: signer.userId,
        signerRoles: signer.roles,
        authorId: before.created_by,
        status: before.status,
        earlierSigners: earlier.map((e) => ({ userId: e.signer_user_id, stage: e.stage })),
        editorIds: await editorsOf(trx, id),
      })
      if (!verdict.ok) throw new WorkflowError(verdict.reason)
      const stage: SignOffStage = verdict.stage
      if (input.outcome === 'returned' && !input.comment)
        throw new WorkflowError('Say what the author needs to change', 'comment')
      if (input.outcome === 'rejected' && stage !== 'decision_maker')
        throw new WorkflowError(
          'Only the decision maker can reject a decision; return it to the author instead',
          'outcome',
        )
      if (input.outcome === 'rejected' && !input.comment)
        throw new WorkflowError('Give the reasons for rejecting the decision', 'comment')
      if (stage === 'decision_maker' && input.outcome !== 'returned') {
        if (!input.declaration) throw new WorkflowError('Make the declaration of interests', 'declaration')
        if (input.declaration === 'interest_declared' && !input.declaredInterest)
          throw new WorkflowError('State the interest', 'declaredInterest')
      }
      const today = todayInLondon()
      const office = await trx
        .selectFrom('offices')
        .select('decision_maker_title')
        .where('organisation_id', '=', before.office_id)
        .executeTakeFirstOrThrow()
      const titles: Record<SignOffStage, string> = {
        finance: 'Chief Finance Officer',
        chief_executive: 'Chief Executive',
        decision_maker: office.decision_maker_title,
      }
      await trx
        .insertInto('sign_offs')
        .values({
          decision_id: id,
          stage,
          outcome: input.outcome,
          signer_user_id: signer.userId,
          signer_name: signer.name,
          signer_title: titles[stage],
          signed_on: today,
          comment: input.comment,
          round: Math.max(1, before.submission_round),
          declaration: stage === 'decision_maker' ? input.declaration : null,
          declared_interest: input.declaration === 'interest_declared' ? input.declaredInterest : null,
        })
        .execute()
      if (input.outcome === 'returned') {
        await trx
          .updateTable('decisions')
          .set({ status: 'draft', returned_comment: input.comment })
          .where('id', '=', id)
          .execute()
      } else if (stage === 'decision_maker') {
        await trx
          .updateTable('decisions')
          .set({
            status: input.outcome === 'approved' ? 'approved' : 'rejected',
            date_decided: today,
            rejection_reasons: input.outcome === 'rejected' ? input.comment : null,
            declaration: input.declaration,
            declared_interest: input.declaration === 'interest_declared' ? input.declaredInterest : null,
            decision_maker_name: signer.name,
            decision_maker_title: office.decision_maker_title,
          })
          .where('id', '=', id)
          .execute()
      } else {
        await trx.updateTable('decisions').set({ status: STATUS_AFTER_APPROVAL[stage] }).where('id', '=', id).execute()
      }
    })
  }

  async publish(id: number, version: number, actor: Actor): Promise<string> {
    let slug = ''
    await this.change(id, version, actor, 'publish', async (trx, before) => {
      if (!isPublishable(before.status))
        throw new WorkflowError('Only a decision that has been approved or rejected can be published')
      const office = await trx
        .selectFrom('offices')
        .select('short_name')
        .where('organisation_id', '=', before.office_id)
        .executeTakeFirstOrThrow()
      slug = before.slug ?? `${slugify(office.short_name)}-${slugify(before.reference!)}`
      await trx
        .updateTable('decisions')
        .set({ status: 'published', date_published: todayInLondon(), slug })
        .where('id', '=', id)
        .execute()
    })
    return slug
  }

  /**
   * The draft's holder hands it to another officer, who may then change and submit it (and the holder no
   * longer may). Audit-logged as a change of the decision.
   */
  async handOver(id: number, version: number, toUserId: number, actor: Actor): Promise<string> {
    let name = ''
    await this.change(id, version, actor, 'hand over', async (trx, before) => {
      if (!isEditable(before.status)) throw new WorkflowError('Only a draft can be handed to another officer')
      assertHolds(before, actor, 'hand over')
      const officers = await this.handOverCandidates(before, trx)
      const target = officers.find((o) => o.id === toUserId)
      if (!target) throw new WorkflowError('Choose an officer to hand this draft to', 'holder')
      name = target.name
      await trx.updateTable('decisions').set({ held_by: toUserId }).where('id', '=', id).execute()
    })
    return name
  }

  /** Active officers of the holder's office, other than the holder, who may be handed a draft. */
  async handOverCandidates(
    decision: Pick<DecisionRow, 'held_by' | 'created_by'>,
    handle: Transaction<DB> | Database['db'] = this.database.db,
  ): Promise<Array<{ id: number; name: string; email: string }>> {
    const holderId = holderOf(decision)
    const holder =
      holderId === null
        ? undefined
        : await handle.selectFrom('users').select('office_id').where('id', '=', holderId).executeTakeFirst()
    let query = handle
      .selectFrom('users')
      .select(['id', 'name', 'email'])
      .where('active', '=', true)
      .where(sql<boolean>`'officer' = any(roles)`)
    if (holderId !== null) query = query.where('id', '<>', holderId)
    if (holder?.office_id) query = query.where('office_id', '=', holder.office_id)
    return query.orderBy('name').execute()
  }

  /** Everyone who wrote or changed the decision: none of them may sign it off. */
  editors(id: number): Promise<number[]> {
    return editorsOf(this.database.db, id)
  }

  /** The decisions a person wrote or changed. */
  async editedBy(userId: number): Promise<Set<number>> {
    const rows = await this.database.db
      .selectFrom('decision_editors')
      .select('decision_id')
      .where('user_id', '=', userId)
      .execute()
    return new Set(rows.map((r) => r.decision_id))
  }

  /** What a member of staff sees: their drafts, what waits for a stage they can sign, what is ready to publish. */
  async staffList(): Promise<
    Array<
      Pick<DecisionRow, 'id' | 'reference' | 'title' | 'status' | 'created_by' | 'held_by' | 'updated_at' | 'slug'> & {
        author_name: string | null
      }
    >
  > {
    return this.database.db
      .selectFrom('decisions')
      .select(['id', 'reference', 'title', 'status', 'created_by', 'held_by', 'updated_at', 'slug', 'author_name'])
      .where('status', 'in', [
        'draft',
        'submitted',
        'finance_approved',
        'executive_approved',
        'approved',
        'rejected',
        'published',
      ])
      .where('created_by', 'is not', null)
      .orderBy('updated_at', 'desc')
      .limit(200)
      .execute()
  }

  private async homeOffice(): Promise<{ id: number; shortName: string; decisionMakerTitle: string }> {
    const row = await this.database.db
      .selectFrom('register_settings as s')
      .innerJoin('offices as f', 'f.organisation_id', 's.home_office_id')
      .select(['f.organisation_id', 'f.short_name', 'f.decision_maker_title'])
      .executeTakeFirst()
    if (!row) throw new WorkflowError('This register has no office yet: an administrator must set it up first')
    return { id: row.organisation_id, shortName: row.short_name, decisionMakerTitle: row.decision_maker_title }
  }

  private async nextReference(trx: Transaction<DB>, officeId: number): Promise<string> {
    const office = await trx
      .selectFrom('offices')
      .select('reference_format')
      .where('organisation_id', '=', officeId)
      .executeTakeFirstOrThrow()
    const year = Number(todayInLondon().slice(0, 4))
    const scope = referenceScope(office.reference_format, year)
    for (;;) {
      const { last_value } = await trx
        .insertInto('reference_sequences')
        .values({ office_id: officeId, scope, last_value: 1 })
        .onConflict((oc) =>
          oc.columns(['office_id', 'scope']).doUpdateSet({ last_value: sql`reference_sequences.last_value + 1` }),
        )
        .returning('last_value')
        .executeTakeFirstOrThrow()
      const reference = formatReference(office.reference_format, year, last_value)
      // A reference typed in by an import may already hold this number: take the next one.
      const taken = await trx
        .selectFrom('decisions')
        .select('id')
        .where('office_id', '=', officeId)
        .where('reference', '=', reference)
        .executeTakeFirst()
      if (!taken) return reference
    }
  }

  private editDraft(
    id: number,
    version: number,
    actor: Actor,
    action: string,
    apply: (trx: Transaction<DB>, before: DecisionRow) => Promise<void>,
  ): Promise<void> {
    return this.change(id, version, actor, action, async (trx, before) => {
      if (!isEditable(before.status))
        throw new WorkflowError('This decision has been submitted and can no longer be edited')
      assertHolds(before, actor, 'change')
      await apply(trx, before)
      await recordEditor(trx, id, actor)
    })
  }

  /** One change to a decision: version checked, applied, public text recomputed, audit entry written, all in one transaction. */
  private async change(
    id: number,
    version: number,
    actor: Actor,
    action: string,
    apply: (trx: Transaction<DB>, before: DecisionRow) => Promise<void>,
  ): Promise<void> {
    await this.database.transaction(async (trx) => {
      const before = await trx.selectFrom('decisions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
      if (!before) throw new WorkflowError('There is no such decision')
      if (before.version !== version) throw new ConcurrentEditError()
      const beforeSnapshot = await snapshot(trx, id)
      await apply(trx, before)
      const sections = await trx
        .selectFrom('decision_sections')
        .select(['heading', 'body', 'withheld'])
        .where('decision_id', '=', id)
        .orderBy('position')
        .execute()
      const current = await trx
        .selectFrom('decisions')
        .select(['classification', 'executive_summary', 'decision_text'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      await trx
        .updateTable('decisions')
        .set({
          version: before.version + 1,
          updated_at: new Date(),
          public_text: publicText({
            classification: current.classification,
            executiveSummary: current.executive_summary,
            decisionText: current.decision_text,
            sections,
          }),
        })
        .where('id', '=', id)
        .execute()
      await this.audit.record(trx, {
        actor,
        action,
        entityType: 'decision',
        entityId: id,
        before: beforeSnapshot,
        after: await snapshot(trx, id),
      })
    })
  }
}

/** Who may change and submit a draft: the officer it was handed to, or else its author. */
export function holderOf(decision: Pick<DecisionRow, 'held_by' | 'created_by'>): number | null {
  return decision.held_by ?? decision.created_by
}

function assertHolds(decision: DecisionRow, actor: Actor, verb: 'change' | 'submit' | 'hand over'): void {
  const holder = holderOf(decision)
  if (holder === null || actor.userId === holder) return
  const whose = decision.held_by === null ? 'its author' : 'the officer it was handed to'
  throw new WorkflowError(
    `Only ${whose} can ${verb} this draft. Ask them to make the change, or to hand the draft to you.`,
  )
}

async function recordEditor(trx: Transaction<DB>, decisionId: number, actor: Actor): Promise<void> {
  if (actor.userId === null) return
  await trx
    .insertInto('decision_editors')
    .values({ decision_id: decisionId, user_id: actor.userId })
    .onConflict((oc) => oc.doNothing())
    .execute()
}

async function editorsOf(handle: Transaction<DB> | Database['db'], decisionId: number): Promise<number[]> {
  const rows = await handle
    .selectFrom('decision_editors')
    .select('user_id')
    .where('decision_id', '=', decisionId)
    .execute()
  return rows.map((r) => r.user_id)
}

function sectionsFrom(bodies: Partial<Record<SectionKey, string | null>>) {
  return SECTION_ORDER.filter((key) => bodies[key]).map((key) => ({
    key,
    position: SECTION_ORDER.indexOf(key),
    heading: SECTION_HEADINGS[key],
    body: bodies[key]!,
  }))
}

async function replaceSections(
  trx: Transaction<DB>,
  id: number,
  bodies: Partial<Record<SectionKey, string | null>>,
): Promise<void> {
  for (const key of Object.keys(bodies) as SectionKey[]) {
    const body = bodies[key]
    const existing = await trx
      .selectFrom('decision_sections')
      .select(['id'])
      .where('decision_id', '=', id)
      .where('key', '=', key)
      .executeTakeFirst()
    if (!body) {
      if (existing) await trx.deleteFrom('decision_sections').where('id', '=', existing.id).execute()
    } else if (existing) {
      await trx.updateTable('decision_sections').set({ body }).where('id', '=', existing.id).execute()
    } else {
      await trx
        .insertInto('decision_sections')
        .values({ decision_id: id, key, heading: SECTION_HEADINGS[key], body, position: SECTION_ORDER.indexOf(key) })
        .execute()
    }
  }
}

/** What the audit log keeps of a decision before and after each change. */
async function snapshot(trx: Transaction<DB>, id: number): Promise<unknown> {
  const [decision, sections, awards, contributions, links] = await Promise.all([
    trx.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    trx
      .selectFrom('decision_sections')
      .select(['key', 'heading', 'body', 'withheld', 'exemption'])
      .where('decision_id', '=', id)
      .orderBy('position')
      .execute(),
    trx
      .selectFrom('awards')
      .select([
        'recipient_name',
        'amount_pence',
        'period_label',
        'per_annum',
        'up_to',
        'route',
        'via_id',
        'funding_stream_id',
        'withheld',
      ])
      .where('decision_id', '=', id)
      .orderBy('position')
      .execute(),
    trx
      .selectFrom('contributions')
      .select(['organisation_name', 'amount_pence', 'per_annum', 'up_to', 'condition'])
      .where('decision_id', '=', id)
      .orderBy('id')
      .execute(),
    trx.selectFrom('decision_links').select(['to_decision_id', 'kind']).where('from_decision_id', '=', id).execute(),
  ])
  const { search: _search, public_text: _publicText, ...fields } = decision
  return { ...fields, sections, awards, contributions, links }
}
