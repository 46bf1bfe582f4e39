import type { NextFunction, Request, Response } from 'express'
import { ORGANISATION_KINDS, ORGANISATION_KIND_LABELS } from '../../../../domain/organisation.ts'
import { FormError } from '../../../../services/shared/form-error.ts'
import type { Services } from '../../../../services/index.ts'
import { actorOf } from '../../../auth.ts'
import { errorList } from '../../../validation.ts'

/** Names that imports could not match: confirm each as a new organisation, or merge it into a known one. */
export class ReviewQueueController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response): Promise<void> => {
    await this.render(res, 200, { done: typeof req.query.done === 'string' ? req.query.done : null })
  }

  confirm = async (req: Request, res: Response): Promise<void> => {
    const id = Number(req.params.id)
    try {
      await this.services.organisations.confirm(id, req.body ?? {}, actorOf(res))
      res.redirect('/staff/ledger/organisations/review?done=confirmed')
    } catch (error) {
      if (!(error instanceof FormError)) throw error
      await this.render(res, 400, { errors: error.errors, failedId: id, values: req.body })
    }
  }

  private async render(
    res: Response,
    status: number,
    extra: { done?: string | null; errors?: Record<string, string>; failedId?: number; values?: unknown },
  ) {
    const queue = await this.services.organisations.reviewQueue()
    res.status(status).render('pages/staff/ledger/review', {
      queue,
      kinds: ORGANISATION_KINDS.map((k) => ({ value: k, text: ORGANISATION_KIND_LABELS[k] })),
      errorList: extra.errors ? errorList(prefix(extra.errors, extra.failedId!)) : [],
      ...extra,
    })
  }
}

/**
 * Two records for one organisation: choose them, see what will move and confirm, then the merge can be undone
 * from its confirmation page.
 */
export class MergeController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response): Promise<void> => {
    const values = { sourceId: req.query.source, targetId: req.query.target }
    res.render('pages/staff/ledger/merge', { organisations: await this.services.organisations.list(), values })
  }

  post = async (req: Request, res: Response): Promise<void> => {
    const values = { sourceId: String(req.body?.sourceId ?? ''), targetId: String(req.body?.targetId ?? '') }
    try {
      if (req.body?.confirm !== 'yes') {
        const preview = await this.services.organisations.previewMerge(values)
        res.render('pages/staff/ledger/merge-confirm', { ...preview, values })
        return
      }
      const { mergeId } = await this.services.organisations.merge(values, actorOf(res))
      res.redirect(303, `/staff/ledger/organisations/merges/${mergeId}`)
    } catch (error) {
      if (!(error instanceof FormError)) throw error
      res.status(400).render('pages/staff/ledger/merge', {
        organisations: await this.services.organisations.list(),
        values,
        errors: error.errors,
        errorList: errorList(error.errors),
      })
    }
  }

  show = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const merge = await this.record(req)
    if (!merge) return next()
    res.render('pages/staff/ledger/merge-done', { merge, undone: req.query.undone === '1' })
  }

  undo = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const merge = await this.record(req)
    if (!merge) return next()
    try {
      await this.services.organisations.undoMerge(merge.id, actorOf(res))
      res.redirect(303, `/staff/ledger/organisations/merges/${merge.id}?undone=1`)
    } catch (error) {
      if (!(error instanceof FormError)) throw error
      res.status(400).render('pages/staff/ledger/merge-done', {
        merge,
        errors: error.errors,
        errorList: errorList({ undo: Object.values(error.errors)[0]! }),
      })
    }
  }

  private async record(req: Request) {
    const id = Number(req.params.id)
    return Number.isSafeInteger(id) && id > 0 ? this.services.organisations.mergeRecord(id) : undefined
  }
}

/** Each queue item has its own form, so error links point at that item's fields. */
function prefix(errors: Record<string, string>, id: number): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [`${field}-${id}`, message]))
}
