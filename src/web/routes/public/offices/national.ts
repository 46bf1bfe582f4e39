import type { Request, Response } from 'express'
import type { Services } from '../../../../services/index.ts'

/** The national pages: the list of every office's register, and the comparison of what offices commission. */
export class NationalController {
  constructor(private readonly services: Services) {}

  offices = async (_req: Request, res: Response): Promise<void> => {
    const offices = await this.services.publicOffices.all()
    res.render('pages/public/offices/offices', { offices })
  }

  comparison = async (_req: Request, res: Response): Promise<void> => {
    const comparison = await this.services.national.comparison()
    res.render('pages/public/offices/national', {
      ...comparison,
      anyPopulation: comparison.offices.some((o) => o.population),
    })
  }
}
