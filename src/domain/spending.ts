import { financialYearOf } from './financial-year.ts'
import type { Pence } from './money.ts'

/**
 * What an award commits: a one-off sum (or a ceiling) once; a yearly amount once for every financial year
 * its period touches (the database's award_committed_pence does the same sum).
 */
export function committedPence(award: {
  amountPence: Pence
  perAnnum: boolean
  periodStart: string | null
  periodEnd: string | null
}): Pence {
  if (!award.perAnnum || !award.periodStart || !award.periodEnd || award.periodEnd < award.periodStart)
    return award.amountPence
  const years = financialYearOf(award.periodEnd).startYear - financialYearOf(award.periodStart).startYear + 1
  return award.amountPence * years
}

/** "£11,983.00 paid of £23,966.00 awarded", with what is left (or overpaid). */
export interface PaidAgainstCommitted {
  paidPence: Pence
  committedPence: Pence
  /** Committed less paid: negative when more was paid than awarded. */
  unpaidPence: Pence
}

export function paidAgainst(paidPence: Pence, committed: Pence): PaidAgainstCommitted {
  return { paidPence, committedPence: committed, unpaidPence: committed - paidPence }
}

/** The month a payment belongs to, "2021-05", for the monthly transparency data. */
export function spendMonth(paidOn: string): string {
  return paidOn.slice(0, 7)
}
