import type { NextFunction, Request, Response } from 'express'
import type { DecisionDetail } from '../../../../db/repositories/decisions/decisions.ts'
import {
  ROLE_FOR_STAGE,
  STAGE_FOR_STATUS,
  STAGE_LABELS,
  isEditable,
  isPublishable,
} from '../../../../domain/workflow.ts'
import { outcomeTag } from '../../../../services/decisions/outcome.ts'
import { holderOf } from '../../../../services/decisions/workflow.ts'
import { decisionViewModel } from '../../public/decisions/decision.ts'
import { scopeOf } from '../../../auth.ts'
import { findingView } from '../ledger/stream-condition-views.ts'
import { bannerFor } from './confirmations.ts'
import { DecisionPage } from './page.ts'

/** The staff list of decisions, and one decision's task list and history. */
export class DecisionShowController extends DecisionPage {
  list = async (req: Request, res: Response): Promise<void> => {
    const work = await this.services.workflow.workFor(res.locals.user!, scopeOf(res))
    const deleted = typeof req.query.deleted === 'string' ? req.query.deleted.slice(0, 300) : null
    res.render('pages/staff/decisions/list', {
      ...work,
      deleted,
      tagOf: outcomeTag,
      stageLabel: (status: keyof typeof STAGE_FOR_STATUS) => STAGE_LABELS[STAGE_FOR_STATUS[status]!],
    })
  }

  show = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.load(req, { anyOrigin: true })
    if (!detail) return next()
    const user = res.locals.user!
    const d = detail.decision
    const verdict = await this.signVerdict(detail, res)
    const history = await this.services.audit.history('decision', d.id)
    const names = new Map((await this.services.accounts.list()).map((u) => [u.id, u.name]))
    const holder = holderOf(d)
    const holds = holder === null || holder === user.id
    const stage = STAGE_FOR_STATUS[d.status]
    // An imported or demonstration record is only read here: it is changed through the import review, not drafted.
    const drafted = d.created_by !== null
    const editableHere = drafted && isEditable(d.status)
    res.render('pages/staff/decisions/show', {
      ...decisionViewModel(detail),
      staffSections: detail.sections,
      drafted,
      tasks: editableHere ? await this.tasks(detail) : [],
      tag: outcomeTag(d),
      canDelete: editableHere && holder === user.id && d.reference === null,
      editable: editableHere && holds,
      heldBy: editableHere && !holds && holder !== null ? (names.get(holder) ?? 'another officer') : null,
      canHandOver: editableHere && holder === user.id && scopeOf(res).includes(d.office_id, 'officer'),
      canSubmit: editableHere && holds,
      canSign: drafted && verdict.ok,
      // A person who does not hold the stage's role is not told who does: only why they, a signer of it, may not.
      signReason:
        verdict.ok || !stage || !scopeOf(res).includes(d.office_id, ROLE_FOR_STAGE[stage]) ? null : verdict.reason,
      stageLabel: verdict.ok ? STAGE_LABELS[verdict.stage] : null,
      canPublish: drafted && isPublishable(d.status) && scopeOf(res).includes(d.office_id, 'officer', 'administrator'),
      timeline: history
        .map((h) => ({
          label: { text: h.action },
          datetime: { timestamp: h.at, type: 'datetime' },
          byline: { text: h.actorUserId ? (names.get(h.actorUserId) ?? h.actorLabel) : h.actorLabel },
        }))
        .reverse(),
      banner: bannerFor(req, detail),
      conditionFindings: (await this.services.streamConditions.forDecision(scopeOf(res), d.id)).map(findingView),
    })
  }
  private async tasks(detail: DecisionDetail) {
    const id = detail.decision.id
    const statuses = await this.services.workflow.taskList(id)
    return statuses.map((t) => ({
      title: { text: t.title },
      hint: t.required ? undefined : { text: 'Optional' },
      href: `/staff/decisions/${id}/${t.path}`,
      status:
        t.state === 'completed'
          ? { text: 'Completed' }
          : t.state === 'in_progress'
            ? { tag: { text: 'In progress', classes: 'govuk-tag--light-blue' } }
            : { tag: { text: 'Not yet started', classes: 'govuk-tag--blue' } },
    }))
  }
}
