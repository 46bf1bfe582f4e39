/**
 * Ledger arithmetic: how awards fall into UK financial years. Money is integer pence; dates are
 * YYYY-MM-DD strings.
 */
import { financialYear, financialYearOf, financialYearsBetween } from './financial-year.ts'
import type { Pence } from './money.ts'
import { daysBetween } from './uk-date.ts'

/** How an amount is to be read: a one-off sum, a yearly rate, or a ceiling. Only one-off sums are added up. */
export type AmountBasis = 'one_off' | 'per_annum' | 'up_to' | 'up_to_per_annum'

export function amountBasis(amount: { perAnnum: boolean; upTo: boolean }): AmountBasis {
  if (amount.perAnnum) return amount.upTo ? 'up_to_per_annum' : 'per_annum'
  return amount.upTo ? 'up_to' : 'one_off'
}

export const BASIS_LABELS: Record<AmountBasis, string> = {
  one_off: 'One-off',
  per_annum: 'A year',
  up_to: 'Up to (ceiling)',
  up_to_per_annum: 'Up to, a year (ceiling)',
}

export interface YearShare {
  /** The financial year's first calendar year: 2024 for 2024/25. */
  startYear: number
  pence: Pence
}

/**
 * Splits an amount over the financial years a period (inclusive) touches, in proportion to the days in
 * each. Largest remainder: each year gets the whole pence of its exact share, and the pence left over go
 * one each to the years with the largest fractions (the earlier year on a tie), so the parts always add
 * up to the whole.
 */
export function apportionByDays(amountPence: Pence, start: string, end: string): YearShare[] {
  if (!Number.isSafeInteger(amountPence) || amountPence < 0)
    throw new RangeError(`${amountPence} is not a whole, non-negative number of pence`)
  if (end < start) throw new RangeError(`The period ends (${end}) before it starts (${start})`)
  const years = financialYearsBetween(start, end)
  const totalDays = BigInt(daysBetween(start, end) + 1)
  const amount = BigInt(amountPence)
  const parts = years.map((year, index) => {
    const from = start > year.start ? start : year.start
    const to = end < year.end ? end : year.end
    const exact = amount * BigInt(daysBetween(from, to) + 1)
    return { index, startYear: year.startYear, pence: exact / totalDays, remainder: exact % totalDays }
  })
  let left = amount - parts.reduce((sum, part) => sum + part.pence, 0n)
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  )
  for (const part of byRemainder) {
    if (left === 0n) break
    part.pence += 1n
    left -= 1n
  }
  return parts.map((part) => ({ startYear: part.startYear, pence: Number(part.pence) }))
}

export interface LedgerAmount {
  amountPence: Pence
  periodStart: string | null
  periodEnd: string | null
  /** The financial year recorded for an award without a full period. */
  financialYear: number | null
  perAnnum: boolean
  upTo: boolean
}

/**
 * Where an award falls by financial year. A one-off sum (or a one-off ceiling) is apportioned by days; a
 * yearly amount applies in full to each year its period touches and is never split or added up as if it
 * were one-off. An award with no period and no financial year falls in no year.
 */
export function yearsOfAward(award: LedgerAmount): YearShare[] {
  const basis = amountBasis(award)
  if (award.periodStart && award.periodEnd) {
    if (basis === 'one_off' || basis === 'up_to')
      return apportionByDays(award.amountPence, award.periodStart, award.periodEnd)
    return financialYearsBetween(award.periodStart, award.periodEnd).map((year) => ({
      startYear: year.startYear,
      pence: award.amountPence,
    }))
  }
  const year = award.financialYear ?? (award.periodStart ? financialYearOf(award.periodStart).startYear : null)
  return year === null ? [] : [{ startYear: year, pence: award.amountPence }]
}

export interface YearTotals {
  startYear: number
  label: string
  /** Apportioned one-off sums: the only figure that adds up across years. */
  oneOffPence: Pence
  /** Yearly amounts in force in the year, shown beside the one-off total and never added into it. */
  perAnnumPence: Pence
  /** "Up to" ceilings touching the year: limits, not money spent. */
  ceilingPence: Pence
}

export interface ApportionedLedger {
  years: YearTotals[]
  /** One-off sums that state neither a period nor a financial year. */
  unassignedOneOffPence: Pence
  /** Sum of every one-off award: equals the one-off totals of all years plus the unassigned. */
  oneOffTotalPence: Pence
}

/** Per financial year totals of a set of awards, with one-off sums reconciling exactly to their total. */
export function apportionLedger(awards: readonly LedgerAmount[]): ApportionedLedger {
  const byYear = new Map<number, YearTotals>()
  const year = (startYear: number): YearTotals => {
    let totals = byYear.get(startYear)
    if (!totals) {
      totals = { startYear, label: financialYear(startYear).label, oneOffPence: 0, perAnnumPence: 0, ceilingPence: 0 }
      byYear.set(startYear, totals)
    }
    return totals
  }
  let unassignedOneOffPence = 0
  let oneOffTotalPence = 0
  for (const award of awards) {
    const basis = amountBasis(award)
    const shares = yearsOfAward(award)
    if (basis === 'one_off') {
      oneOffTotalPence += award.amountPence
      if (shares.length === 0) unassignedOneOffPence += award.amountPence
    }
    for (const share of shares) {
      const totals = year(share.startYear)
      if (basis === 'one_off') totals.oneOffPence += share.pence
      else if (basis === 'per_annum') totals.perAnnumPence += share.pence
      else totals.ceilingPence += share.pence
    }
  }
  return {
    years: [...byYear.values()].sort((a, b) => a.startYear - b.startYear),
    unassignedOneOffPence,
    oneOffTotalPence,
  }
}
