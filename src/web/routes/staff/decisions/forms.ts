import { z } from 'zod'
import type { DecisionDetail } from '../../../../db/repositories/decisions/decisions.ts'
import { MoneyFormatError, parsePoundsInput, penceToDecimalString } from '../../../../domain/money.ts'
import type { DraftDetails, FinanceDetails } from '../../../../services/decisions/workflow.ts'
import type { FieldErrors } from '../../../validation.ts'
import { requiredText } from '../../../../services/shared/form-fields.ts'
import { FormError } from '../../../../services/shared/form-error.ts'

export type Body = Record<string, unknown>

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label} must be ${max.toLocaleString('en-GB')} characters or fewer` })
    .optional()
    .transform((v) => (v ? v : null))

export const detailsSchema = z.object({
  kind: z.enum(['decision', 'information', 'report'], {
    message: 'Choose whether this is for decision or for information',
  }),
  title: requiredText(300, 'Enter a title', 'Title must be 300 characters or fewer'),
  authorName: requiredText(200, 'Enter the author’s name', 'Author must be 200 characters or fewer'),
  authorContact: text(300, 'Contact details'),
  executiveSummary: text(20000, 'Executive summary'),
  supportingInformation: text(50000, 'Supporting information'),
  recommendations: text(20000, 'Recommendations'),
  decisionText: text(20000, 'Decision'),
})

export const financeSchema = z.object({
  revenueOrCapital: z
    .enum(['revenue', 'capital', 'both', ''], { message: 'Choose revenue, capital or both' })
    .optional()
    .transform((v) => (v ? v : null)),
  inBudget: z
    .enum(['yes', 'no', ''], { message: 'Choose whether it is within budget' })
    .optional()
    .transform((v) => (v ? v === 'yes' : null)),
  financialInformation: text(50000, 'Financial information'),
  statedTotal: z
    .string()
    .trim()
    .optional()
    .transform((text, ctx) => {
      if (!text) return null
      try {
        const pence = parsePoundsInput(text)
        if (pence > 0) return pence
      } catch (error) {
        if (!(error instanceof MoneyFormatError)) throw error
      }
      ctx.addIssue({ code: 'custom', message: 'Enter the total in pounds, like 47,013 or 1,234.56' })
      return z.NEVER
    }),
})

export function parseForm<T>(schema: z.ZodType<T>, body: Body): { data?: T; errors: FieldErrors } {
  const parsed = schema.safeParse(body)
  if (parsed.success) return { data: parsed.data, errors: {} }
  return { errors: FormError.fromZod(parsed.error).errors }
}

export function detailsValues(detail: DecisionDetail): Record<string, unknown> {
  const d = detail.decision
  const section = (key: string) => detail.sections.find((s) => s.key === key)?.body ?? ''
  return {
    kind: d.kind,
    title: d.title,
    authorName: d.author_name ?? '',
    authorContact: d.author_contact ?? '',
    executiveSummary: d.executive_summary ?? '',
    supportingInformation: section('supporting_information'),
    recommendations: section('recommendations'),
    decisionText: d.decision_text ?? '',
    revenueOrCapital: d.revenue_or_capital ?? '',
    inBudget: d.in_budget === null ? '' : d.in_budget ? 'yes' : 'no',
    financialInformation: section('financial_information'),
    statedTotal: d.stated_total_pence === null ? '' : penceToDecimalString(d.stated_total_pence),
  }
}

export type DetailsForm = DraftDetails
export type FinanceForm = FinanceDetails

/** The rows of an add-another table: fields named `{prefix}-{index}-{field}`, in index order. */
export function formRows(body: Body, prefix: string): Array<Record<string, string>> {
  const found = new Map<number, Record<string, string>>()
  for (const [key, value] of Object.entries(body)) {
    const match = new RegExp(`^${prefix}-(\\d{1,3})-([a-zA-Z]+)$`).exec(key)
    if (!match) continue
    const index = Number(match[1])
    const row = found.get(index) ?? {}
    row[match[2]!] = String(Array.isArray(value) ? value[value.length - 1] : value).trim()
    found.set(index, row)
  }
  return [...found.entries()].sort(([a], [b]) => a - b).map(([, row]) => row)
}
