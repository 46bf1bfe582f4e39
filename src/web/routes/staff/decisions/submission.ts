import type { NextFunction, Request, Response } from 'express'
import type { DecisionDetail } from '../../../../db/repositories/decisions/decisions.ts'
import { WorkflowError } from '../../../../services/decisions/workflow.ts'
import { actorOf } from '../../../auth.ts'
import { decisionViewModel } from '../../public/decisions/decision.ts'
import { type Body } from './forms.ts'
import { DecisionPage } from './page.ts'

/** Submitting a draft, handing it to another officer, and publishing an approved decision. */
export class SubmissionController extends DecisionPage {
  submitCheck = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.load(req)
    if (!detail) return next()
    res.render('pages/staff/decisions/submit', { ...decisionViewModel(detail), staffSections: detail.sections })
  }

  submit = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.load(req)
    if (!detail) return next()
    try {
      await this.services.workflow.submit(detail.decision.id, Number((req.body as Body).version), actorOf(res))
      res.redirect(`/staff/decisions/${detail.decision.id}`)
    } catch (error) {
      if (!(error instanceof WorkflowError)) throw error
      this.renderErrors(
        res,
        'pages/staff/decisions/submit',
        { ...decisionViewModel(detail), staffSections: detail.sections },
        { version: error.message },
      )
    }
  }

  handOverForm = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.load(req)
    if (!detail) return next()
    res.render('pages/staff/decisions/hand-over', await this.handOverModel(detail, {}))
  }

  handOver = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.load(req)
    if (!detail) return next()
    const body = req.body as Body
    const toUserId = Number(body.holder)
    try {
      if (!Number.isSafeInteger(toUserId) || toUserId <= 0)
        throw new WorkflowError('Choose an officer to hand this draft to', 'holder')
      await this.services.workflow.handOver(detail.decision.id, Number(body.version), toUserId, actorOf(res))
      res.redirect(303, `/staff/decisions/${detail.decision.id}?handedOver=1`)
    } catch (error) {
      if (!(error instanceof WorkflowError)) throw error
      this.renderErrors(res, 'pages/staff/decisions/hand-over', await this.handOverModel(detail, body), {
        [error.field ?? 'holder']: error.message,
      })
    }
  }

  private async handOverModel(detail: DecisionDetail, values: Body) {
    const officers = await this.services.workflow.handOverCandidates(detail.decision)
    return {
      d: detail.decision,
      version: values.version ?? detail.decision.version,
      officers: officers.map((o) => ({
        value: String(o.id),
        text: o.name,
        hint: { text: o.email },
        checked: values.holder === String(o.id),
      })),
    }
  }
  publishCheck = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.load(req)
    if (!detail) return next()
    res.render('pages/staff/decisions/publish', { ...decisionViewModel(detail), staffSections: detail.sections })
  }

  publish = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.load(req)
    if (!detail) return next()
    try {
      const slug = await this.services.workflow.publish(
        detail.decision.id,
        Number((req.body as Body).version),
        actorOf(res),
      )
      res.redirect(`/decisions/${slug}`)
    } catch (error) {
      if (!(error instanceof WorkflowError)) throw error
      this.renderErrors(
        res,
        'pages/staff/decisions/publish',
        { ...decisionViewModel(detail), staffSections: detail.sections },
        { version: error.message },
      )
    }
  }
}
