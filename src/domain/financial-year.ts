/** UK financial years run 1 April to 31 March and are written 2024/25. Dates are YYYY-MM-DD strings. */

export interface FinancialYear {
  startYear: number
  label: string
  start: string
  end: string
}

export function financialYear(startYear: number): FinancialYear {
  const next = String((startYear + 1) % 100).padStart(2, '0')
  return { startYear, label: `${startYear}/${next}`, start: `${startYear}-04-01`, end: `${startYear + 1}-03-31` }
}

export function financialYearOf(date: string): FinancialYear {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  return financialYear(month >= 4 ? year : year - 1)
}

/** Reads "2024/25", "2024-25", "2024/2025" or "2024-2025". Returns null for anything else. */
export function parseFinancialYear(text: string): FinancialYear | null {
  const match = /^\s*(\d{4})\s*[/-]\s*(\d{2}|\d{4})\s*$/.exec(text)
  if (!match) return null
  const start = Number(match[1])
  const end = match[2]!
  const endYear = end.length === 2 ? Math.floor(start / 100) * 100 + Number(end) : Number(end)
  const expected = start + 1
  if (endYear !== expected && !(end.length === 2 && Number(end) === expected % 100)) return null
  return financialYear(start)
}

/** Every financial year that a period from start to end (inclusive) touches, in order. */
export function financialYearsBetween(start: string, end: string): FinancialYear[] {
  const years: FinancialYear[] = []
  for (let y = financialYearOf(start).startYear; y <= financialYearOf(end).startYear; y++) years.push(financialYear(y))
  return years
}
