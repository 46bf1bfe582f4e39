import type { Pence } from './money.ts'

/** The parts of an award that decide where it sits in a decision's table of awards. */
export interface AwardCell {
  recipientName: string
  purpose: string | null
  viaName: string | null
  route: string | null
  periodLabel: string | null
  periodStart: string | null
  amountPence: Pence
  perAnnum: boolean
  upTo: boolean
}

export interface AwardTableRow {
  recipientName: string
  purpose: string | null
  viaName: string | null
  route: string | null
  cells: Array<AwardCell | null>
  oneOffTotalPence: Pence
}

export interface AwardTable {
  periods: string[]
  rows: AwardTableRow[]
  /** Per period, the sum of one-off amounts; per-annum and "up to" amounts are never added in. */
  periodTotalsPence: Pence[]
  grandTotalPence: Pence
  hasRecurringAmounts: boolean
}

const NO_PERIOD = 'No period stated'

/** Lays awards out as recipients × periods, the way budget tables in decision notices are printed. */
export function buildAwardTable(awards: readonly AwardCell[]): AwardTable {
  const periodStarts = new Map<string, string>()
  for (const award of awards) {
    const label = award.periodLabel ?? NO_PERIOD
    const start = award.periodStart ?? '9999-12-31'
    if (!periodStarts.has(label) || start < periodStarts.get(label)!) periodStarts.set(label, start)
  }
  const periods = [...periodStarts.keys()].sort((a, b) => periodStarts.get(a)!.localeCompare(periodStarts.get(b)!))
  const rowsByKey = new Map<string, AwardTableRow>()
  for (const award of awards) {
    const key = [award.recipientName, award.purpose, award.viaName, award.route].join('\u0000')
    let row = rowsByKey.get(key)
    if (!row) {
      row = {
        recipientName: award.recipientName,
        purpose: award.purpose,
        viaName: award.viaName,
        route: award.route,
        cells: periods.map(() => null),
        oneOffTotalPence: 0,
      }
      rowsByKey.set(key, row)
    }
    const column = periods.indexOf(award.periodLabel ?? NO_PERIOD)
    const existing = row.cells[column]
    row.cells[column] = existing ? { ...existing, amountPence: existing.amountPence + award.amountPence } : award
    if (!award.perAnnum && !award.upTo) row.oneOffTotalPence += award.amountPence
  }
  const rows = [...rowsByKey.values()]
  const periodTotalsPence = periods.map((_, column) =>
    rows.reduce((sum, row) => {
      const cell = row.cells[column]
      return cell && !cell.perAnnum && !cell.upTo ? sum + cell.amountPence : sum
    }, 0),
  )
  return {
    periods,
    rows,
    periodTotalsPence,
    grandTotalPence: periodTotalsPence.reduce((a, b) => a + b, 0),
    hasRecurringAmounts: awards.some((a) => a.perAnnum || a.upTo),
  }
}
