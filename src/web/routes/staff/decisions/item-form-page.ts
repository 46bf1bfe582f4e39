import type { NextFunction, Request, Response } from 'express'
import type { DecisionDetail } from '../../../../db/repositories/decisions/decisions.ts'
import type { Actor } from '../../../../services/audit/audit.ts'
import { actorOf } from '../../../auth.ts'
import type { FieldErrors } from '../../../validation.ts'
import type { Body } from './forms.ts'
import { ListTaskPage, refusalErrors } from './list-task-page.ts'
import { AMOUNT_TYPES, yearChoices } from './part-fields.ts'

/** A posted item form, as its page's save has it. */
export interface ItemPost<Item> {
  res: Response
  detail: DecisionDetail
  /** The item changed; null for a new one. */
  item: Item | null
  body: Body
  version: number
  /** Shows the form again, as posted, with these errors. */
  fail: (errors: FieldErrors) => Promise<void>
}

/** A list task whose items are added and changed on one question page each (awards, partner contributions). */
export abstract class ItemFormPage<Item extends { id: number }, Details> extends ListTaskPage<Item> {
  /** The question page's view. */
  protected abstract readonly formView: string

  /** The question page's values for an item, or a new one's defaults. */
  protected abstract formValues(item: Item | null): Body

  /** What the question page shows of the item (null for a new one) beside the choices every item form offers. */
  protected abstract formItem(item: Item | null): Record<string, unknown>

  /** Checks the posted form and saves the item, or responds with what stops it. */
  protected abstract saveItem(post: ItemPost<Item>): Promise<void>

  /** Saves an item's checked details through the workflow; `itemId` is null for a new item. */
  protected abstract storeItem(
    decisionId: number,
    version: number,
    itemId: number | null,
    details: Details,
    actor: Actor,
  ): Promise<void>

  protected abstract override item(detail: DecisionDetail, req: Request): Item | null | undefined

  form = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const found = await this.loadItem(req, res, next)
    if (!found) return
    const { detail, item } = found
    res.render(this.formView, await this.formModel(detail, item, this.formValues(item), detail.decision.version))
  }

  save = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const found = await this.loadItem(req, res, next)
    if (!found) return
    const { detail, item } = found
    const body = req.body as Body
    const version = Number(body.version)
    const fail = async (errors: FieldErrors) =>
      this.renderErrors(res, this.formView, await this.formModel(detail, item, body, version), errors)
    await this.saveItem({ res, detail, item, body, version, fail })
  }

  /** The question page's view model: the draft, the item, the form's values and the choices it offers. */
  private async formModel(detail: DecisionDetail, item: Item | null, values: Body, version: number) {
    const [streams, services] = await Promise.all([
      this.services.funding.streams(),
      this.services.workflow.serviceChoices(detail.decision.office_id),
    ])
    return {
      d: detail.decision,
      ...this.formItem(item),
      version,
      values,
      years: yearChoices(),
      amountTypes: AMOUNT_TYPES,
      streams: streams.map((s) => ({ value: String(s.id), text: s.name })),
      services: services.map((s) => ({ value: String(s.id), text: s.name })),
    }
  }

  /**
   * Saves the posted item's checked details, then goes back to the summary, which says it was added or changed; a
   * refusal shows the form again with the reason, at `field` unless the refusal names one.
   */
  protected async store({ res, detail, item, version, fail }: ItemPost<Item>, field: string, details: Details) {
    try {
      await this.storeItem(detail.decision.id, version, item ? item.id : null, details, actorOf(res))
    } catch (error) {
      return fail(refusalErrors(error, field))
    }
    res.redirect(303, `${this.summaryPath(detail)}?${item ? 'changed' : 'added'}=1`)
  }

  /** The draft and the item its address names; undefined, after passing the request on, when it names none. */
  private async loadItem(
    req: Request,
    res: Response,
    next: NextFunction,
  ): Promise<{ detail: DecisionDetail; item: Item | null } | undefined> {
    const detail = await this.loadDraft(req, res, next)
    if (!detail) return undefined
    const item = this.item(detail, req)
    if (item !== undefined) return { detail, item }
    next()
    return undefined
  }
}
