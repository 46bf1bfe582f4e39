/**
 * Outcome monitoring returns: aggregate counts per service and quarter. Never personal data about survivors,
 * so anything that looks like a name, a date of birth, an address or a postcode is refused.
 */
import { financialYear, parseFinancialYear } from './financial-year.ts'

export const MEASURES = {
  survivors_supported: 'Survivors supported',
  referrals: 'Referrals received',
  risk_assessments_completed: 'Risk assessments completed',
  criminal_justice_outcomes: 'Criminal justice outcomes',
  repeat_call_outs: 'Repeat call-outs',
  children_supported: 'Children supported',
  cases_closed: 'Cases closed',
} as const
export type KnownMeasure = keyof typeof MEASURES

/** A measure as typed or uploaded, by its name (survivors_supported) or its label (Survivors supported); null if unknown. */
export function measureFromText(text: string): KnownMeasure | null {
  const value = text.trim().toLowerCase().replace(/\s+/g, ' ')
  const found = Object.entries(MEASURES).find(
    ([key, label]) => key === value || label.toLowerCase() === value || key === value.replace(/ /g, '_'),
  )
  return found ? (found[0] as KnownMeasure) : null
}

/** The allowed measures, for messages: "survivors_supported (Survivors supported), …". */
export function measureNamesText(): string {
  return Object.entries(MEASURES)
    .map(([key, label]) => `${key} (${label})`)
    .join(', ')
}

export function measureLabel(measure: string): string {
  return MEASURES[measure as KnownMeasure] ?? measure.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase())
}

/** "2024-04-01", "2024/25 Q1" or "Q1 2024/25" → the first day of the quarter; null for anything else. */
export function parseQuarter(text: string): string | null {
  const value = text.trim()
  const iso = /^(\d{4})-(0[147]|10)-01$/.exec(value)
  if (iso) return value
  const labelled = /^(?:(\d{4}\s*[/-]\s*\d{2,4})\s*Q([1-4])|Q([1-4])\s*(\d{4}\s*[/-]\s*\d{2,4}))$/i.exec(value)
  if (!labelled) return null
  const year = parseFinancialYear(labelled[1] ?? labelled[4]!)
  if (!year) return null
  const quarter = Number(labelled[2] ?? labelled[3])
  const month = [4, 7, 10, 1][quarter - 1]!
  const calendarYear = quarter === 4 ? year.startYear + 1 : year.startYear
  return `${calendarYear}-${String(month).padStart(2, '0')}-01`
}

/** "2024-04-01" → "2024/25 Q1". */
export function quarterLabel(quarterStart: string): string {
  const month = Number(quarterStart.slice(5, 7))
  const year = Number(quarterStart.slice(0, 4))
  const quarter = month >= 4 ? (month - 1) / 3 : 4
  return `${financialYear(month >= 4 ? year : year - 1).label} Q${quarter}`
}

const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i
const DATE =
  /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}\b/i
const ADDRESS =
  /\b\d+[a-z]?\s+[a-z]+(?:\s+[a-z]+)*\s+(?:street|st|road|rd|avenue|ave|lane|ln|close|drive|dr|way|crescent|court|place|terrace|gardens|grove|hill)\b/i
const NAME = /^(?:(?:mr|mrs|ms|miss|dr)\.?\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+$/
const PERSONAL_WORDS =
  /\b(?:name|surname|forename|first_?name|last_?name|dob|date_?of_?birth|birth|address|postcode|post_?code|email|phone|telephone|nhs|ni_?number)\b/i

/** Why a piece of text looks like personal data (a phrase for a message), or null if it does not. */
export function personalDataIn(text: string): string | null {
  const value = text.trim()
  if (value === '') return null
  if (PERSONAL_WORDS.test(value.replace(/[-\s]+/g, '_')) || PERSONAL_WORDS.test(value)) return 'a personal detail'
  if (POSTCODE.test(value)) return 'a postcode'
  if (DATE.test(value)) return 'a date, such as a date of birth'
  if (ADDRESS.test(value)) return 'an address'
  if (/@/.test(value)) return 'an email address'
  if (NAME.test(value)) return 'a name'
  return null
}

/** A count typed or uploaded: a whole number from 0; null for anything else. */
export function parseCount(text: string): number | null {
  const value = text.trim().replace(/,(?=\d{3}\b)/g, '')
  if (!/^\d{1,9}$/.test(value)) return null
  return Number(value)
}
