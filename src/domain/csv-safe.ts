/**
 * A spreadsheet runs a cell that starts with =, +, -, @, tab or carriage return as a formula (CSV
 * injection). OWASP's advice: prefix such a cell with a single quote so it is shown as text.
 * A plain number such as -1500 or -12.50 is left as it is, so amount columns stay numeric: a
 * spreadsheet cannot read a formula out of one.
 */
const FORMULA_START = /^[=+\-@\t\r]/
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/

export function neutraliseCsvCell(value: string): string {
  if (!FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) return value
  return `'${value}`
}
