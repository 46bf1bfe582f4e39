/** A period as a column heading or an award's period prints it: "Oct23- Mar24", "2024/25", "Year 2 (2025-26)". */
import { parseFinancialYear } from '../domain/financial-year.ts'
import { findMonths } from './dates.ts'

export interface PeriodRange {
  start: string
  end: string
}

const FINANCIAL_YEAR = /\b(?:FY\s?)?((?:19|20)?\d{2})\s?[/-]\s?(\d{2}|(?:19|20)\d{2})\b/i

export function parsePeriodLabel(text: string): PeriodRange | null {
  if (text.length > 80) return null
  const months = findMonths(text)
  if (months.length >= 2) return { start: months[0]!.first, end: months.at(-1)!.last }
  const fy = FINANCIAL_YEAR.exec(text)
  if (fy) {
    const startYear = fy[1]!.length === 2 ? `20${fy[1]}` : fy[1]!
    const year = parseFinancialYear(`${startYear}/${fy[2]}`)
    if (year) return { start: year.start, end: year.end }
  }
  if (months.length === 1 && /\b(?:from|to|until)\b/i.test(text) === false && !months[0]!.exact)
    return { start: months[0]!.first, end: months[0]!.last }
  return null
}
