import type { Request } from 'express'
import { z } from 'zod'
import { FormError } from '../../../../services/shared/form-error.ts'
import { isIsoDate } from '../../../../domain/uk-date.ts'

/** Date fields on these pages are GOV.UK date inputs: three boxes named {field}-day, -month and -year. */
export interface DateParts {
  day: string
  month: string
  year: string
}

export function dateParts(body: unknown, field: string): DateParts {
  const b = (body ?? {}) as Record<string, unknown>
  const part = (name: string) =>
    typeof b[`${field}-${name}`] === 'string' ? (b[`${field}-${name}`] as string).trim() : ''
  return { day: part('day'), month: part('month'), year: part('year') }
}

export function partsOf(iso: string | null | undefined): DateParts {
  if (!iso) return { day: '', month: '', year: '' }
  const [year, month, day] = iso.split('-')
  return { day: String(Number(day)), month: String(Number(month)), year: year! }
}

/** A date typed into a GOV.UK date input, checked the way the design system words it. */
export function ukDateInput(label: string) {
  return z.object({ day: z.string(), month: z.string(), year: z.string() }).transform((parts, ctx) => {
    const missing = (['day', 'month', 'year'] as const).filter((p) => !parts[p])
    if (missing.length === 3) {
      ctx.addIssue({ code: 'custom', message: `Enter the ${label}` })
      return z.NEVER
    }
    if (missing.length) {
      ctx.addIssue({ code: 'custom', message: `The ${label} must include a ${missing.join(' and ')}` })
      return z.NEVER
    }
    const [day, month, year] = [parts.day, parts.month, parts.year]
    const iso = `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
    if (
      !/^\d{1,2}$/.test(day) ||
      !/^\d{1,2}$/.test(month) ||
      !/^\d{4}$/.test(year) ||
      !isIsoDate(iso) ||
      year < '1990'
    ) {
      ctx.addIssue({ code: 'custom', message: `The ${label} must be a real date` })
      return z.NEVER
    }
    return iso
  })
}

export const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, { message })
    .optional()
    .transform((v) => (v ? v : null))

/** Parses a form with its schema; a FormError with one message per field when it does not fit. */
export function parseForm<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input)
  if (!parsed.success) throw FormError.fromZod(parsed.error)
  return parsed.data
}

export function field(req: Request, name: string): string {
  const value = (req.body as Record<string, unknown> | undefined)?.[name]
  return typeof value === 'string' ? value : ''
}

/** govukErrorSummary's list; a date's message links to its day box. */
export function errorLinks(
  errors: Record<string, string>,
  dateFields: readonly string[] = ['date'],
): Array<{ text: string; href: string }> {
  return Object.entries(errors).map(([name, text]) => ({
    text,
    href: `#${dateFields.includes(name) ? `${name}-day` : name}`,
  }))
}

export function idParam(value: unknown): number | null {
  const text = String(value ?? '')
  return /^\d{1,15}$/.test(text) ? Number(text) : null
}
