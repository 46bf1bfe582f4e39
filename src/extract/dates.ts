/** Finds UK dates and months in text. */
import { parseMonthYear, parseUkDate } from '../domain/uk-date.ts'

export interface DateHit {
  start: number
  end: number
  date: string
}

export interface MonthHit {
  start: number
  end: number
  first: string
  last: string
  /** True when the text named a day ("1 April 2019"), false for a month ("April 2019"). */
  exact: boolean
}

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`
const DATE = new RegExp(
  String.raw`\b\d{1,2}\s?[./-]\s?\d{1,2}\s?[./-]\s?(?:\d{4}|\d{2})\b(?![./-]\d)|\b\d{4}-\d{2}-\d{2}\b|\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s)?\d{1,2}\s?(?:st|nd|rd|th)?\s(?:day\s)?(?:of\s)?${MONTH}\.?,?\s\d{4}\b|\b${MONTH}\.?\s\d{1,2}(?:st|nd|rd|th)?,?\s\d{4}\b`,
  'gi',
)
const MONTH_YEAR = new RegExp(String.raw`\b${MONTH}\.?\s?'?(?:\d{4}|\d{2})\b`, 'gi')

export function findDates(text: string): DateHit[] {
  const hits: DateHit[] = []
  DATE.lastIndex = 0
  for (let m = DATE.exec(text); m; m = DATE.exec(text)) {
    // "the 3rd day of May 2022", as deeds and some sign-off blocks print a date
    const date = parseUkDate(m[0].replace(/\s+day\s+of\s+/i, ' of '))
    if (date) hits.push({ start: m.index, end: m.index + m[0].length, date })
  }
  return hits
}

/** Exact dates and bare months ("April 2019", "Sept25"), in order, without overlaps. */
export function findMonths(text: string): MonthHit[] {
  const hits: MonthHit[] = findDates(text).map((hit) => ({
    start: hit.start,
    end: hit.end,
    first: hit.date,
    last: hit.date,
    exact: true,
  }))
  MONTH_YEAR.lastIndex = 0
  for (let m = MONTH_YEAR.exec(text); m; m = MONTH_YEAR.exec(text)) {
    const start = m.index
    if (hits.some((hit) => start < hit.end && start + m![0].length > hit.start)) continue
    if (/^may\s?\d{2}$/i.test(m[0]) && !/^May/.test(m[0])) continue
    const month = parseMonthYear(m[0].replace(/['.]/g, ''))
    if (month) hits.push({ start, end: start + m[0].length, first: month.start, last: month.end, exact: false })
  }
  return hits.sort((a, b) => a.start - b.start)
}
