import type { Request, Response } from 'express'
import { z } from 'zod'
import { financialYear } from '../../../../domain/financial-year.ts'
import { OUTCOME_TAGS, publicOutcome } from '../../../../domain/outcome.ts'
import type { Services } from '../../../../services/index.ts'
import { describeListedTotal } from '../../../../domain/decision-total.ts'
import { errorList, type FieldErrors } from '../../../validation.ts'
import { registerBase, registerOffices } from '../offices/register-context.ts'
import { pagination } from '../../pagination.ts'
import { FormError } from '../../../../services/shared/form-error.ts'

const optionalInt = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return undefined
      const number = Number(value)
      if (!/^\d+$/.test(value) || number < min || number > max) {
        ctx.addIssue({ code: 'custom', message })
        return z.NEVER
      }
      return number
    })

export const homeQuery = z.object({
  q: z.string().trim().max(200, { message: 'Search words must be 200 characters or fewer' }).optional(),
  office: optionalInt(1, Number.MAX_SAFE_INTEGER, 'Choose an office from the list'),
  year: optionalInt(1990, 2100, 'Choose a financial year from the list'),
  page: optionalInt(1, 100000, 'Page must be a whole number from 1'),
})

/** The public register: every published decision, newest first, with search and filters. */
export class HomeController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response): Promise<void> => {
    const raw = { q: one(req.query.q), office: one(req.query.office), year: one(req.query.year), page: one(req.query.page) }
    const parsed = homeQuery.safeParse(raw)
    const errors: FieldErrors = parsed.success ? {} : FormError.fromZod(parsed.error).errors
    const filter: z.infer<typeof homeQuery> = parsed.success
      ? parsed.data
      : { q: raw.q?.slice(0, 200), office: undefined, year: undefined, page: undefined }
    const [result, offices, dataYears] = await Promise.all([
      this.services.register.searchDecisions({
        text: filter.q,
        officeId: filter.office,
        offices: registerOffices(res),
        financialYear: filter.year,
        page: filter.page,
      }),
      this.services.register.offices(),
      this.services.register.years(),
    ])
    // A page past the last one shows the last page, so the count and the list never disagree.
    if (result.total > 0 && result.page > result.pageCount) {
      const params = new URLSearchParams()
      for (const [key, value] of Object.entries(raw)) if (key !== 'page' && value) params.set(key, value)
      params.set('page', String(result.pageCount))
      return res.redirect(`${registerBase(res)}/?${params.toString()}`)
    }
    const years = dataYears.map((y) => financialYear(y))
    const suggestion = result.total === 0 && filter.q ? await this.services.register.suggestion(filter.q) : null
    res.status(Object.keys(errors).length ? 400 : 200).render('pages/public/decisions/home', {
      filter: { q: filter.q ?? '', office: filter.office, year: filter.year },
      errors,
      errorList: errorList(errors),
      offices,
      years,
      result,
      suggestion,
      rows: result.rows.map((row) => ({ ...row, totalText: describeListedTotal(row), outcome: OUTCOME_TAGS[publicOutcome(row)] })),
      pagination: registerPagination(req, result.page, result.pageCount, registerBase(res)),
    })
  }
}

function one(value: unknown): string | undefined {
  if (Array.isArray(value)) return one(value[0])
  return typeof value === 'string' ? value : undefined
}

/** The register's pages, each address keeping the query's other filters. */
function registerPagination(req: Request, page: number, pageCount: number, base: string) {
  return pagination(page, pageCount, (n) => {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(req.query))
      if (key !== 'page' && typeof value === 'string' && value !== '') params.set(key, value)
    params.set('page', String(n))
    return `${base}/?${params.toString()}`
  })
}
