import type { NextFunction, Request, Response } from 'express'
import type { CompletableTask } from '../../../../db/repositories/decisions/draft-parts.ts'
import type { DecisionDetail } from '../../../../db/repositories/decisions/decisions.ts'
import { WorkflowError } from '../../../../services/decisions/workflow.ts'
import { actorOf } from '../../../auth.ts'
import type { FieldErrors } from '../../../validation.ts'
import type { Body } from './forms.ts'
import { DecisionPage } from './page.ts'
import { field } from './part-fields.ts'

/**
 * A draft's list task in the MoJ "add another" pattern (awards, contributions, appendices): its summary page, and
 * the answer to whether every item has been added, which marks the task complete or not.
 */
export abstract class ListTaskPage<Item> extends DecisionPage {
  protected abstract readonly task: CompletableTask
  /** The summary page's view. */
  protected abstract readonly summaryView: string
  /** What is listed, for "Choose whether you have added every …". */
  protected abstract readonly everyWhat: string

  protected abstract summaryModel(detail: DecisionDetail, req: Request, values: Body): Promise<Record<string, unknown>>

  /** The item the address names; undefined when it names none of this draft's. */
  protected abstract item(detail: DecisionDetail, req: Request): Item | null | undefined | Promise<Item | undefined>

  /** The removal check page's view model for one item. */
  protected abstract removeModel(detail: DecisionDetail, item: Item): object

  /** What is wrong with the answer to whether every item has been added; a task may check more. */
  protected completionErrors(_detail: DecisionDetail, answer: string): FieldErrors {
    return answer === 'yes' || answer === 'no'
      ? {}
      : { completed: `Choose whether you have added every ${this.everyWhat}` }
  }

  summary = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.loadDraft(req, res, next)
    if (!detail) return
    res.render(this.summaryView, await this.summaryModel(detail, req, {}))
  }

  complete = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.loadDraft(req, res, next)
    if (!detail) return
    const body = req.body as Body
    const answer = field(body, 'completed')
    const errors = this.completionErrors(detail, answer)
    if (Object.keys(errors).length)
      return this.renderErrors(res, this.summaryView, await this.summaryModel(detail, req, body), errors)
    try {
      await this.services.workflow.markTask(
        detail.decision.id,
        Number(body.version),
        this.task,
        answer === 'yes',
        actorOf(res),
      )
    } catch (error) {
      if (!(error instanceof WorkflowError)) throw error
      return this.renderErrors(res, this.summaryView, await this.summaryModel(detail, req, body), {
        completed: error.message,
      })
    }
    res.redirect(303, `/staff/decisions/${detail.decision.id}`)
  }

  /** Asks whether to remove the item the address names. */
  removeCheck = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.loadDraft(req, res, next)
    if (!detail) return
    const item = await this.item(detail, req)
    if (!item) return next()
    res.render('pages/staff/decisions/remove', this.removeModel(detail, item))
  }
}
