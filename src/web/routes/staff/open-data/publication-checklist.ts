import type { Request, Response } from 'express'
import { z } from 'zod'
import { financialYear } from '../../../../domain/financial-year.ts'
import { formatMonthYear } from '../../../../domain/uk-date.ts'
import { scopeOf } from '../../../auth.ts'
import type { Services } from '../../../../services/index.ts'
import { errorList, type FieldErrors } from '../../../validation.ts'
import { FormError } from '../../../../services/shared/form-error.ts'

const checklistQuery = z.object({
  year: z.coerce
    .number({ message: 'Choose a financial year from the list' })
    .int()
    .min(1990, { message: 'Choose a financial year from the list' })
    .max(2100, { message: 'Choose a financial year from the list' })
    .optional(),
  office: z.coerce
    .number({ message: 'Choose an office from the list' })
    .int()
    .positive({ message: 'Choose an office from the list' })
    .optional(),
})

const DUTIES = {
  decisions: { title: 'Decisions of significant public interest', hint: 'A record of each decision, published.' },
  grants: {
    title: 'Crime and disorder reduction grants',
    hint: 'Each grant with its recipient, purpose and conditions.',
  },
  contracts: { title: 'Contracts over £10,000', hint: 'Each contract worth more than £10,000.' },
} as const

const STATE_LABELS = {
  published: 'Published',
  not_published: 'Not published',
  awaiting_review: 'Imported, awaiting review',
  withheld: 'Published with this part withheld',
}

/** The statutory publication checklist for officers and administrators. */
export class PublicationChecklistController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response): Promise<void> => {
    const raw = { year: blankToUndefined(req.query.year), office: blankToUndefined(req.query.office) }
    const parsed = checklistQuery.safeParse(raw)
    const errors: FieldErrors = parsed.success ? {} : FormError.fromZod(parsed.error).errors
    const [years, offices] = await Promise.all([
      this.services.openData.checklist.years(),
      this.services.register.offices(),
    ])
    const year =
      (parsed.success ? parsed.data.year : undefined) ?? years[0] ?? financialYear(new Date().getFullYear()).startYear
    const officeId = parsed.success ? parsed.data.office : undefined
    const scope = scopeOf(res)
    const [duties, spending] = await Promise.all([
      this.services.openData.checklist.report({ year, officeId, scope }),
      this.services.openData.checklist.spendingMonths({ year, officeId, scope }),
    ])
    res.status(Object.keys(errors).length ? 400 : 200).render('pages/staff/open-data/publication-checklist', {
      duties: duties.map((d) => ({
        ...d,
        ...DUTIES[d.duty],
        items: d.items.map((i) => ({ ...i, stateLabel: STATE_LABELS[i.state] })),
      })),
      yearItems: (years.includes(year) ? years : [year, ...years]).map((y) => ({
        value: y,
        text: financialYear(y).label,
        selected: y === year,
      })),
      officeItems: [
        { value: '', text: 'All offices' },
        ...offices
          .filter((o) => scope.includes(o.id))
          .map((o) => ({ value: o.id, text: o.shortName, selected: o.id === officeId })),
      ],
      yearLabel: financialYear(year).label,
      spending: { ...spending, missingLabels: spending.missing.map((m) => formatMonthYear(`${m}-01`)) },
      errors,
      errorList: errorList(errors),
    })
  }
}

function blankToUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}
