import type { Request, Response } from 'express'
import { isIsoDate, todayInLondon } from '../../../../domain/uk-date.ts'
import { serviceTypeLabel } from '../../../../domain/service-types.ts'
import type { Services } from '../../../../services/index.ts'
import { errorList, type FieldErrors } from '../../../validation.ts'
import { one } from './query.ts'
import { registerOffices } from '../offices/register-context.ts'

/** The recommissioning pipeline: services ending within 6, 12 and 18 months with no successor decided, as on a date. */
export class PipelineController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response): Promise<void> => {
    const text = one(req.query.on)?.trim()
    const errors: FieldErrors = {}
    if (text && !isIsoDate(text)) errors.on = 'Enter the date as year-month-day, like 2018-05-01'
    const on = text && !errors.on ? text : todayInLondon()
    const pipeline = await this.services.commissioning.pipeline(on, registerOffices(res))
    res.status(errors.on ? 400 : 200).render('pages/public/ledger/pipeline', {
      errors,
      errorList: errorList(errors),
      onText: text ?? '',
      pipeline,
      windows: pipeline.windows.map((w, i) => ({
        ...w,
        from: i === 0 ? 0 : pipeline.windows[i - 1]!.months,
        entries: w.entries.map((e) => ({ ...e, typeText: serviceTypeLabel(e.item.serviceType) })),
      })),
    })
  }
}
