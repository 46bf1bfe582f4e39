/** The review form: what a person may correct in an imported record, validated with one message per field or row. */
import { z } from 'zod'
import { DECISION_KINDS } from '../../domain/decision.ts'
import { isIsoDate, parseUkDate } from '../../domain/uk-date.ts'
import { parsePeriodLabel } from '../../extract/period-label.ts'
import { periodOf } from './draft.ts'
import type {
  AwardRowValues,
  ContributionRowValues,
  FieldErrors,
  ReviewedAward,
  ReviewedContribution,
  ReviewInput,
  ReviewValues,
} from './review-types.ts'
import { amountInPounds, awardFields, optionalText, type AmountWords } from '../shared/award-fields.ts'
import { requiredText } from '../shared/form-fields.ts'

type Body = Record<string, unknown>

const MAX_ROWS = 500

/** What is wrong with an amount, not below nil; `label` names the row ("Award 2") or the field in every message. */
const amountWords = (label: string): AmountWords => ({
  missing: `${label}: enter the amount`,
  notPounds: `${label}: enter the amount in pounds, like 23,966 or 1,234.56`,
  tooSmall: `${label}: the amount cannot be negative`,
  leastPence: 0,
})

const amount = (label: string) => amountInPounds(amountWords(label))

const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (value === '') return null
      const iso = parseUkDate(value)
      if (iso && isIsoDate(iso)) return iso
      ctx.addIssue({ code: 'custom', message: `${label} must be a real date, like 16 March 2021 or 16/03/2021` })
      return z.NEVER
    })

const headerSchema = z.object({
  kind: z.enum(DECISION_KINDS, { message: 'Choose what kind of document this is' }),
  officeId: z
    .string()
    .regex(/^\d{1,15}$/, { message: 'Choose the office that published the document' })
    .transform(Number),
  reference: requiredText(
    100,
    'Enter the reference as printed on the document',
    'Reference must be 100 characters or fewer',
  ),
  title: requiredText(300, 'Enter the title', 'Title must be 300 characters or fewer'),
  summary: optionalText(10_000, 'The summary'),
  decisionText: optionalText(10_000, 'The decision as worded'),
  decisionDate: optionalDate('Date of the decision'),
  statedTotal: z
    .string()
    .trim()
    .transform((v) => v.replace(/^£/, ''))
    .pipe(z.union([z.literal('').transform(() => null), amount('Total stated in the document')])),
  areas: z.string().max(5000, { message: 'Areas must be 5,000 characters or fewer' }),
})

function awardSchema(n: number) {
  const label = `Award ${n}`
  const shared = awardFields({
    amount: amountWords(label),
    recipientMissing: `${label}: enter who receives the money`,
    recipient: `${label}: the recipient`,
    via: `${label}: the lead commissioner`,
    routeNotListed: `${label}: choose a procurement route from the list`,
  })
  return z.object({
    recipient: shared.recipient,
    amount: shared.amount,
    period: optionalText(100, `${label}: the period`),
    start: optionalDate(`${label}: the start date`),
    end: optionalDate(`${label}: the end date`),
    via: shared.via,
    route: shared.route,
  })
}

function contributionSchema(n: number) {
  const label = `Contribution ${n}`
  return z.object({
    organisation: requiredText(
      300,
      `${label}: enter the partner’s name`,
      `${label}: the partner’s name must be 300 characters or fewer`,
    ),
    amount: amount(label),
  })
}

/** Rows posted as `awards-3-amount` and the like, in row order. */
function rowsOf(body: Body, prefix: string): Array<Record<string, string>> {
  const pattern = new RegExp(`^${prefix}-(\\d{1,3})-([a-zA-Z]+)$`)
  const found = new Map<number, Record<string, string>>()
  for (const [key, raw] of Object.entries(body)) {
    const match = pattern.exec(key)
    if (!match || Number(match[1]) >= MAX_ROWS) continue
    const row = found.get(Number(match[1])) ?? {}
    row[match[2]!] = String(Array.isArray(raw) ? raw[raw.length - 1] : raw)
    found.set(Number(match[1]), row)
  }
  return [...found.entries()].sort(([a], [b]) => a - b).map(([, row]) => row)
}

const str = (value: unknown) =>
  typeof value === 'string' ? value : Array.isArray(value) ? String(value[value.length - 1] ?? '') : ''

export function reviewValuesFrom(body: Body): ReviewValues {
  return {
    kind: str(body.kind),
    officeId: str(body.officeId),
    reference: str(body.reference),
    title: str(body.title),
    summary: str(body.summary),
    decisionText: str(body.decisionText),
    decisionDate: str(body.decisionDate),
    statedTotal: str(body.statedTotal),
    statedTotalPerAnnum: str(body.statedTotalPerAnnum) === 'yes',
    areas: str(body.areas),
    awards: rowsOf(body, 'awards').map((r) => ({
      recipient: r.recipient ?? '',
      amount: r.amount ?? '',
      period: r.period ?? '',
      start: r.start ?? '',
      end: r.end ?? '',
      perAnnum: r.perAnnum === 'yes',
      upTo: r.upTo === 'yes',
      via: r.via ?? '',
      route: r.route ?? '',
      line: r.line ?? '',
      remove: r.remove === 'yes',
    })),
    contributions: rowsOf(body, 'contributions').map((r) => ({
      organisation: r.organisation ?? '',
      amount: r.amount ?? '',
      perAnnum: r.perAnnum === 'yes',
      upTo: r.upTo === 'yes',
      line: r.line ?? '',
      remove: r.remove === 'yes',
    })),
  }
}

const blankAward = (r: AwardRowValues) => !r.recipient.trim() && !r.amount.trim() && !r.period.trim() && !r.via.trim()
const blankContribution = (r: ContributionRowValues) => !r.organisation.trim() && !r.amount.trim()

function collect(errors: FieldErrors, prefix: string, issues: z.ZodError['issues']): void {
  for (const issue of issues) {
    const key = `${prefix}${String(issue.path[0] ?? 'form')}`
    errors[key] ??= issue.message
  }
}

/** Reads the review form. Rows marked for removal and blank rows are left out; every problem names its field or row. */
export function parseReview(values: ReviewValues): { input?: ReviewInput; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const header = headerSchema.safeParse(values)
  if (!header.success) collect(errors, '', header.error.issues)
  const awards = reviewedAwards(values.awards, errors)
  const contributions = reviewedContributions(values.contributions, errors)
  const areas = [
    ...new Set(
      values.areas
        .split(/[\n,;]+/)
        .map((a) => a.replace(/\s+/g, ' ').trim())
        .filter(Boolean),
    ),
  ]
  if (areas.some((a) => a.length > 100)) errors.areas ??= 'Each area must be 100 characters or fewer'

  if (!header.success || Object.keys(errors).length) return { errors }
  const h = header.data
  return {
    errors,
    input: {
      kind: h.kind,
      officeId: h.officeId,
      reference: h.reference,
      title: h.title,
      summary: h.summary,
      decisionText: h.decisionText,
      decisionDate: h.decisionDate,
      statedTotalPence: h.statedTotal,
      statedTotalPerAnnum: h.statedTotal !== null && values.statedTotalPerAnnum,
      awards,
      contributions,
      areas,
    },
  }
}

/**
 * The rows a person kept (not marked for removal, not blank), each read by its row's schema; a row that does not
 * read puts its problems in `errors` under its prefix and row number, and is left out.
 */
function keptRows<R extends { remove?: boolean }, T>(
  rows: R[],
  read: { blank: (row: R) => boolean; schema: (n: number) => z.ZodType<T>; prefix: string },
  errors: FieldErrors,
): Array<{ row: R; data: T; i: number }> {
  const kept: Array<{ row: R; data: T; i: number }> = []
  rows.forEach((row, i) => {
    if (row.remove || read.blank(row)) return
    const parsed = read.schema(i + 1).safeParse(row)
    if (parsed.success) kept.push({ row, data: parsed.data, i })
    else collect(errors, `${read.prefix}-${i}-`, parsed.error.issues)
  })
  return kept
}

/** The award rows kept, each with its period's dates from the dates given or else from its label. */
function reviewedAwards(rows: AwardRowValues[], errors: FieldErrors): ReviewedAward[] {
  const awards: ReviewedAward[] = []
  for (const { row, data: a, i } of keptRows(
    rows,
    { blank: blankAward, schema: awardSchema, prefix: 'awards' },
    errors,
  )) {
    if ((a.start === null) !== (a.end === null)) {
      errors[`awards-${i}-${a.start === null ? 'start' : 'end'}`] =
        `Award ${i + 1}: give both the start and the end of the period, or neither`
      continue
    }
    if (a.start && a.end && a.end < a.start) {
      errors[`awards-${i}-end`] = `Award ${i + 1}: the period cannot end before it starts`
      continue
    }
    const range = a.start && a.end ? { start: a.start, end: a.end } : a.period ? parsePeriodLabel(a.period) : null
    const period = periodOf(a.period, range?.start ?? null, range?.end ?? null)
    awards.push({
      recipient: a.recipient,
      amountPence: a.amount,
      periodLabel: a.period,
      periodStart: period.start,
      periodEnd: period.end,
      financialYear: period.financialYear,
      perAnnum: row.perAnnum,
      upTo: row.upTo,
      via: a.via,
      route: a.route,
    })
  }
  return awards
}

/** The contribution rows kept. */
function reviewedContributions(rows: ContributionRowValues[], errors: FieldErrors): ReviewedContribution[] {
  const read = { blank: blankContribution, schema: contributionSchema, prefix: 'contributions' }
  return keptRows(rows, read, errors).map(({ row, data }) => ({
    organisation: data.organisation,
    amountPence: data.amount,
    perAnnum: row.perAnnum,
    upTo: row.upTo,
  }))
}
