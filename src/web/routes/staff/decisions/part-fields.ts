import { financialYear, financialYearOf } from '../../../../domain/financial-year.ts'
import { MoneyFormatError, parsePoundsInput, penceToDecimalString } from '../../../../domain/money.ts'
import { formatUkDate, isIsoDate, todayInLondon } from '../../../../domain/uk-date.ts'
import type { FieldErrors } from '../../../validation.ts'
import type { Body } from './forms.ts'

/** The fields an award and a partner contribution share: amounts, their kind, periods, long text. */

export const AMOUNT_TYPES = [
  { value: 'one_off', text: 'A one-off amount' },
  { value: 'per_annum', text: 'A year' },
  { value: 'up_to', text: 'Up to (a ceiling, in all)' },
  { value: 'up_to_per_annum', text: 'Up to, a year (a yearly ceiling)' },
] as const

export function field(body: Body, name: string): string {
  const value = body[name]
  return String(Array.isArray(value) ? (value[value.length - 1] ?? '') : (value ?? '')).trim()
}

export function amountField(body: Body, errors: FieldErrors, name = 'amount'): number | null {
  const text = field(body, name)
  if (!text) {
    errors[name] = 'Enter the amount in pounds'
    return null
  }
  try {
    const pence = parsePoundsInput(text)
    if (pence > 0) return pence
    errors[name] = 'The amount must be more than £0'
  } catch (error) {
    if (!(error instanceof MoneyFormatError)) throw error
    errors[name] = 'Enter the amount in pounds, like 23,966 or 1,234.56'
  }
  return null
}

export function amountTypeField(body: Body, errors: FieldErrors): { perAnnum: boolean; upTo: boolean } | null {
  const type = field(body, 'amountType')
  if (!AMOUNT_TYPES.some((t) => t.value === type)) {
    errors.amountType = 'Choose whether the amount is one-off, a year, or a ceiling'
    return null
  }
  return { perAnnum: type === 'per_annum' || type === 'up_to_per_annum', upTo: type.startsWith('up_to') }
}

export function amountTypeOf(perAnnum: boolean, upTo: boolean): string {
  return upTo ? (perAnnum ? 'up_to_per_annum' : 'up_to') : perAnnum ? 'per_annum' : 'one_off'
}

export function textField(
  body: Body,
  errors: FieldErrors,
  name: string,
  label: string,
  max: number,
  required?: string,
) {
  const text = field(body, name)
  if (!text && required) errors[name] = required
  else if (text.length > max) errors[name] = `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`
  return text || null
}

/** The financial years a form offers: three ahead of this one and ten back. */
export function yearChoices() {
  const current = financialYearOf(todayInLondon()).startYear
  return Array.from({ length: 14 }, (_, i) => financialYear(current + 3 - i))
}

export function yearField(body: Body, errors: FieldErrors, name: string, message: string, optional = false) {
  const text = field(body, name)
  if (!text && optional) return null
  if (!/^\d{4}$/.test(text) || Number(text) < 1990 || Number(text) > 2100) {
    errors[name] = message
    return null
  }
  return Number(text)
}

/** A GOV.UK date input (`{name}-day`, `-month`, `-year`) read as YYYY-MM-DD; errors keyed by its first box. */
export function dateField(body: Body, errors: FieldErrors, name: string, label: string): string | null {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => field(body, `${name}-${part}`))
  const key = `${name}-day`
  if (!day && !month && !year) {
    errors[key] = `Enter the ${label}`
    return null
  }
  if (!day || !month || !year) {
    errors[key] = `The ${label} must include a day, month and year`
    return null
  }
  const iso = `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
  if (!/^\d{4}$/.test(year) || !isIsoDate(iso) || Number(year) < 1990 || Number(year) > 2100) {
    errors[key] = `The ${label} must be a real date, like 1 4 2025`
    return null
  }
  return iso
}

export interface Period {
  label: string
  start: string
  end: string
  financialYear: number
}

/** A period given as financial years (from, and to if more than one) or as start and end dates. */
export function periodField(body: Body, errors: FieldErrors): Period | null {
  const type = field(body, 'periodType')
  if (type === 'years') {
    const from = yearField(body, errors, 'yearFrom', 'Choose the first financial year')
    const to = yearField(body, errors, 'yearTo', 'Choose the last financial year from the list', true)
    if (from === null) return null
    if (to !== null && to < from) {
      errors.yearTo = 'The last financial year must be the same as or after the first'
      return null
    }
    const first = financialYear(from)
    const last = financialYear(to ?? from)
    return {
      label: to !== null && to !== from ? `${first.label} to ${last.label}` : first.label,
      start: first.start,
      end: last.end,
      financialYear: from,
    }
  }
  if (type === 'dates') {
    const start = dateField(body, errors, 'start', 'start date')
    const end = dateField(body, errors, 'end', 'end date')
    if (!start || !end) return null
    if (end < start) {
      errors['end-day'] = 'The end date must be the same as or after the start date'
      return null
    }
    return {
      label: `${formatUkDate(start)} to ${formatUkDate(end)}`,
      start,
      end,
      financialYear: financialYearOf(start).startYear,
    }
  }
  errors.periodType = 'Choose whether the period is in financial years or between dates'
  return null
}

/** The form values of a stored period: financial years when it runs from 1 April to 31 March, else dates. */
export function periodValues(start: string | null, end: string | null): Record<string, string> {
  if (!start || !end) return {}
  const first = financialYearOf(start)
  const last = financialYearOf(end)
  if (first.start === start && last.end === end)
    return {
      periodType: 'years',
      yearFrom: String(first.startYear),
      yearTo: last.startYear === first.startYear ? '' : String(last.startYear),
    }
  const [sy, sm, sd] = start.split('-')
  const [ey, em, ed] = end.split('-')
  return {
    periodType: 'dates',
    'start-day': String(Number(sd)),
    'start-month': String(Number(sm)),
    'start-year': sy!,
    'end-day': String(Number(ed)),
    'end-month': String(Number(em)),
    'end-year': ey!,
  }
}

export function poundsValue(pence: number): string {
  return penceToDecimalString(pence)
}

/** A chosen id from a list, or null when the list's "none" was chosen (and `optional`). */
export function idField(body: Body, errors: FieldErrors, name: string, message: string, optional: boolean) {
  const text = field(body, name)
  if (!text && optional) return null
  const id = Number(text)
  if (!Number.isSafeInteger(id) || id <= 0) {
    errors[name] = message
    return null
  }
  return id
}
