import type { NextFunction, Request, Response } from 'express'
import type { CompletableTask } from '../../../../db/repositories/decisions/draft-parts.ts'
import type { DecisionDetail } from '../../../../db/repositories/decisions/decisions.ts'
import type { Actor } from '../../../../services/audit/audit.ts'
import { ConcurrentEditError, WorkflowError } from '../../../../services/decisions/workflow.ts'
import { actorOf } from '../../../auth.ts'
import type { FieldErrors } from '../../../validation.ts'
import type { Body } from './forms.ts'
import { carriedFields, type NameQuestion } from './organisation-names.ts'
import { DecisionPage } from './page.ts'
import { field } from './part-fields.ts'

/**
 * The form errors for the workflow's refusal to save an item: a concurrent edit at the version, any other refusal at
 * the field it names, else at `field`. Anything else is thrown on.
 */
export function refusalErrors(error: unknown, field: string): FieldErrors {
  if (error instanceof ConcurrentEditError) return { version: error.message }
  if (error instanceof WorkflowError) return { [error.field ?? field]: error.message }
  throw error
}

/** The item whose id an address gives: null when it gives none (a new item); undefined when none has that id. */
export function itemWithId<T extends { id: number }>(items: readonly T[], id: unknown): T | null | undefined {
  if (id === undefined) return null
  return items.find((item) => String(item.id) === id)
}

/** The name the summary's address gives the item just removed, if any. */
export function removedName(req: Request): string | null {
  return typeof req.query.removed === 'string' ? req.query.removed.slice(0, 300) : null
}

/** The summary's message after an item was added or changed: "Award added", "Award changed". */
export function savedFlash(req: Request, what: string): string | null {
  return req.query.added === '1' ? `${what} added` : req.query.changed === '1' ? `${what} changed` : null
}

/**
 * A draft's list task in the MoJ "add another" pattern (awards, contributions, appendices): its summary page, and
 * the answer to whether every item has been added, which marks the task complete or not.
 */
export abstract class ListTaskPage<Item extends { id: number }> extends DecisionPage {
  protected abstract readonly task: CompletableTask
  /** What is listed, for "Choose whether you have added every …". */
  protected abstract readonly everyWhat: string

  protected abstract summaryModel(detail: DecisionDetail, req: Request, values: Body): Promise<Record<string, unknown>>

  /** The item the address names; undefined when it names none of this draft's. */
  protected abstract item(detail: DecisionDetail, req: Request): Item | null | undefined | Promise<Item | undefined>

  /** The removal check page's question, what it shows of the item, and its button. */
  protected abstract removal(item: Item): {
    heading: string
    what: Array<{ key: string; value: string }>
    button: string
  }

  /** Removes the item from the draft through the workflow. */
  protected abstract removeItem(detail: DecisionDetail, version: number, item: Item, actor: Actor): Promise<void>

  /** The summary's `removed` parameter once the item is removed, for its message. */
  protected abstract removedParameter(item: Item): string

  /** Whether removal waits for the check page's "yes" (the contributions' removal has never asked for it). */
  protected readonly removalWaitsForYes: boolean = true

  /** What is wrong with the answer to whether every item has been added; a task may check more. */
  protected completionErrors(_detail: DecisionDetail, answer: string): FieldErrors {
    return answer === 'yes' || answer === 'no'
      ? {}
      : { completed: `Choose whether you have added every ${this.everyWhat}` }
  }

  summary = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.loadDraft(req, res, next)
    if (!detail) return
    res.render(`pages/staff/decisions/${this.task}`, await this.summaryModel(detail, req, {}))
  }

  complete = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.loadDraft(req, res, next)
    if (!detail) return
    const body = req.body as Body
    const answer = field(body, 'completed')
    const errors = this.completionErrors(detail, answer)
    if (Object.keys(errors).length)
      return this.renderErrors(
        res,
        `pages/staff/decisions/${this.task}`,
        await this.summaryModel(detail, req, body),
        errors,
      )
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
      return this.renderErrors(res, `pages/staff/decisions/${this.task}`, await this.summaryModel(detail, req, body), {
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

  /** Removes the item the address names, after the check page; a refusal shows the check again with the reason. */
  remove = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.loadDraft(req, res, next)
    if (!detail) return
    const item = await this.item(detail, req)
    if (!item) return next()
    const body = req.body as Body
    const summary = this.summaryPath(detail)
    if (this.removalWaitsForYes && body.confirm !== 'yes') return res.redirect(303, summary)
    try {
      await this.removeItem(detail, Number(body.version), item, actorOf(res))
    } catch (error) {
      if (!(error instanceof WorkflowError)) throw error
      return this.renderErrors(res, 'pages/staff/decisions/remove', this.removeModel(detail, item), {
        confirm: error.message,
      })
    }
    res.redirect(303, `${summary}?removed=${this.removedParameter(item)}`)
  }

  /** The summary page's address. */
  protected summaryPath(detail: DecisionDetail): string {
    return `/staff/decisions/${detail.decision.id}/${this.task}`
  }

  /** The removal check page's view model for one item. */
  private removeModel(detail: DecisionDetail, item: Item) {
    return {
      d: detail.decision,
      version: detail.decision.version,
      ...this.removal(item),
      action: `${this.summaryPath(detail)}/${item.id}/remove`,
      back: this.summaryPath(detail),
    }
  }

  /** Asks "Did you mean …?" about a name the item's form gave, carrying the rest of the form through. */
  protected askName(
    res: Response,
    detail: DecisionDetail,
    item: Item | null,
    body: Body,
    question: NameQuestion,
    errors: FieldErrors,
  ): void {
    this.renderErrors(
      res,
      'pages/staff/decisions/confirm-name',
      {
        d: detail.decision,
        question,
        action: `${this.summaryPath(detail)}/${item ? item.id : 'new'}`,
        hidden: carriedFields(body, `${question.field}Confirm`),
      },
      errors,
    )
  }

  /**
   * What every summary shows: the draft, its version, the answer to whether every item has been added (as posted,
   * else as the task is marked) and `flash`, the message after a change.
   */
  protected async summaryHead(detail: DecisionDetail, values: Body, flash: string | null) {
    const tasks = await this.services.workflow.taskList(detail.decision.id)
    const marked = tasks.find((t) => t.key === this.task)?.state === 'completed'
    return {
      d: detail.decision,
      version: detail.decision.version,
      values: { completed: values.completed ?? (marked ? 'yes' : '') },
      flash,
    }
  }
}
