import Holidays from 'date-holidays'

/**
 * UK working days: not a Saturday or Sunday, and not a public holiday in any part of the UK (England
 * and Wales, Scotland, Northern Ireland), substitute days included. A request that reaches an office
 * on a Scottish or Northern Irish holiday is treated the same wherever the office is, so every
 * deadline is the same across the UK.
 */
const UK_REGIONS = ['ENG', 'WLS', 'SCT', 'NIR'] as const

let calendars: Holidays[] | null = null
const holidaysByYear = new Map<number, ReadonlyMap<string, string>>()

function regionCalendars(): Holidays[] {
  calendars ??= UK_REGIONS.map((region) => new Holidays('GB', region))
  return calendars
}

/** Every UK public holiday of a year: date → names (a day that is a holiday in two places has both). */
export function ukPublicHolidays(year: number): ReadonlyMap<string, string> {
  const cached = holidaysByYear.get(year)
  if (cached) return cached
  const names = new Map<string, Set<string>>()
  for (const calendar of regionCalendars()) {
    for (const holiday of calendar.getHolidays(year, 'en')) {
      if (holiday.type !== 'public') continue
      const date = holiday.date.slice(0, 10)
      if (!names.has(date)) names.set(date, new Set())
      names.get(date)!.add(holiday.name)
    }
  }
  const holidays: ReadonlyMap<string, string> = new Map(
    [...names].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, set]) => [date, [...set].join('; ')]),
  )
  holidaysByYear.set(year, holidays)
  return holidays
}

/** The name of the UK public holiday on a date, or null. */
export function holidayOn(iso: string): string | null {
  return ukPublicHolidays(Number(iso.slice(0, 4))).get(iso) ?? null
}

function dayOfWeek(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay()
}

function nextDay(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}

export function isWorkingDay(iso: string): boolean {
  const day = dayOfWeek(iso)
  return day !== 0 && day !== 6 && holidayOn(iso) === null
}

/** The nth working day after a date; the date itself is day zero, whether or not it is a working day. */
export function addWorkingDays(iso: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays needs a whole number of days, not ${n}`)
  let date = iso
  for (let counted = 0; counted < n;) {
    date = nextDay(date)
    if (isWorkingDay(date)) counted++
  }
  return date
}

/** Working days after `from` up to and including `to`: 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0
  for (let date = nextDay(from); date <= to; date = nextDay(date)) if (isWorkingDay(date)) count++
  return count
}
