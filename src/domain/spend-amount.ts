import { MoneyFormatError, parsePoundsInput, type Pence } from './money.ts'

/**
 * Reads an amount as published in a spending file: "1234.5", "£1,234.56", "-£120.00", "£-120.00", "(120.00)"
 * (a credit in brackets), with or without spaces. Throws MoneyFormatError for anything else.
 */
export function parseSpendAmount(text: string): Pence {
  let cleaned = text.replace(/\s+/g, '')
  let negative = false
  const bracketed = /^\((.*)\)$/.exec(cleaned)
  if (bracketed) {
    negative = true
    cleaned = bracketed[1]!
  }
  if (cleaned.startsWith('-')) {
    negative = !negative
    cleaned = cleaned.slice(1)
  }
  cleaned = cleaned.replace(/^£/, '')
  if (cleaned.startsWith('-')) {
    negative = !negative
    cleaned = cleaned.slice(1)
  }
  if (!/^\d{1,3}(,\d{3})*(\.\d{1,2})?$|^\d+(\.\d{1,2})?$/.test(cleaned))
    throw new MoneyFormatError(`"${text}" is not an amount of money: use pounds and pence, like £1,234.56`)
  const pence = parsePoundsInput(cleaned)
  return negative ? -pence : pence
}
