import type { Transaction } from 'kysely'
import { officeName, staffRecipients, type StaffRecipient } from '../../db/repositories/notifications/recipients.ts'
import type { DB } from '../../db/tables/index.ts'
import type { DecisionStatus, SignOffStage } from '../../domain/decision.ts'
import type { StaffNotificationKind } from '../../domain/notifications.ts'
import { ROLE_FOR_STAGE, STAGE_FOR_STATUS, STAGE_LABELS } from '../../domain/workflow.ts'
import { queueAlertsForPublication } from './alert-events.ts'
import { queueToStaff, type StaffContent } from './staff-messages.ts'

interface DecisionState {
  id: number
  office_id: number
  status: DecisionStatus
  version: number
  reference: string | null
  title: string
  created_by: number | null
  held_by: number | null
  returned_comment: string | null
  rejection_reasons: string | null
  slug: string | null
}

const STAGE_ACTION: Record<SignOffStage, string> = {
  finance: 'your finance sign-off',
  chief_executive: 'your approval as chief executive',
  decision_maker: 'your decision',
}

function named(decision: DecisionState): string {
  return decision.reference ? `${decision.reference}: ${decision.title}` : decision.title
}

interface AuthorMessage {
  kind: StaffNotificationKind
  /** Sent to whoever holds the draft now, rather than to its author. */
  toHolder?: boolean
  subject: string
  content: StaffContent
}

/** What the author (or the draft's holder) is told when the decision reaches each of these statuses. */
const AUTHOR_MESSAGES: Partial<Record<DecisionStatus, (d: DecisionState) => AuthorMessage>> = {
  draft: (d) => ({
    kind: 'draft_returned',
    toHolder: true,
    subject: `Your draft ${d.reference ?? ''} has been returned to you`,
    content: {
      paragraphs: [`${named(d)} has been returned to you. The person signing it off said:`],
      inset: d.returned_comment ?? '',
      link: { text: 'Change the draft', path: `/staff/decisions/${d.id}` },
    },
  }),
  rejected: (d) => ({
    kind: 'decision_rejected',
    subject: `Decision ${d.reference} has been rejected`,
    content: {
      paragraphs: [`${named(d)} has been rejected by the decision maker. Their reasons:`],
      inset: d.rejection_reasons ?? '',
      link: { text: 'View the decision', path: `/staff/decisions/${d.id}` },
    },
  }),
  approved: (d) => ({
    kind: 'decision_approved',
    subject: `Decision ${d.reference} has been approved`,
    content: {
      paragraphs: [`${named(d)} has been approved by the decision maker.`, 'It is now ready to publish.'],
      link: { text: 'Publish the decision', path: `/staff/decisions/${d.id}/publish` },
    },
  }),
  published: (d) => ({
    kind: 'decision_published',
    subject: `Decision ${d.reference} has been published`,
    content: {
      paragraphs: [`${named(d)} has been published on the register.`],
      link: { text: 'View the published decision', path: `/decisions/${d.slug}` },
    },
  }),
}

/**
 * The staff emails a change of a decision's status causes, queued in the transaction of the change: the
 * next stage's signers when it moves on, the author when it is returned, rejected, approved or published,
 * and (when published) the public alerts it matches. Keyed by the decision's new version, so one change
 * queues each email once.
 */
export async function queueDecisionNotifications(
  trx: Transaction<DB>,
  before: Pick<DecisionState, 'status'>,
  decisionId: number,
): Promise<void> {
  const after = await trx
    .selectFrom('decisions')
    .select([
      'id',
      'office_id',
      'status',
      'version',
      'reference',
      'title',
      'created_by',
      'held_by',
      'returned_comment',
      'rejection_reasons',
      'slug',
    ])
    .where('id', '=', decisionId)
    .executeTakeFirstOrThrow()
  if (after.status === before.status) return
  const senderName = await officeName(trx, after.office_id)
  const queue = (kind: StaffNotificationKind, people: StaffRecipient[], subject: string, content: StaffContent) =>
    queueToStaff(trx, people, {
      eventKey: `decision:${after.id}:v${after.version}:${kind}`,
      kind,
      senderName,
      subject,
      content,
    })

  const stage = STAGE_FOR_STATUS[after.status]
  if (stage) await queue('decision_stage', await nextSigners(trx, after, stage), ...stageMessage(after, stage))
  const message = AUTHOR_MESSAGES[after.status]?.(after)
  if (message) {
    const id = message.toHolder ? (after.held_by ?? after.created_by) : after.created_by
    const people =
      id === null ? [] : await staffRecipients(trx, message.kind, { roles: ['officer'], officeId: null, userIds: [id] })
    await queue(message.kind, people, message.subject, message.content)
  }
  if (after.status === 'published') await queueAlertsForPublication(trx, after.id)
}

/** The subject and body of the email asking the next stage's signers to sign. */
function stageMessage(d: DecisionState, stage: SignOffStage): [string, StaffContent] {
  return [
    `Decision ${d.reference ?? ''} is waiting for ${STAGE_ACTION[stage]}`.trim(),
    {
      paragraphs: [
        `${named(d)} is waiting for ${STAGE_ACTION[stage]} (${STAGE_LABELS[stage].toLowerCase()}).`,
        'You can approve it or return it to the author with a comment.',
      ],
      link: { text: 'Sign off the decision', path: `/staff/decisions/${d.id}/sign` },
    },
  ]
}

/** The office's people who hold the stage's role, but not anyone the stage's segregation of duties rules out. */
async function nextSigners(trx: Transaction<DB>, d: DecisionState, stage: SignOffStage): Promise<StaffRecipient[]> {
  const excluded = await signersExcluded(trx, d.id, stage)
  const people = await staffRecipients(trx, 'decision_stage', { roles: [ROLE_FOR_STAGE[stage]], officeId: d.office_id })
  return people.filter((p) => !excluded.has(p.id))
}

/** Who may not sign the next stage: everyone who wrote or changed the decision, and everyone who signed another stage. */
async function signersExcluded(trx: Transaction<DB>, decisionId: number, stage: SignOffStage): Promise<Set<number>> {
  const [editors, signers, decision] = await Promise.all([
    trx.selectFrom('decision_editors').select('user_id').where('decision_id', '=', decisionId).execute(),
    trx
      .selectFrom('sign_offs')
      .select('signer_user_id')
      .where('decision_id', '=', decisionId)
      .where('outcome', '=', 'approved')
      .where('stage', '<>', stage)
      .execute(),
    trx.selectFrom('decisions').select('created_by').where('id', '=', decisionId).executeTakeFirstOrThrow(),
  ])
  const ids = [...editors.map((e) => e.user_id), ...signers.map((s) => s.signer_user_id)]
  if (decision.created_by !== null) ids.push(decision.created_by)
  return new Set(ids.filter((id): id is number => id !== null))
}
