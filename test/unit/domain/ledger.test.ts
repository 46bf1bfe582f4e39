import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  amountBasis,
  apportionByDays,
  apportionLedger,
  yearsOfAward,
  type LedgerAmount,
} from '../../../src/domain/ledger.ts'
import { addDays } from '../../../src/domain/uk-date.ts'

function award(
  amountPence: number,
  periodStart: string | null,
  periodEnd: string | null,
  extra: Partial<LedgerAmount> = {},
): LedgerAmount {
  return { amountPence, periodStart, periodEnd, financialYear: null, perAnnum: false, upTo: false, ...extra }
}

/** An amount's shares, one for each financial year from the one starting in `firstYear`. */
const sharesFrom = (firstYear: number, ...pence: number[]) =>
  pence.map((p, i) => ({ startYear: firstYear + i, pence: p }))

const sum = (shares: Array<{ pence: number }>) => shares.reduce((total, share) => total + share.pence, 0)

test('an award within one financial year falls wholly in it', () => {
  assert.deepEqual(apportionByDays(4701300, '2021-04-01', '2022-03-31'), sharesFrom(2021, 4701300))
})

test('an award crossing 31 March is split by days', () => {
  // 1 Oct 2023 to 30 Sep 2024: 183 days in 2023/24 (leap February), 183 in 2024/25.
  assert.deepEqual(apportionByDays(36600, '2023-10-01', '2024-09-30'), sharesFrom(2023, 18300, 18300))
})

test('leftover pence go to the largest remainders so the parts add to the whole', () => {
  const shares = apportionByDays(100, '2024-03-31', '2024-04-02')
  assert.deepEqual(shares, sharesFrom(2023, 33, 67))
  const three = apportionByDays(1, '2023-01-01', '2025-12-31')
  assert.equal(sum(three), 1)
})

test('a tie in remainders gives the pence to the earlier year', () => {
  assert.deepEqual(apportionByDays(1, '2024-03-31', '2024-04-01'), sharesFrom(2023, 1, 0))
})

test('very large amounts over many years stay exact', () => {
  const shares = apportionByDays(9_000_000_000_000, '1999-06-15', '2060-02-29')
  assert.equal(sum(shares), 9_000_000_000_000)
  assert.equal(shares.length, 61)
})

test('a negative amount or a period ending before it starts is refused', () => {
  assert.throws(() => apportionByDays(-1, '2024-04-01', '2025-03-31'), /not a whole, non-negative/)
  assert.throws(() => apportionByDays(100, '2025-04-01', '2024-03-31'), /ends \(2024-03-31\) before it starts/)
})

test('a per-annum amount applies in full to each year, and is never split', () => {
  assert.deepEqual(
    yearsOfAward(award(29450000, '2019-04-01', '2024-03-31', { perAnnum: true, upTo: true })).map((s) => s.pence),
    [29450000, 29450000, 29450000, 29450000, 29450000],
  )
  assert.equal(amountBasis({ perAnnum: true, upTo: true }), 'up_to_per_annum')
})

test('an award with only a financial year falls in it; with nothing, in no year', () => {
  assert.deepEqual(yearsOfAward(award(500, null, null, { financialYear: 2020 })), sharesFrom(2020, 500))
  assert.deepEqual(yearsOfAward(award(500, null, null)), [])
})

test('the ledger keeps per-annum and "up to" amounts out of the one-off totals', () => {
  const ledger = apportionLedger([
    award(1000, '2024-04-01', '2025-03-31'),
    award(7000, '2024-04-01', '2025-03-31', { perAnnum: true }),
    award(9000, '2024-04-01', '2025-03-31', { upTo: true }),
    award(300, null, null),
  ])
  assert.deepEqual(ledger.years, [
    { startYear: 2024, label: '2024/25', oneOffPence: 1000, perAnnumPence: 7000, ceilingPence: 9000 },
  ])
  assert.equal(ledger.unassignedOneOffPence, 300)
  assert.equal(ledger.oneOffTotalPence, 1300)
})

test('on generated awards crossing year boundaries, the apportioned years add up to the awards', () => {
  let state = 12345
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
  const awards: LedgerAmount[] = []
  for (let i = 0; i < 5000; i++) {
    const start = addDays('2010-01-01', Math.floor(random() * 6000))
    const end = addDays(start, Math.floor(random() * 1500))
    awards.push(award(Math.floor(random() * 100_000_000), start, end))
  }
  const crossing = awards.filter((a) => yearsOfAward(a).length > 1).length
  assert.ok(crossing > 3000, `${crossing} awards cross a year boundary`)
  const ledger = apportionLedger(awards)
  const sumOfYears = ledger.years.reduce((s, y) => s + y.oneOffPence, 0)
  const sumOfAwards = awards.reduce((s, a) => s + a.amountPence, 0)
  assert.equal(sumOfYears, sumOfAwards)
  assert.equal(ledger.oneOffTotalPence, sumOfAwards)
  for (const a of awards) assert.equal(sum(yearsOfAward(a)), a.amountPence)
})
