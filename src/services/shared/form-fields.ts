import { z } from 'zod'
import { parseFinancialYear } from '../../domain/financial-year.ts'
import { MoneyFormatError, parsePoundsInput } from '../../domain/money.ts'

/** Text that must be given, trimmed, of at most `max` characters: `whenEmpty` and `whenTooLong` say what is wrong. */
export function requiredText(max: number, whenEmpty: string, whenTooLong: string) {
  return z.string().trim().min(1, { message: whenEmpty }).max(max, { message: whenTooLong })
}

/** A financial year typed as 2024/25 (or 2024-25), read as the year it starts. */
export function financialYearField() {
  return z
    .string()
    .trim()
    .transform((text, ctx) => {
      const year = parseFinancialYear(text)
      if (!year) {
        ctx.addIssue({ code: 'custom', message: 'Enter the financial year like 2024/25' })
        return z.NEVER
      }
      return year.startYear
    })
}

/** An amount of money not below zero, typed in pounds, read as pence; `label` names it in messages. */
export function poundsField(label: string) {
  return z
    .string()
    .trim()
    .min(1, { message: `Enter the ${label.toLowerCase()}` })
    .transform((text, ctx) => {
      try {
        const pence = parsePoundsInput(text)
        if (pence >= 0) return pence
        ctx.addIssue({ code: 'custom', message: `${label} must not be negative` })
      } catch (error) {
        if (!(error instanceof MoneyFormatError)) throw error
        ctx.addIssue({ code: 'custom', message: `${label}: ${error.message}` })
      }
      return z.NEVER
    })
}
