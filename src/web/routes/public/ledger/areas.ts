import type { NextFunction, Request, Response } from 'express'
import { serviceTypeLabel } from '../../../../domain/service-types.ts'
import type { Services } from '../../../../services/index.ts'
import { registerOffices } from '../offices/register-context.ts'

/** Places: every area, and for one area every commissioned service that serves it. */
export class AreasController {
  constructor(private readonly services: Services) {}

  list = async (_req: Request, res: Response): Promise<void> => {
    const areas = await this.services.ledger.areas(registerOffices(res))
    res.render('pages/public/ledger/areas', { areas })
  }

  get = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const offices = registerOffices(res)
    const page = await this.services.commissioning.area(String(req.params.slug), offices)
    if (!page) return next()
    const money = await this.services.coFunding.money({ areaId: page.area.id, offices })
    res.render('pages/public/ledger/area', {
      ...page,
      money,
      services: page.services.map((s) => ({ ...s, typeText: serviceTypeLabel(s.serviceType) })),
    })
  }
}
