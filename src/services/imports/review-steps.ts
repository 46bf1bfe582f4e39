/** The steps of confirming a reviewed record: what it locks and checks, what it writes, and what it learns. */
import type { Selectable, Transaction, Updateable } from 'kysely'
import { inOfficeScope } from '../../db/repositories/office-scope.ts'
import type { DB, DecisionsTable } from '../../db/tables/index.ts'
import { OfficeScope } from '../../domain/office-scope.ts'
import type { AuditService, Actor } from '../audit/audit.ts'
import { FormError } from '../shared/form-error.ts'
import { StaleReviewError } from './errors.ts'
import { learnLayoutRules, scalarValues } from './layout-learning.ts'
import { corrections, learnAliases } from './learning.ts'
import type { ReviewInput } from './review-types.ts'

type DecisionRow = Selectable<DecisionsTable>
type ReviewingOffice = { short_name: string; decision_maker_title: string }

/** The imported record, locked for the save; refused when it is not one, or when it changed since the form was drawn. */
export async function lockImportedRecord(
  trx: Transaction<DB>,
  decisionId: number,
  version: number,
  actor: Actor,
): Promise<DecisionRow> {
  const before = await trx
    .selectFrom('decisions')
    .selectAll()
    .where('id', '=', decisionId)
    .where(inOfficeScope(actor.scope ?? OfficeScope.system, 'office_id', { orArchive: true }))
    .forUpdate()
    .executeTakeFirst()
  if (!before || before.status !== 'imported')
    throw new FormError({ record: 'There is no imported record to confirm here' })
  if (before.version !== version || before.review_status === 'reviewed')
    throw new StaleReviewError(before.version, before.review_status === 'reviewed')
  return before
}

/** The office the reviewer filed the record under, among those they may reach. */
export async function reviewingOffice(trx: Transaction<DB>, officeId: number, actor: Actor): Promise<ReviewingOffice> {
  const office = await trx
    .selectFrom('offices')
    .select(['short_name', 'decision_maker_title'])
    .where('organisation_id', '=', officeId)
    .where(inOfficeScope(actor.scope ?? OfficeScope.system, 'organisation_id', { orArchive: true }))
    .executeTakeFirst()
  if (!office) throw new FormError({ officeId: 'Choose the office that published the document from the list' })
  return office
}

/** The record's columns as confirmed: the reviewer's values, marked reviewed, at the next version. */
export function confirmedColumns(
  before: DecisionRow,
  input: ReviewInput,
  office: ReviewingOffice,
  written: { slug: string; publicText: string },
): Updateable<DecisionsTable> {
  return {
    kind: input.kind,
    office_id: input.officeId,
    reference: input.reference,
    slug: written.slug,
    title: input.title,
    executive_summary: input.summary,
    decision_text: input.decisionText,
    public_text: written.publicText,
    date_decided: input.decisionDate,
    stated_total_pence: input.statedTotalPence,
    stated_total_per_annum: input.statedTotalPerAnnum,
    decision_maker_title:
      input.kind === 'foi_response'
        ? null
        : input.officeId === before.office_id && before.decision_maker_title
          ? before.decision_maker_title
          : office.decision_maker_title,
    review_status: 'reviewed',
    version: before.version + 1,
    updated_at: new Date(),
  }
}

/** What the register learns from the reviewer's corrections: organisations' other names, and the office's layout. */
export async function learnFromReview(
  trx: Transaction<DB>,
  audit: AuditService,
  review: { before: DecisionRow; imported: unknown; input: ReviewInput; actor: Actor },
): Promise<void> {
  const { before, input } = review
  const imported = review.imported as {
    awards: Array<{ recipient_name: string; amount_pence: number | string }>
    contributions: Array<{ organisation_name: string; amount_pence: number | string }>
  }
  await learnAliases(trx, [
    ...corrections(
      imported.awards.map((a) => ({ name: a.recipient_name, amountPence: Number(a.amount_pence) })),
      input.awards.map((a) => ({ name: a.recipient, amountPence: a.amountPence })),
    ),
    ...corrections(
      imported.contributions.map((c) => ({ name: c.organisation_name, amountPence: Number(c.amount_pence) })),
      input.contributions.map((c) => ({ name: c.organisation, amountPence: c.amountPence })),
    ),
  ])
  const source = before.source_document_id
    ? await trx.selectFrom('documents').select('text').where('id', '=', before.source_document_id).executeTakeFirst()
    : undefined
  await learnLayoutRules(trx, audit, {
    officeId: input.officeId,
    decisionId: before.id,
    text: source?.text ?? '',
    imported: scalarValues(before),
    confirmed: scalarValues({
      kind: input.kind,
      reference: input.reference,
      title: input.title,
      date_decided: input.decisionDate,
      stated_total_pence: input.statedTotalPence,
    }),
    actor: review.actor,
  })
}
