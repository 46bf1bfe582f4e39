/**
 * Totals split by what kind of money they are. Only one-off sums add up; a yearly commitment is paid in
 * each year it runs and a ceiling is the most that may be paid, so each kind is totalled on its own.
 */
import { amountBasis, type AmountBasis } from './ledger.ts'
import { describeAmount } from './money-words.ts'
import type { Pence } from './money.ts'

export interface KindTotal {
  pence: Pence
  count: number
}

export type KindTotals = Record<AmountBasis, KindTotal>

export const KIND_ORDER: readonly AmountBasis[] = ['one_off', 'per_annum', 'up_to_per_annum', 'up_to']

export const KIND_HEADINGS: Record<AmountBasis, string> = {
  one_off: 'One-off sums',
  per_annum: 'Yearly commitments',
  up_to_per_annum: 'Yearly ceilings (up to)',
  up_to: 'One-off ceilings (up to)',
}

/** What is added and what is not, said once wherever totals by kind are shown. */
export const KIND_SENTENCE =
  'Only one-off sums are added together. Yearly commitments are paid in each year a service runs and ceilings are the most that may be paid, so each is totalled on its own and never added to the one-off sums.'

export function emptyKindTotals(): KindTotals {
  return {
    one_off: { pence: 0, count: 0 },
    per_annum: { pence: 0, count: 0 },
    up_to: { pence: 0, count: 0 },
    up_to_per_annum: { pence: 0, count: 0 },
  }
}

export function totalsByKind(amounts: Iterable<{ amountPence: Pence; perAnnum: boolean; upTo: boolean }>): KindTotals {
  const totals = emptyKindTotals()
  for (const amount of amounts) {
    const total = totals[amountBasis(amount)]
    total.pence += amount.amountPence
    total.count += 1
  }
  return totals
}

export function addKindTotals(a: KindTotals, b: KindTotals): KindTotals {
  const sum = emptyKindTotals()
  for (const basis of KIND_ORDER)
    sum[basis] = { pence: a[basis].pence + b[basis].pence, count: a[basis].count + b[basis].count }
  return sum
}

export function hasMoney(totals: KindTotals): boolean {
  return KIND_ORDER.some((basis) => totals[basis].count > 0)
}

/** The kinds present, each as a heading and its total in words: "Yearly ceilings (up to)", "£364,500 a year (up to)". */
export function describeKindTotals(
  totals: KindTotals,
): Array<{ basis: AmountBasis; heading: string; text: string; pence: Pence; count: number }> {
  return KIND_ORDER.filter((basis) => totals[basis].count > 0).map((basis) => ({
    basis,
    heading: KIND_HEADINGS[basis],
    text: describeAmount(totals[basis].pence, {
      perAnnum: basis === 'per_annum' || basis === 'up_to_per_annum',
      upTo: basis === 'up_to' || basis === 'up_to_per_annum',
    }),
    pence: totals[basis].pence,
    count: totals[basis].count,
  }))
}
