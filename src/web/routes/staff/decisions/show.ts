import type { NextFunction, Request, Response } from 'express'
import type { DecisionDetail } from '../../../../db/repositories/decisions/decisions.ts'
import { STAGE_FOR_STATUS, STAGE_LABELS, isEditable, isPublishable } from '../../../../domain/workflow.ts'
import { outcomeTag } from '../../../../services/decisions/outcome.ts'
import { holderOf } from '../../../../services/decisions/workflow.ts'
import { decisionViewModel } from '../../public/decisions/decision.ts'
import { DecisionPage } from './page.ts'

/** The staff list of decisions, and one decision's task list and history. */
export class DecisionShowController extends DecisionPage {
  list = async (_req: Request, res: Response): Promise<void> => {
    const work = await this.services.workflow.workFor(res.locals.user!)
    res.render('pages/staff/decisions/list', {
      ...work,
      tagOf: outcomeTag,
      stageLabel: (status: keyof typeof STAGE_FOR_STATUS) => STAGE_LABELS[STAGE_FOR_STATUS[status]!],
    })
  }

  show = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.load(req)
    if (!detail) return next()
    const user = res.locals.user!
    const d = detail.decision
    const verdict = await this.signVerdict(detail, res)
    const history = await this.services.audit.history('decision', d.id)
    const names = new Map((await this.services.accounts.list()).map((u) => [u.id, u.name]))
    const holder = holderOf(d)
    const holds = holder === null || holder === user.id
    res.render('pages/staff/decisions/show', {
      ...decisionViewModel(detail),
      staffSections: detail.sections,
      tasks: this.tasks(detail),
      editable: isEditable(d.status) && holds,
      heldBy: isEditable(d.status) && !holds && holder !== null ? (names.get(holder) ?? 'another officer') : null,
      canHandOver: isEditable(d.status) && holder === user.id && user.roles.includes('officer'),
      canSubmit: isEditable(d.status) && holds,
      canSign: verdict.ok,
      signReason: verdict.ok ? null : verdict.reason,
      stageLabel: verdict.ok ? STAGE_LABELS[verdict.stage] : null,
      canPublish: isPublishable(d.status) && user.roles.some((r) => r === 'officer' || r === 'administrator'),
      timeline: history
        .map((h) => ({
          label: { text: h.action },
          datetime: { timestamp: h.at, type: 'datetime' },
          byline: { text: h.actorUserId ? (names.get(h.actorUserId) ?? h.actorLabel) : h.actorLabel },
        }))
        .reverse(),
      flash: req.query.saved === '1' ? 'Saved' : req.query.handedOver === '1' ? 'Draft handed over' : null,
    })
  }
  private tasks(detail: DecisionDetail) {
    const d = detail.decision
    const id = d.id
    const has = (key: string) => detail.sections.some((s) => s.key === key)
    const status = (done: boolean) =>
      done ? { text: 'Completed' } : { tag: { text: 'Not yet started', classes: 'govuk-tag--blue' } }
    return [
      {
        title: { text: 'Decision details' },
        href: `/staff/decisions/${id}/details`,
        status: status(Boolean(d.executive_summary && d.decision_text)),
      },
      {
        title: { text: 'Financial information' },
        href: `/staff/decisions/${id}/finance`,
        status: status(d.revenue_or_capital !== null || has('financial_information')),
      },
      {
        title: { text: 'Awards and partner contributions' },
        href: `/staff/decisions/${id}/money`,
        status: status(detail.awards.length > 0 || detail.contributions.length > 0),
      },
      {
        title: { text: 'Classification' },
        href: `/staff/decisions/${id}/classification`,
        status: {
          text:
            d.classification === 'non_confidential'
              ? 'Not confidential'
              : d.classification === 'confidential'
                ? 'Confidential'
                : 'Partially confidential',
        },
      },
      {
        title: { text: 'Related decisions' },
        href: `/staff/decisions/${id}/links`,
        status: { text: detail.links.length ? `${detail.links.length} linked` : 'None' },
      },
    ]
  }
}
