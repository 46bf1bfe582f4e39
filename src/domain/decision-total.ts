import { formatPounds } from './money-words.ts'

/** What a list of decisions knows of one decision's money, already limited to what the public may see. */
export interface ListedDecisionMoney {
  classification: string
  statedTotalPence: number | null
  statedTotalPerAnnum: boolean
  /** The sum of the decision's public one-off awards. */
  awardTotalPence: number | null
  /** Some of the decision's money is withheld, so no total of it is public. */
  moneyWithheld: boolean
}

/** The total a list shows for a decision; a sum of only its public awards says so, so it never reads as the whole. */
export function describeListedTotal(row: ListedDecisionMoney): string {
  if (row.classification === 'confidential') return ''
  if (row.statedTotalPence !== null)
    return `${formatPounds(row.statedTotalPence)}${row.statedTotalPerAnnum ? ' a year' : ''}`
  if (row.awardTotalPence !== null)
    return `${formatPounds(row.awardTotalPence)}${row.moneyWithheld ? ' (part withheld)' : ''}`
  return row.moneyWithheld ? 'Withheld' : ''
}
