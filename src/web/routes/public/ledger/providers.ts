import type { NextFunction, Request, Response } from 'express'
import { financialYear } from '../../../../domain/financial-year.ts'
import type { Services } from '../../../../services/index.ts'
import { registerBase, registerOffices } from '../offices/register-context.ts'

/** Who received money: every provider with its total, and one provider's awards by year and service. */
export class ProvidersController {
  constructor(private readonly services: Services) {}

  list = async (_req: Request, res: Response): Promise<void> => {
    const providers = await this.services.ledger.providers(registerOffices(res))
    const sum = (key: 'oneOffPence' | 'perAnnumPence' | 'yearlyCeilingPence' | 'ceilingPence') =>
      providers.reduce((total, p) => total + p[key], 0)
    res.render('pages/public/ledger/providers', {
      providers,
      totals: {
        oneOffPence: sum('oneOffPence'),
        perAnnumPence: sum('perAnnumPence'),
        yearlyCeilingPence: sum('yearlyCeilingPence'),
        ceilingPence: sum('ceilingPence'),
      },
    })
  }

  get = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const page = await this.services.ledger.provider(String(req.params.slug))
    if (!page) return next()
    if ('mergedInto' in page) return res.redirect(301, `${registerBase(res)}/providers/${page.mergedInto}`)
    const [money, given] = await Promise.all([
      this.services.coFunding.money({ providerId: page.organisation.id }),
      this.services.coFunding.contributions({ partnerId: page.organisation.id }),
    ])
    res.render('pages/public/ledger/provider', {
      ...page,
      money,
      given,
      serviceYears: page.serviceYears.map((y) => ({ startYear: y, label: financialYear(y).label })),
      services: page.services.map((s) => ({ ...s, cells: page.serviceYears.map((y) => s.byYear.get(y) ?? null) })),
      serviceYearTotals: page.serviceYears.map((y) => page.services.reduce((sum, s) => sum + (s.byYear.get(y) ?? 0), 0)),
    })
  }
}
