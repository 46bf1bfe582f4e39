import type { NextFunction, Request, Response } from 'express'
import type { DecisionDetail } from '../../../../db/repositories/decisions/decisions.ts'
import { WorkflowError } from '../../../../services/decisions/workflow.ts'
import { actorOf } from '../../../auth.ts'
import { isPublishable } from '../../../../domain/workflow.ts'
import { sectionsLeft } from '../../../../services/decisions/tasks.ts'
import { checkAnswers } from './check-answers.ts'
import { publicPreview } from './public-preview.ts'
import { type Body } from './forms.ts'
import { DecisionPage } from './page.ts'

/** Submitting a draft, handing it to another officer, and publishing an approved decision. */
export class SubmissionController extends DecisionPage {
  submitCheck = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.loadDraft(req, res, next)
    if (!detail) return
    const model = await this.submitModel(detail)
    res.render('pages/staff/decisions/submit', { ...model, errorList: model.left })
  }

  submit = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.loadDraft(req, res, next)
    if (!detail) return
    try {
      await this.services.workflow.submit(detail.decision.id, Number((req.body as Body).version), actorOf(res))
      res.redirect(303, `/staff/decisions/${detail.decision.id}?done=submitted`)
    } catch (error) {
      if (!(error instanceof WorkflowError)) throw error
      const model = await this.submitModel(detail)
      res.status(400).render('pages/staff/decisions/submit', {
        ...model,
        errorList: model.left.length ? model.left : [{ text: error.message, href: '#version' }],
      })
    }
  }

  deleteCheck = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.loadDraft(req, res, next)
    if (!detail) return
    res.render('pages/staff/decisions/remove', this.deleteModel(detail))
  }

  delete = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.loadDraft(req, res, next)
    if (!detail) return
    try {
      const title = await this.services.workflow.deleteDraft(
        detail.decision.id,
        Number((req.body as Body).version),
        actorOf(res),
      )
      res.redirect(303, `/staff/decisions?deleted=${encodeURIComponent(title)}`)
    } catch (error) {
      if (!(error instanceof WorkflowError)) throw error
      this.renderErrors(res, 'pages/staff/decisions/remove', this.deleteModel(detail), { confirm: error.message })
    }
  }

  private deleteModel(detail: DecisionDetail) {
    const d = detail.decision
    return {
      d,
      version: d.version,
      heading: `Are you sure you want to delete the draft “${d.title}”?`,
      what: [
        { key: 'Title', value: d.title },
        { key: 'Awards', value: String(detail.awards.length) },
        { key: 'Partner contributions', value: String(detail.contributions.length) },
      ],
      warning: 'The draft and everything in it will be deleted. You cannot undo this.',
      action: `/staff/decisions/${d.id}/delete`,
      back: `/staff/decisions/${d.id}`,
      button: 'Yes, delete this draft',
    }
  }

  private async submitModel(detail: DecisionDetail) {
    const id = detail.decision.id
    const [tasks, appendices] = await Promise.all([
      this.services.workflow.taskList(id),
      this.services.workflow.appendices(id),
    ])
    return {
      d: detail.decision,
      sections: checkAnswers(detail, appendices),
      left: sectionsLeft(tasks).map((t) => ({
        text: `Complete the section “${t.title}” before you submit`,
        href: `/staff/decisions/${id}/${t.path}`,
      })),
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
  /** The public version, exactly as the register will show it (withheld parts replaced), before confirming. */
  publishCheck = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.load(req)
    if (!detail) return next()
    res.render('pages/staff/decisions/publish', {
      ...publicPreview(detail),
      publishable: isPublishable(detail.decision.status),
    })
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
      res.redirect(303, `/staff/decisions/${detail.decision.id}?done=published&slug=${encodeURIComponent(slug)}`)
    } catch (error) {
      if (!(error instanceof WorkflowError)) throw error
      this.renderErrors(res, 'pages/staff/decisions/publish', publicPreview(detail), { version: error.message })
    }
  }
}
