import type { Request, Response } from 'express'
import { z } from 'zod'
import { FOI_OUTCOME_LABELS } from '../../../../domain/foi.ts'
import { PUBLICATION_TARGET_WORKING_DAYS } from '../../../../domain/foi-clock.ts'
import type { Services } from '../../../../services/index.ts'
import { errorList, type FieldErrors } from '../../../validation.ts'
import { registerBase, registerOffices } from '../offices/register-context.ts'
import { FormError } from '../../../../services/shared/form-error.ts'

export const disclosureLogQuery = z.object({
  q: z.string().trim().max(200, { message: 'Search words must be 200 characters or fewer' }).optional(),
  page: z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, { message: 'Page must be a whole number from 1' })
    .transform(Number)
    .refine((n) => n >= 1, { message: 'Page must be a whole number from 1' })
    .optional(),
})

/** /disclosure-log: every answered and published FOI request, newest publication first, searchable. */
export class DisclosureLogController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response): Promise<void> => {
    const raw = { q: one(req.query.q), page: one(req.query.page) }
    const parsed = disclosureLogQuery.safeParse(raw)
    const filter = parsed.success ? parsed.data : { q: raw.q?.slice(0, 200), page: undefined }
    const errors: FieldErrors = parsed.success ? {} : FormError.fromZod(parsed.error).errors
    const result = await this.services.foi.disclosureLog.search({ text: filter.q, page: filter.page, offices: registerOffices(res) })
    res.status(Object.keys(errors).length ? 400 : 200).render('pages/public/foi/disclosure-log', {
      q: filter.q ?? '',
      result,
      rows: result.rows.map((row) => ({ ...row, outcomeLabel: row.outcome ? FOI_OUTCOME_LABELS[row.outcome] : '' })),
      publicationTarget: PUBLICATION_TARGET_WORKING_DAYS,
      pagination: pagination(registerBase(res), filter.q, result.page, result.pageCount),
      errors,
      errorList: errorList(errors),
    })
  }
}

function one(value: unknown): string | undefined {
  if (Array.isArray(value)) return one(value[0])
  return typeof value === 'string' ? value : undefined
}

function pagination(base: string, q: string | undefined, page: number, pageCount: number) {
  if (pageCount <= 1) return null
  const href = (n: number) => `${base}/disclosure-log?${new URLSearchParams({ ...(q ? { q } : {}), page: String(n) }).toString()}`
  const pages = [...new Set([1, page - 1, page, page + 1, pageCount])].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b)
  const items: Array<{ number?: number; href?: string; current?: boolean; ellipsis?: boolean }> = []
  pages.forEach((n, i) => {
    if (i > 0 && n - pages[i - 1]! > 1) items.push({ ellipsis: true })
    items.push({ number: n, href: href(n), current: n === page })
  })
  return { previous: page > 1 ? { href: href(page - 1) } : undefined, next: page < pageCount ? { href: href(page + 1) } : undefined, items }
}
