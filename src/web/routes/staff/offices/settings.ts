import type { NextFunction, Request, Response } from 'express'
import type { Services } from '../../../../services/index.ts'
import { DECISION_MAKER_TITLES, SettingsError } from '../../../../services/offices/settings.ts'
import { actorOf, scopeOf } from '../../../auth.ts'
import { errorList } from '../../../validation.ts'
import { LOGO_PROBLEMS } from './logo.ts'

const FIELDS = [
  'name',
  'shortName',
  'decisionMakerTitle',
  'referenceFormat',
  'foiReferenceFormat',
  'openDataPrefix',
  'contact',
  'copyrightHolder',
  'accentColour',
] as const

/** The office chosen by ?office= (or the form's office field); undefined for the default office. */
function chosenOffice(value: unknown): number | undefined | null {
  if (value === undefined || value === '') return undefined
  const id = Number(value)
  return Number.isSafeInteger(id) && id > 0 ? id : null
}

/** An administrator edits the settings of an office they administer, chosen among theirs. */
export class SettingsController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const officeId = chosenOffice(req.query.office)
    if (officeId === null) return next()
    const settings = await this.services.officeSettings.get(officeId, scopeOf(res))
    if (!settings) return next()
    const logoError = LOGO_PROBLEMS[String(req.query.logoError) as keyof typeof LOGO_PROBLEMS]
    await this.render(res, 200, settings as unknown as Record<string, unknown>, {
      saved: req.query.saved === '1',
      logo: { saved: req.query.logo === 'saved', removed: req.query.logo === 'removed' },
      errors: logoError ? { logo: logoError } : undefined,
    })
  }

  post = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const officeId = chosenOffice(req.body?.office)
    if (officeId === null) return next()
    const values: Record<string, unknown> = Object.fromEntries(FIELDS.map((f) => [f, req.body?.[f]]))
    try {
      const saved = await this.services.officeSettings.update(officeId, values, actorOf(res))
      res.redirect(`/staff/settings?office=${saved.officeId}&saved=1`)
    } catch (error) {
      if (!(error instanceof SettingsError)) throw error
      const current = await this.services.officeSettings.get(officeId, scopeOf(res))
      if (!current) return next()
      const typed = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined))
      await this.render(res, 400, { ...current, ...typed }, { errors: error.errors })
    }
  }

  private async render(
    res: Response,
    status: number,
    values: Record<string, unknown>,
    extra: { saved?: boolean; errors?: Record<string, string>; logo?: { saved: boolean; removed: boolean } },
  ): Promise<void> {
    const [offices, publicOffice] = await Promise.all([
      this.services.officeSettings.offices(scopeOf(res)),
      this.services.publicOffices.byId(Number(values.officeId)),
    ])
    res.status(status).render('pages/staff/offices/settings', {
      values,
      titles: DECISION_MAKER_TITLES,
      officeItems: offices.map((o) => ({ value: o.id, text: o.name, selected: o.id === values.officeId })),
      saved: extra.saved,
      logo: extra.logo,
      publicOffice,
      errors: extra.errors,
      errorList: extra.errors ? errorList(extra.errors) : undefined,
    })
  }
}
