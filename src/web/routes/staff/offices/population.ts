import type { NextFunction, Request, Response } from 'express'
import { z } from 'zod'
import type { Services } from '../../../../services/index.ts'
import { actorOf, scopeOf } from '../../../auth.ts'
import { errorList, savedOrRefused, type FieldErrors } from '../../../validation.ts'
import { requiredText } from '../../../../services/shared/form-fields.ts'
import { FormError } from '../../../../services/shared/form-error.ts'

/** The population form: a year, a whole number of people (commas allowed) and where the figure comes from. */
const populationForm = z.object({
  year: z
    .string()
    .trim()
    .regex(/^\d{4}$/, { message: 'Enter the year of the estimate as 4 digits, like 2022' })
    .transform(Number),
  population: z
    .string()
    .trim()
    .regex(/^\d{1,3}(,?\d{3})*$/, { message: 'Enter the population as a whole number, like 1,154,200' })
    .transform((text) => Number(text.replace(/,/g, '')))
    .refine((n) => n > 0 && n <= 2_000_000_000, { message: 'Enter a population greater than 0' }),
  source: requiredText(
    300,
    'Enter where the figure comes from, like “ONS mid-2022 population estimates”',
    'The source must be 300 characters or fewer',
  ),
})

const field = (body: unknown, name: string): string => {
  const value = (body as Record<string, unknown> | undefined)?.[name]
  return typeof value === 'string' ? value : ''
}

/** An office's population for per-head figures: its administrator or a deployment administrator records or corrects it. */
export class PopulationController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const office = await this.office(req, res)
    if (!office) return next()
    const latest = office.populations[0]
    await this.render(
      res,
      200,
      office,
      {
        year: latest ? String(latest.year) : '',
        population: latest ? latest.population.toLocaleString('en-GB') : '',
        source: latest?.source ?? '',
      },
      undefined,
      req.query.done === '1',
    )
  }

  post = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const office = await this.office(req, res)
    if (!office) return next()
    const values = {
      year: field(req.body, 'year'),
      population: field(req.body, 'population'),
      source: field(req.body, 'source'),
    }
    const parsed = populationForm.safeParse(values)
    const errors: FieldErrors = parsed.success ? {} : FormError.fromZod(parsed.error).errors
    if (parsed.success) {
      const record = () =>
        this.services.publicOffices.recordPopulation({ officeId: office.id, ...parsed.data }, actorOf(res))
      if (await savedOrRefused(errors, record)) return res.redirect(`/staff/offices/${office.id}/population?done=1`)
    }
    await this.render(res, 400, office, values, errors)
  }

  private async render(
    res: Response,
    status: number,
    office: { id: number; name: string; populations: Array<{ year: number; population: number; source: string }> },
    values: { year: string; population: string; source: string },
    errors?: FieldErrors,
    done = false,
  ): Promise<void> {
    res.status(status).render('pages/staff/offices/population', {
      office,
      values,
      done,
      back: scopeOf(res).allOffices ? '/staff/offices' : `/staff/settings?office=${office.id}`,
      errors,
      errorList: errors ? errorList(errors) : undefined,
    })
  }

  /** The office of the address, if the member of staff administers it (or the deployment). */
  private async office(req: Request, res: Response) {
    const id = String(req.params.id)
    if (!/^\d{1,15}$/.test(id) || !scopeOf(res).includes(Number(id), 'administrator')) return undefined
    const office = await this.services.publicOffices.byId(Number(id))
    if (!office) return undefined
    const populations = await this.services.publicOffices.populations(office.id)
    return {
      id: office.id,
      name: office.name,
      populations: populations.map((p) => ({ ...p, populationText: p.population.toLocaleString('en-GB') })),
    }
  }
}
