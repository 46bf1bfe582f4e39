import { MoneyFormatError, parsePoundsInput, type Pence } from './money.ts'

/**
 * Reads an amount as published in a spending file: "1234.5", "£1,234.56", "-£120.00", "£-120.00", "(120.00)"
 * (a credit in brackets), with or without spaces. Throws MoneyFormatError for anything else.
 */
export function parseSpendAmount(text: string): Pence {
  const cleaned = text.replace(/\s+/g, '')
  const match = /^(\()?(-)?£?(-)?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?)(\))?$/.exec(cleaned)
  const signs = match
    ? [match[1] !== undefined, match[2] !== undefined, match[3] !== undefined].filter(Boolean).length
    : 0
  if (!match || signs > 1 || (match[1] !== undefined) !== (match[5] !== undefined))
    throw new MoneyFormatError(`"${text}" is not an amount of money: use pounds and pence, like £1,234.56`)
  const pence = parsePoundsInput(match[4]!)
  return signs ? -pence : pence
}
