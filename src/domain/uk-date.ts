/** UK dates for people: "16 March 2021". Domain dates are YYYY-MM-DD strings. */

/** The months' names, January first. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

export function formatUkDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const [year, month, day] = iso.split('-').map(Number)
  return `${day} ${MONTHS[month! - 1]} ${year}`
}

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** Whole days from a to b (b later is positive). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
}

export function todayInLondon(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now)
}

const MONTH_NUMBERS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
}

/** The number (1–12) of an English month name or abbreviation, or null. */
export function monthNumber(name: string): number | null {
  return MONTH_NUMBERS[name.toLowerCase().replace(/\.$/, '')] ?? null
}

/** Two-digit years in documents are this century: 21 → 2021. */
export function fullYear(year: string): number {
  return year.length === 2 ? 2000 + Number(year) : Number(year)
}

function isoFrom(year: number, month: number, day: number): string | null {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return year >= 1990 && year <= 2099 && isIsoDate(iso) ? iso : null
}

/** The last day of a month: lastDayOfMonth(2025, 9) → "2025-09-30". */
export function lastDayOfMonth(year: number, month: number): string {
  const date = new Date(Date.UTC(year, month, 0))
  return date.toISOString().slice(0, 10)
}

/**
 * Reads one UK date as printed: "09.03.21", "01.03.2024", "23/5/2018", "15/3/21", "21st March 2018",
 * "21 st March 2018" (a superscript that lost its tags), "6 November 2013", "11 APRIL 2018",
 * "Tuesday 6 November 2013", "March 21, 2018". Day before month. Null for anything else or an
 * impossible date.
 */
export function parseUkDate(text: string): string | null {
  const cleaned = text
    .replace(/<\/?sup>/gi, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,]$/, '')
  const numeric = /^(\d{1,2})\s?[./-]\s?(\d{1,2})\s?[./-]\s?(\d{4}|\d{2})$/.exec(cleaned)
  if (numeric) return isoFrom(fullYear(numeric[3]!), Number(numeric[2]), Number(numeric[1]))
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cleaned)
  if (iso) return isoFrom(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const withoutWeekday = cleaned.replace(/^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s/i, '')
  const dayFirst = /^(\d{1,2})\s?(?:st|nd|rd|th)?\s(?:of\s)?([a-z]{3,9})\.?,?\s(\d{4})$/i.exec(withoutWeekday)
  if (dayFirst) {
    const month = monthNumber(dayFirst[2]!)
    return month ? isoFrom(Number(dayFirst[3]), month, Number(dayFirst[1])) : null
  }
  const monthFirst = /^([a-z]{3,9})\.?\s(\d{1,2})(?:st|nd|rd|th)?,?\s(\d{4})$/i.exec(withoutWeekday)
  if (monthFirst) {
    const month = monthNumber(monthFirst[1]!)
    return month ? isoFrom(Number(monthFirst[3]), month, Number(monthFirst[2])) : null
  }
  return null
}

/** "April 2019", "Sept25", "Oct 23", "March 2024" → the month's first and last days. */
export function parseMonthYear(text: string): { start: string; end: string } | null {
  const match = /^([a-z]{3,9})\.?\s?'?(\d{4}|\d{2})$/i.exec(text.trim())
  if (!match) return null
  const month = monthNumber(match[1]!)
  if (!month) return null
  const year = fullYear(match[2]!)
  const start = isoFrom(year, month, 1)
  return start ? { start, end: lastDayOfMonth(year, month) } : null
}

/** "October 2023": the month and year of a date. */
export function formatMonthYear(iso: string): string {
  const [year, month] = iso.split('-').map(Number)
  return `${MONTHS[month! - 1]} ${year}`
}

/**
 * A period in GOV.UK style: "October 2023 to March 2024" when it runs whole months, "October 2023" for one
 * month, else "2 October 2023 to 15 March 2024"; "From October 2023" or "Until March 2024" when one end is open.
 */
export function formatPeriod(start: string | null | undefined, end: string | null | undefined): string {
  if (!start && !end) return ''
  const wholeStart = start ? start.endsWith('-01') : true
  const wholeEnd = end ? lastDayOfMonth(Number(end.slice(0, 4)), Number(end.slice(5, 7))) === end : true
  const show = (iso: string, whole: boolean) => (whole ? formatMonthYear(iso) : formatUkDate(iso))
  const whole = wholeStart && wholeEnd
  if (!start) return `Until ${show(end!, whole)}`
  if (!end) return `From ${show(start, whole)}`
  if (whole && start.slice(0, 7) === end.slice(0, 7)) return formatMonthYear(start)
  return `${show(start, whole)} to ${show(end, whole)}`
}
