import { parse } from 'csv-parse/sync'
import { MoneyFormatError } from '../../domain/money.ts'
import { parseSpendAmount } from '../../domain/spend-amount.ts'
import { parseUkDate } from '../../domain/uk-date.ts'

/** The five fields of the common published layout, in its order, with the column names it uses. */
export const SPEND_FIELDS = [
  { key: 'date', label: 'Date' },
  { key: 'supplier', label: 'Supplier' },
  { key: 'amount', label: 'Amount' },
  { key: 'expenseType', label: 'Expense Type' },
  { key: 'transactionNumber', label: 'Transaction Number' },
] as const

export type SpendField = (typeof SPEND_FIELDS)[number]['key']

/** For each field, the index of the file's column that holds it. */
export type SpendMapping = Record<SpendField, number>

/** Other names offices give the columns, compared without case, spaces or punctuation. */
const SYNONYMS: Record<SpendField, string[]> = {
  date: ['date', 'paymentdate', 'transactiondate', 'datepaid', 'invoicedate'],
  supplier: ['supplier', 'suppliername', 'payee', 'vendor', 'vendorname', 'beneficiary'],
  amount: ['amount', 'amountgbp', 'value', 'netamount', 'netvalue', 'amountpaid', 'total'],
  expenseType: ['expensetype', 'expenditurecategory', 'expensecategory', 'category', 'expensedescription', 'purpose'],
  transactionNumber: ['transactionnumber', 'transactionno', 'transactionid', 'transactionref', 'reference', 'ref'],
}

/** The largest file accepted: more lines than any office publishes in a year. */
export const MAX_SPEND_LINES = 500_000

export interface SpendTable {
  headers: string[]
  /** The data rows with the line of the file each came from (the header is line 1). */
  rows: Array<{ line: number; cells: string[] }>
}

export interface SpendProblem {
  line: number
  column: string
  message: string
}

/** A file refused whole: every problem found (up to a limit), each naming its line and column. */
export class SpendFileError extends Error {
  constructor(readonly problems: SpendProblem[]) {
    super(
      problems
        .slice(0, 5)
        .map((p) =>
          p.line && p.column
            ? `Line ${p.line}, column ${p.column}: ${p.message}`
            : p.line
              ? `Line ${p.line}: ${p.message}`
              : p.column
                ? `${p.column}: ${p.message}`
                : p.message,
        )
        .join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more problems` : ''),
    )
  }
}

export interface SpendRow {
  line: number
  paidOn: string
  supplierName: string
  amountPence: number
  expenseType: string
  transactionNumber: string
}

/** Reads the CSV text into its header and rows; a row with the wrong number of cells is refused. */
export function readSpendTable(text: string): SpendTable {
  let records: Array<{ record: string[]; info: { lines: number } }>
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      to_line: MAX_SPEND_LINES + 1,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0
    throw new SpendFileError([
      { line, column: '', message: `the file is not readable as CSV (${(error as Error).message})` },
    ])
  }
  if (!records.length) throw new SpendFileError([{ line: 0, column: 'The file', message: 'is empty' }])
  const headers = records[0]!.record.map((h) => h.trim())
  const rows = records.slice(1).filter((r) => r.record.some((c) => c !== ''))
  const problems: SpendProblem[] = []
  for (const r of rows)
    if (r.record.length !== headers.length && problems.length < 50)
      problems.push({
        line: r.info.lines,
        column: '',
        message: `has ${r.record.length} cells where the header has ${headers.length}`,
      })
  if (problems.length) throw new SpendFileError(problems)
  return { headers, rows: rows.map((r) => ({ line: r.info.lines, cells: r.record })) }
}

const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '')

/** The columns that hold each field, by name; a field with no column of a known name is left out. */
export function guessMapping(headers: readonly string[]): Partial<SpendMapping> {
  const names = headers.map(normalise)
  const mapping: Partial<SpendMapping> = {}
  for (const { key } of SPEND_FIELDS) {
    const index = names.findIndex((n, i) => SYNONYMS[key].includes(n) && !Object.values(mapping).includes(i))
    if (index >= 0) mapping[key] = index
  }
  return mapping
}

/** The mapping if every field has a column (and no column serves two fields), else a SpendFileError naming what is missing. */
export function completeMapping(headers: readonly string[], mapping: Partial<SpendMapping>): SpendMapping {
  const problems: SpendProblem[] = []
  const used = new Set<number>()
  for (const { key, label } of SPEND_FIELDS) {
    const index = mapping[key]
    if (index === undefined || index < 0 || index >= headers.length)
      problems.push({ line: 1, column: label, message: `is missing: no column holds the ${label.toLowerCase()}` })
    else if (used.has(index))
      problems.push({
        line: 1,
        column: label,
        message: `uses the column "${headers[index]}" already used for another field`,
      })
    else used.add(index)
  }
  if (problems.length) throw new SpendFileError(problems)
  return mapping as SpendMapping
}

/** Every row read through the mapping; any impossible date, unreadable amount or empty supplier refuses the whole file. */
export function parseSpendRows(table: SpendTable, mapping: SpendMapping): SpendRow[] {
  const problems: SpendProblem[] = []
  const column = (field: SpendField) =>
    table.headers[mapping[field]] || SPEND_FIELDS.find((f) => f.key === field)!.label
  const note = (line: number, field: SpendField, message: string) => {
    if (problems.length < 50) problems.push({ line, column: column(field), message })
  }
  const rows: SpendRow[] = []
  for (const { line, cells } of table.rows) {
    const cell = (field: SpendField) => cells[mapping[field]] ?? ''
    const dateText = cell('date')
    const paidOn = parseUkDate(dateText)
    if (!paidOn)
      note(line, 'date', dateText ? `"${dateText}" is not a real date: write it as 14/05/2021` : 'the date is missing')
    let amountPence = 0
    try {
      amountPence = parseSpendAmount(cell('amount'))
    } catch (error) {
      if (!(error instanceof MoneyFormatError)) throw error
      note(line, 'amount', cell('amount') ? error.message : 'the amount is missing')
    }
    const supplierName = cell('supplier').replace(/\s+/g, ' ')
    if (!supplierName) note(line, 'supplier', 'the supplier is missing')
    else if (supplierName.length > 500) note(line, 'supplier', 'the supplier’s name is longer than 500 characters')
    if (paidOn && supplierName)
      rows.push({
        line,
        paidOn,
        supplierName,
        amountPence,
        expenseType: cell('expenseType').replace(/\s+/g, ' '),
        transactionNumber: cell('transactionNumber'),
      })
  }
  if (problems.length) throw new SpendFileError(problems)
  if (!rows.length)
    throw new SpendFileError([{ line: 2, column: 'The file', message: 'has no payments below its header' }])
  return rows
}

/** Reads a whole file in the common layout (or by the given mapping): its rows, or a SpendFileError. */
export function parseSpendFile(text: string, mapping?: Partial<SpendMapping>): SpendRow[] {
  const table = readSpendTable(text)
  return parseSpendRows(table, completeMapping(table.headers, mapping ?? guessMapping(table.headers)))
}
