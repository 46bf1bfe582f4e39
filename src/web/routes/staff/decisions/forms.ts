import { z } from 'zod'
import type { DecisionDetail } from '../../../../db/repositories/decisions/decisions.ts'
import { PROCUREMENT_ROUTES, type ProcurementRoute } from '../../../../domain/decision.ts'
import { financialYear } from '../../../../domain/financial-year.ts'
import { MoneyFormatError, parsePoundsInput, penceToDecimalString } from '../../../../domain/money.ts'
import type { DraftDetails, FinanceDetails } from '../../../../services/decisions/workflow.ts'
import type { FieldErrors } from '../../../validation.ts'

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
  title: z
    .string()
    .trim()
    .min(1, { message: 'Enter a title' })
    .max(300, { message: 'Title must be 300 characters or fewer' }),
  authorName: z
    .string()
    .trim()
    .min(1, { message: 'Enter the author’s name' })
    .max(200, { message: 'Author must be 200 characters or fewer' }),
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
})

export function parseForm<T>(schema: z.ZodType<T>, body: Body): { data?: T; errors: FieldErrors } {
  const parsed = schema.safeParse(body)
  if (parsed.success) return { data: parsed.data, errors: {} }
  const errors: FieldErrors = {}
  for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message
  return { errors }
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
  }
}

export type DetailsForm = DraftDetails
export type FinanceForm = FinanceDetails

/** One editable row of the awards table, as typed. */
export interface AwardRowInput {
  recipient: string
  amount: string
  year: string
  perAnnum: boolean
  upTo: boolean
  via: string
  route: string
  stream: string
  justification: string
}

export interface ContributionRowInput {
  organisation: string
  amount: string
  perAnnum: boolean
  upTo: boolean
  condition: string
}

export interface ParsedAward {
  recipient: string
  amountPence: number
  startYear: number
  perAnnum: boolean
  upTo: boolean
  via: string | null
  route: ProcurementRoute | null
  streamId: number | null
  justification: string | null
}

export interface ParsedContribution {
  organisation: string
  amountPence: number
  perAnnum: boolean
  upTo: boolean
  condition: string | null
}

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

export function awardRowsFrom(body: Body): AwardRowInput[] {
  return formRows(body, 'awards').map((r) => ({
    recipient: r.recipient ?? '',
    amount: r.amount ?? '',
    year: r.year ?? '',
    perAnnum: r.perAnnum === 'yes',
    upTo: r.upTo === 'yes',
    via: r.via ?? '',
    route: r.route ?? '',
    stream: r.stream ?? '',
    justification: r.justification ?? '',
  }))
}

export function contributionRowsFrom(body: Body): ContributionRowInput[] {
  return formRows(body, 'contributions').map((r) => ({
    organisation: r.organisation ?? '',
    amount: r.amount ?? '',
    perAnnum: r.perAnnum === 'yes',
    upTo: r.upTo === 'yes',
    condition: r.condition ?? '',
  }))
}

const isBlankAward = (r: AwardRowInput) => !r.recipient && !r.amount && !r.via && !r.justification
const isBlankContribution = (r: ContributionRowInput) => !r.organisation && !r.amount && !r.condition

/** Reads the awards and contributions tables; each problem names its row and field. Blank rows are skipped. */
export function parseMoney(
  awardRows: AwardRowInput[],
  contributionRows: ContributionRowInput[],
  statedTotal: string,
  streamIds: number[],
): {
  awards: ParsedAward[]
  contributions: ParsedContribution[]
  statedTotalPence: number | null
  errors: FieldErrors
} {
  const errors: FieldErrors = {}
  const pence = (value: string, field: string, label: string): number | null => {
    try {
      const amount = parsePoundsInput(value)
      if (amount <= 0) {
        errors[field] = `${label}: the amount must be more than £0`
        return null
      }
      return amount
    } catch (error) {
      if (!(error instanceof MoneyFormatError)) throw error
      errors[field] = `${label}: enter the amount in pounds, like 23,966 or 1,234.56`
      return null
    }
  }
  const awards: ParsedAward[] = []
  awardRows.forEach((row, i) => {
    if (isBlankAward(row)) return
    const label = `Award ${i + 1}`
    if (!row.recipient) errors[`awards-${i}-recipient`] = `${label}: enter who receives the money`
    const amount = row.amount
      ? pence(row.amount, `awards-${i}-amount`, label)
      : ((errors[`awards-${i}-amount`] = `${label}: enter the amount`), null)
    const startYear = Number(row.year)
    if (!/^\d{4}$/.test(row.year)) errors[`awards-${i}-year`] = `${label}: choose the financial year`
    const route =
      row.route === ''
        ? null
        : (PROCUREMENT_ROUTES as readonly string[]).includes(row.route)
          ? (row.route as ProcurementRoute)
          : undefined
    if (route === undefined) errors[`awards-${i}-route`] = `${label}: choose a procurement route from the list`
    if (route === 'direct_award' && !row.justification)
      errors[`awards-${i}-justification`] = `${label}: a direct award needs a written justification`
    const streamId = row.stream === '' ? null : Number(row.stream)
    if (streamId !== null && !streamIds.includes(streamId))
      errors[`awards-${i}-stream`] = `${label}: choose a funding stream from the list`
    if (row.recipient && amount !== null && /^\d{4}$/.test(row.year) && route !== undefined) {
      awards.push({
        recipient: row.recipient,
        amountPence: amount,
        startYear,
        perAnnum: row.perAnnum,
        upTo: row.upTo,
        via: row.via || null,
        route,
        streamId,
        justification: row.justification || null,
      })
    }
  })
  const contributions: ParsedContribution[] = []
  contributionRows.forEach((row, i) => {
    if (isBlankContribution(row)) return
    const label = `Contribution ${i + 1}`
    if (!row.organisation) errors[`contributions-${i}-organisation`] = `${label}: enter the partner’s name`
    const amount = row.amount
      ? pence(row.amount, `contributions-${i}-amount`, label)
      : ((errors[`contributions-${i}-amount`] = `${label}: enter the amount`), null)
    if (row.organisation && amount !== null)
      contributions.push({
        organisation: row.organisation,
        amountPence: amount,
        perAnnum: row.perAnnum,
        upTo: row.upTo,
        condition: row.condition || null,
      })
  })
  let statedTotalPence: number | null = null
  if (statedTotal.trim()) statedTotalPence = pence(statedTotal, 'statedTotal', 'Total stated in the notice')
  return { awards, contributions, statedTotalPence, errors }
}

export function awardRowsOf(detail: DecisionDetail): AwardRowInput[] {
  return detail.awards.map((a) => ({
    recipient: a.recipient_name,
    amount: penceToDecimalString(a.amount_pence),
    year: a.financial_year === null ? '' : String(a.financial_year),
    perAnnum: a.per_annum,
    upTo: a.up_to,
    via: a.via_name ?? '',
    route: a.route ?? '',
    stream: a.funding_stream_id === null ? '' : String(a.funding_stream_id),
    justification: a.route_justification ?? '',
  }))
}

export function contributionRowsOf(detail: DecisionDetail): ContributionRowInput[] {
  return detail.contributions.map((c) => ({
    organisation: c.organisation_name,
    amount: penceToDecimalString(c.amount_pence),
    perAnnum: c.per_annum,
    upTo: c.up_to,
    condition: c.condition ?? '',
  }))
}

/** Totals per financial year of what was typed, so the form can show them without JavaScript. */
export function totalsByYear(awards: ParsedAward[]): Array<{ label: string; pence: number }> {
  const totals = new Map<number, number>()
  for (const a of awards)
    if (!a.perAnnum && !a.upTo) totals.set(a.startYear, (totals.get(a.startYear) ?? 0) + a.amountPence)
  return [...totals.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, pence]) => ({ label: financialYear(year).label, pence }))
}
