/**
 * Money in the words a reader quotes: "£47,013", "£294,500 a year (up to)", "£2,125,000 a year in total from
 * four partners", "£1,472,500 over 5 years, up to". Built on formatPence, the one place pence become text.
 */
import { formatPence, type Pence } from './money.ts'
import { daysBetween } from './uk-date.ts'

export interface AmountKind {
  perAnnum: boolean
  upTo: boolean
}

/** 4701300 → "£47,013"; 4701350 → "£47,013.50": whole pounds drop their pence. */
export function formatPounds(pence: Pence): string {
  return formatPence(pence).replace(/\.00$/, '')
}

/** "£294,500 a year (up to)", "£47,013", "£10,000 (up to)", "£451,000 a year". */
export function describeAmount(pence: Pence, kind: AmountKind): string {
  return `${formatPounds(pence)}${kind.perAnnum ? ' a year' : ''}${kind.upTo ? ' (up to)' : ''}`
}

const SMALL_NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']

/** GOV.UK style: one to nine in words, 10 and above in figures. */
export function countInWords(count: number): string {
  return count >= 0 && count < 10 ? SMALL_NUMBERS[count]! : String(count)
}

/** "four partners", "one partner", "12 awards". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${countInWords(count)} ${count === 1 ? singular : plural}`
}

/** "£2,125,000 a year in total from four partners"; a single part needs no "in total". */
export function describeTotalFrom(
  pence: Pence,
  kind: AmountKind,
  parts: number,
  singular: string,
  plural?: string,
): string {
  const amount = `${formatPounds(pence)}${kind.perAnnum ? ' a year' : ''}`
  const ceiling = kind.upTo ? ', up to' : ''
  if (parts === 1) return `${amount} from ${countOf(1, singular, plural)}${ceiling}`
  return `${amount} in total from ${countOf(parts, singular, plural)}${ceiling}`
}

/** Whole months from the first day of a period to its last (inclusive), rounded to the nearest month. */
export function monthsInPeriod(start: string, end: string): number {
  return Math.max(1, Math.round((daysBetween(start, end) + 1) / (365.25 / 12)))
}

/** "5 years", "18 months", "1 year". */
export function describeDuration(months: number): string {
  if (months % 12 === 0) return `${months / 12} ${months === 12 ? 'year' : 'years'}`
  return `${months} ${months === 1 ? 'month' : 'months'}`
}

/**
 * The whole-contract value of a yearly amount over a known period: "£1,472,500 over 5 years, up to". Null when
 * the amount is not yearly or the period is not known (a one-off sum already is its whole value).
 */
export function wholeContractValue(
  pence: Pence,
  kind: AmountKind,
  start: string | null,
  end: string | null,
): { pence: Pence; months: number; text: string } | null {
  if (!kind.perAnnum || !start || !end || end < start) return null
  const months = monthsInPeriod(start, end)
  const total = Math.round((pence * months) / 12)
  return {
    pence: total,
    months,
    text: `${formatPounds(total)} over ${describeDuration(months)}${kind.upTo ? ', up to' : ''}`,
  }
}
