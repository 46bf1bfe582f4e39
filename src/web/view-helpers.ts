import { formatPence } from '../domain/money.ts'

/** The total a register row shows: the total the record states, else the sum of its one-off awards. */
export function describeDecisionTotal(row: {
  classification: string
  statedTotalPence: number | null
  statedTotalPerAnnum: boolean
  awardTotalPence: number | null
}): string {
  if (row.classification === 'confidential') return ''
  if (row.statedTotalPence !== null) return `${formatPence(row.statedTotalPence)}${row.statedTotalPerAnnum ? ' a year' : ''}`
  if (row.awardTotalPence !== null) return formatPence(row.awardTotalPence)
  return ''
}
