import type { Transaction, Updateable } from 'kysely'
import type { DB, DecisionsTable } from '../../db/tables/index.ts'
import type { SignOffStage } from '../../domain/decision.ts'
import { slugify } from '../../domain/slug.ts'
import { todayInLondon } from '../../domain/uk-date.ts'
import { STATUS_AFTER_APPROVAL, isEditable, isPublishable, mayActOnStage } from '../../domain/workflow.ts'
import { type Actor } from '../audit/audit.ts'
import { SectionsLeftError, WorkflowError, type DecisionRow, type Signer, type SignOffInput } from './workflow-types.ts'
import { assertHolds, editorsOf } from './workflow-records.ts'
import { DraftParts } from './workflow-parts.ts'
import { sectionsLeft } from './tasks.ts'

/** After the draft: submission with its reference, the sign-off chain, publication. */
export class DecisionSignOff extends DraftParts {
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
      const left = sectionsLeft(await this.taskList(id, trx))
      if (left.length) throw new SectionsLeftError(left)
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
      const stage = await stageToSign(trx, before, signer, actor)
      checkSignOffInput(stage, input)
      const office = await trx
        .selectFrom('offices')
        .select('decision_maker_title')
        .where('organisation_id', '=', before.office_id)
        .executeTakeFirstOrThrow()
      const today = todayInLondon()
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
      await trx
        .updateTable('decisions')
        .set(statusAfterSignOff(stage, input, { today, signer, title: office.decision_maker_title }))
        .where('id', '=', id)
        .execute()
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
}

/** The stage the signer may sign at, or the reason they may not (their own draft, an earlier signature, …). */
async function stageToSign(
  trx: Transaction<DB>,
  before: DecisionRow,
  signer: Signer,
  actor: Actor,
): Promise<SignOffStage> {
  const earlier = await trx
    .selectFrom('sign_offs')
    .select(['signer_user_id', 'stage'])
    .where('decision_id', '=', before.id)
    .where('outcome', '=', 'approved')
    .execute()
  const verdict = mayActOnStage({
    signerId: signer.userId,
    // Roles count in the decision's own office only: a decision maker of one office signs nothing of another's.
    signerRoles: actor.scope ? actor.scope.rolesIn(before.office_id) : signer.roles,
    authorId: before.created_by,
    status: before.status,
    earlierSigners: earlier.map((e) => ({ userId: e.signer_user_id, stage: e.stage })),
    editorIds: await editorsOf(trx, before.id),
  })
  if (!verdict.ok) throw new WorkflowError(verdict.reason)
  return verdict.stage
}

/** What a sign-off must say at its stage: a comment to return or reject, and the decision maker's declaration. */
function checkSignOffInput(stage: SignOffStage, input: SignOffInput): void {
  if (input.outcome === 'returned' && !input.comment)
    throw new WorkflowError('Say what the author needs to change', 'comment')
  if (input.outcome === 'rejected' && stage !== 'decision_maker')
    throw new WorkflowError('Only the decision maker can reject a decision; return it to the author instead', 'outcome')
  if (input.outcome === 'rejected' && !input.comment)
    throw new WorkflowError('Give the reasons for rejecting the decision', 'comment')
  if (stage === 'decision_maker' && input.outcome !== 'returned') {
    if (!input.declaration) throw new WorkflowError('Make the declaration of interests', 'declaration')
    if (input.declaration === 'interest_declared' && !input.declaredInterest)
      throw new WorkflowError('State the interest', 'declaredInterest')
  }
}

/** The decision's columns after a sign-off: back to draft, on to the next stage, or decided by the decision maker. */
function statusAfterSignOff(
  stage: SignOffStage,
  input: SignOffInput,
  decided: { today: string; signer: Signer; title: string },
): Updateable<DecisionsTable> {
  if (input.outcome === 'returned') return { status: 'draft', returned_comment: input.comment }
  if (stage !== 'decision_maker') return { status: STATUS_AFTER_APPROVAL[stage] }
  return {
    status: input.outcome === 'approved' ? 'approved' : 'rejected',
    date_decided: decided.today,
    rejection_reasons: input.outcome === 'rejected' ? input.comment : null,
    declaration: input.declaration,
    declared_interest: input.declaration === 'interest_declared' ? input.declaredInterest : null,
    decision_maker_name: decided.signer.name,
    decision_maker_title: decided.title,
  }
}
