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
    const people = new Intl.NumberFormat('en-GB')
    res.render('pages/public/offices/national', {
      ...comparison,
      offices: comparison.offices.map((o) => ({
        ...o,
        populationText: o.population ? `${people.format(o.population.count)} people in ${o.population.year}` : null,
      })),
      anyPopulation: comparison.offices.some((o) => o.population),
    })
  }
}
