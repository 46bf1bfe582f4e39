import type { Request, Response } from 'express'
import { FormError } from '../../../../services/shared/form-error.ts'
import type { Services } from '../../../../services/index.ts'
import { actorOf } from '../../../auth.ts'
import { errorList } from '../../../validation.ts'

/** What each funding stream received in a financial year. */
export class ReceiptsController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response): Promise<void> => {
    const saved =
      req.query.saved === 'replaced'
        ? 'Amount received replaced'
        : req.query.saved === '1'
          ? 'Amount received saved'
          : null
    await this.render(res, 200, { saved, values: {} })
  }

  post = async (req: Request, res: Response): Promise<void> => {
    const values = {
      streamId: String(req.body?.streamId ?? ''),
      year: String(req.body?.year ?? ''),
      amount: String(req.body?.amount ?? ''),
      note: String(req.body?.note ?? ''),
    }
    try {
      const overwrite = req.body?.overwrite === 'yes'
      const result = await this.services.funding.recordReceipt(values, actorOf(res), { overwrite })
      if (!result.saved) {
        const streams = await this.services.funding.overview()
        res.render('pages/staff/ledger/receipt-overwrite', {
          values,
          stream: streams.find((s) => String(s.id) === values.streamId),
          existing: result.existing,
        })
        return
      }
      res.redirect(`/staff/ledger/receipts?saved=${overwrite ? 'replaced' : '1'}`)
    } catch (error) {
      if (!(error instanceof FormError)) throw error
      await this.render(res, 400, { values, errors: error.errors })
    }
  }

  private async render(
    res: Response,
    status: number,
    extra: { saved?: string | null; values: Record<string, string>; errors?: Record<string, string> },
  ) {
    const streams = await this.services.funding.overview()
    res.status(status).render('pages/staff/ledger/receipts', {
      streams,
      errorList: extra.errors ? errorList(extra.errors) : [],
      ...extra,
    })
  }
}
