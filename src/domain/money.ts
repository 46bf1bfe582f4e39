/** Money is integer pence throughout. This module is the only place that turns pence into text and back. */

export type Pence = number

const poundsFormat = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

/** 123456 → "£1,234.56"; negative amounts keep their sign before the pound sign. */
export function formatPence(pence: Pence): string {
  assertPence(pence)
  const sign = pence < 0 ? '-' : ''
  const abs = Math.abs(pence)
  const pounds = Math.trunc(abs / 100)
  const rest = abs % 100
  const whole = poundsFormat.format(pounds).replace(/\.00$/, '')
  return `${sign}£${whole}.${String(rest).padStart(2, '0')}`
}

/** Pence as a plain decimal string of pounds, "47013.00", for CSV and JSON exports. */
export function penceToDecimalString(pence: Pence): string {
  assertPence(pence)
  const sign = pence < 0 ? '-' : ''
  const abs = Math.abs(pence)
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** Pence as a JSON number of pounds with at most two decimals (exact in decimal notation). */
export function penceToPounds(pence: Pence): number {
  return Number(penceToDecimalString(pence))
}

export class MoneyFormatError extends Error {}

/**
 * Reads an amount typed into a form: "1234", "1,234.5", "£1,234.56". Never goes through binary
 * floating point: the digits are joined as text.
 */
export function parsePoundsInput(text: string): Pence {
  const cleaned = text
    .trim()
    .replace(/^£/, '')
    .replace(/,(?=\d{3}(\D|$))/g, '')
  const match = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/.exec(cleaned)
  if (!match) throw new MoneyFormatError(`"${text}" is not an amount of money: use pounds and pence, like 1,234.56`)
  const [, sign, pounds, fraction = ''] = match
  const pence = Number(pounds) * 100 + Number(fraction.padEnd(2, '0'))
  return sign === '-' ? -pence : pence
}

export function sumPence(amounts: readonly Pence[]): Pence {
  let total = 0
  for (const amount of amounts) total += amount
  assertPence(total)
  return total
}

function assertPence(pence: number): void {
  if (!Number.isSafeInteger(pence)) throw new MoneyFormatError(`${pence} is not a whole number of pence`)
}
