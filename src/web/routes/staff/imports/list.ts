import type { Request, Response } from 'express'
import { scopeOf } from '../../../auth.ts'
import type { Services } from '../../../../services/index.ts'

/** Imported records waiting for a person to check and confirm them. */
export class ImportListController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response): Promise<void> => {
    const rows = await this.services.imports.awaitingReview(scopeOf(res))
    const confirmed =
      typeof req.query.confirmed === 'string' && /^[a-z0-9-]{1,200}$/.test(req.query.confirmed)
        ? req.query.confirmed
        : null
    res.render('pages/staff/imports/list', { rows, confirmed })
  }
}
