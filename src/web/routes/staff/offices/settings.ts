import type { Request, Response } from 'express'
import type { Services } from '../../../../services/index.ts'
import { DECISION_MAKER_TITLES, SettingsError } from '../../../../services/offices/settings.ts'
import { actorOf } from '../../../auth.ts'
import { errorList } from '../../../validation.ts'

export class SettingsController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response): Promise<void> => {
    const settings = await this.services.officeSettings.get()
    res.render('pages/staff/offices/settings', {
      values: settings ?? {},
      titles: DECISION_MAKER_TITLES,
      saved: req.query.saved === '1',
    })
  }

  post = async (req: Request, res: Response): Promise<void> => {
    const values = {
      name: req.body?.name,
      decisionMakerTitle: req.body?.decisionMakerTitle,
      referenceFormat: req.body?.referenceFormat,
    }
    try {
      await this.services.officeSettings.update(values, actorOf(res))
      res.redirect('/staff/settings?saved=1')
    } catch (error) {
      if (!(error instanceof SettingsError)) throw error
      res.status(400).render('pages/staff/offices/settings', {
        values,
        titles: DECISION_MAKER_TITLES,
        errors: error.errors,
        errorList: errorList(error.errors),
      })
    }
  }
}
