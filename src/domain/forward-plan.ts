/**
 * The forward plan: decisions an office expects to take, by month, and the panel report that compares the
 * plan with the decisions taken in a quarter of the financial year (April to June is Q1). Pure: no I/O.
 */
import { financialYear } from './financial-year.ts'
import { lastDayOfMonth, MONTHS } from './uk-date.ts'
import { labelledWords } from './words.ts'

export const { words: PLAN_STATUSES, labels: PLAN_STATUS_LABELS } = labelledWords({
  planned: 'Planned',
  taken: 'Taken',
  dropped: 'Dropped',
})
export type PlanStatus = (typeof PLAN_STATUSES)[number]

/** The month a date falls in, as its first day: "2024-03-16" → "2024-03-01". */
export function monthOf(date: string): string {
  return `${date.slice(0, 7)}-01`
}

/** A month written the GOV.UK way: "2024-03-01" → "March 2024". */
export function monthLabel(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`
}

/** The last day of the month a date falls in. */
export function endOfMonth(date: string): string {
  return lastDayOfMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)))
}

/**
 * Reads the month and year typed into the expected month's two boxes. Returns the month's first day, or a
 * message saying what is wrong, worded the way the design system words date errors.
 */
export function parseExpectedMonth(monthText: string, yearText: string): { month: string } | { error: string } {
  const m = monthText.trim()
  const y = yearText.trim()
  if (!m && !y) return { error: 'Enter the month the decision is expected in' }
  if (!m) return { error: 'The expected month must include a month' }
  if (!y) return { error: 'The expected month must include a year' }
  if (!/^\d{1,2}$/.test(m) || Number(m) < 1 || Number(m) > 12 || !/^\d{4}$/.test(y))
    return { error: 'The expected month must be a real month, like 3 2025' }
  if (Number(y) < 2000 || Number(y) > 2099) return { error: 'The expected year must be between 2000 and 2099' }
  return { month: `${y}-${m.padStart(2, '0')}-01` }
}

export interface Quarter {
  /** The year the financial year starts in: Q4 of 2023/24 has startYear 2023. */
  startYear: number
  number: 1 | 2 | 3 | 4
  /** For addresses: "2023-q4". */
  id: string
  /** "Q4 2023/24" */
  label: string
  /** "January to March 2024" */
  months: string
  start: string
  end: string
}

/** Quarter `n` of the financial year starting in April of `startYear`. */
export function quarter(startYear: number, n: 1 | 2 | 3 | 4): Quarter {
  const firstMonth = 4 + (n - 1) * 3 // 4, 7, 10, 13
  const year = firstMonth > 12 ? startYear + 1 : startYear
  const month = firstMonth > 12 ? firstMonth - 12 : firstMonth
  const start = `${year}-${String(month).padStart(2, '0')}-01`
  const end = lastDayOfMonth(year, month + 2)
  return {
    startYear,
    number: n,
    id: `${startYear}-q${n}`,
    label: `Q${n} ${financialYear(startYear).label}`,
    months: `${MONTHS[month - 1]} to ${MONTHS[month + 1]} ${year}`,
    start,
    end,
  }
}

/** The quarter of the financial year a date falls in. */
export function quarterOf(date: string): Quarter {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  const startYear = month >= 4 ? year : year - 1
  const n = (Math.floor(((month + 8) % 12) / 3) + 1) as 1 | 2 | 3 | 4
  return quarter(startYear, n)
}

/** Reads a quarter's id, "2023-q4"; null for anything else. */
export function parseQuarter(id: string): Quarter | null {
  const match = /^(\d{4})-q([1-4])$/i.exec(id.trim())
  if (!match) return null
  const startYear = Number(match[1])
  if (startYear < 1990 || startYear > 2098) return null
  return quarter(startYear, Number(match[2]) as 1 | 2 | 3 | 4)
}

/** The quarter before this one. */
export function previousQuarter(q: Quarter): Quarter {
  return q.number === 1 ? quarter(q.startYear - 1, 4) : quarter(q.startYear, (q.number - 1) as 1 | 2 | 3)
}

/** Every quarter from the one holding `from` to the one holding `to`, newest first. */
export function quartersBetween(from: string, to: string): Quarter[] {
  const first = quarterOf(from <= to ? from : to)
  const quarters: Quarter[] = []
  for (let q = quarterOf(from <= to ? to : from); q.start >= first.start; q = previousQuarter(q)) quarters.push(q)
  return quarters
}

/** What the panel report needs to know of a plan entry. */
export interface PlanEntryFacts {
  expectedMonth: string
  status: PlanStatus
  /** When taken: the day its decision was taken, or null when the decision records no date. */
  takenOn: string | null
  /** When dropped: the day. */
  droppedOn: string | null
}

/** What the panel report needs to know of a decision taken. */
export interface DecisionFacts {
  takenOn: string
  /** Whether a plan entry is linked to it. */
  onPlan: boolean
}

export interface PanelReport<E, D> {
  quarter: Quarter
  /** The day the report is judged on: the quarter's last day, or today while the quarter runs. */
  asOf: string
  /** Planned decisions taken in the quarter in or before their expected month. */
  onTime: E[]
  /** Planned decisions taken in the quarter after their expected month. */
  late: E[]
  /** Planned decisions dropped in the quarter. */
  dropped: E[]
  /** Planned decisions whose expected month had ended by the report's day, neither taken nor dropped by then. */
  outstanding: E[]
  /** Decisions taken in the quarter that no plan entry names. */
  neverPlanned: D[]
}

/**
 * The panel report for a quarter, judged on `today` when the quarter has not ended. A quarter wholly in the
 * future has nothing in it. An entry taken late is one whose decision was taken in a later month than expected.
 */
export function panelReport<E extends PlanEntryFacts, D extends DecisionFacts>(
  q: Quarter,
  entries: readonly E[],
  decisions: readonly D[],
  today: string,
): PanelReport<E, D> {
  const asOf = today < q.end ? today : q.end
  const within = (date: string | null): date is string => date !== null && date >= q.start && date <= asOf
  const resolvedBy = (e: E) =>
    (e.status === 'taken' && (e.takenOn === null || e.takenOn <= asOf)) ||
    (e.status === 'dropped' && e.droppedOn !== null && e.droppedOn <= asOf)
  const taken = entries.filter((e) => e.status === 'taken' && within(e.takenOn))
  return {
    quarter: q,
    asOf,
    onTime: taken.filter((e) => monthOf(e.takenOn!) <= e.expectedMonth),
    late: taken.filter((e) => monthOf(e.takenOn!) > e.expectedMonth),
    dropped: entries.filter((e) => e.status === 'dropped' && within(e.droppedOn)),
    outstanding: asOf < q.start ? [] : entries.filter((e) => endOfMonth(e.expectedMonth) <= asOf && !resolvedBy(e)),
    neverPlanned: decisions.filter((d) => !d.onPlan && within(d.takenOn)),
  }
}
