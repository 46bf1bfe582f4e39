/**
 * Tab-separated tables (from text, or rebuilt from PDF, Word and HTML): columns that are periods,
 * providers or amounts, rows that are providers or periods, total rows and total columns.
 */
import type { AmountReading } from '../domain/document-amount.ts'
import { readAmountCell } from './amounts.ts'
import type { Doc, Line } from './document.ts'
import { parsePeriodLabel, type PeriodRange } from './period-label.ts'

export type ColumnKind = 'period' | 'total' | 'amount' | 'recipient' | 'via' | 'route' | 'area' | 'funding' | 'text'

export interface Column {
  index: number
  header: string
  kind: ColumnKind
  period: PeriodRange | null
  /** The heading says the figures are yearly ("Annual value", "£ per annum"). */
  perAnnum: boolean
}

export interface AmountCell {
  column: number
  text: string
  reading: AmountReading
}

export interface Row {
  line: Line
  label: string
  cells: string[]
  amounts: AmountCell[]
  note: string
}

export interface Table {
  header: Row | null
  caption: string
  columns: Column[]
  rows: Row[]
  /** Total rows, each with the data rows it totals. */
  totals: Array<{ row: Row; parts: Row[] }>
  /** Rows are periods and columns are recipients. */
  transposed: boolean
  firstLine: number
  lastLine: number
}

const TOTAL_LABEL = /^(?:grand\s+|sub-?\s?|overall\s+)?totals?\b|^sum\b/i

export function isTotalLabel(text: string): boolean {
  return TOTAL_LABEL.test(text.trim())
}

function toRow(line: Line): Row {
  const amounts: AmountCell[] = []
  line.cells.forEach((cell, column) => {
    if (column === 0 && !/^(?:£|up to)/i.test(cell)) return
    const reading = cell ? readAmountCell(cell) : null
    if (reading) amounts.push({ column, text: cell, reading })
  })
  const lastAmount = amounts.at(-1)?.column ?? 0
  const note = line.cells
    .slice(lastAmount + 1)
    .filter(Boolean)
    .join(' ')
  return { line, label: line.cells[0] ?? '', cells: line.cells, amounts, note: amounts.length ? note : '' }
}

function columnKind(header: string, values: string[]): ColumnKind {
  const text = header.trim()
  if (isTotalLabel(text)) return 'total'
  if (parsePeriodLabel(text)) return 'period'
  const hasAmounts = values.some((value) => readAmountCell(value) !== null)
  if (/lead\s+commissioner|\bvia\b|paid\s+through|lead\s+(?:authority|partner)/i.test(text)) return 'via'
  if (/route|procurement|method/i.test(text)) return 'route'
  if (
    !hasAmounts &&
    /provider|organi[sz]ation|recipient|supplier|grantee|charity|partner|name|awarded\s+to/i.test(text)
  )
    return 'recipient'
  if (!hasAmounts && /\barea|location|district|locality|ward|coverage/i.test(text)) return 'area'
  if (!hasAmounts && /fund|source|stream/i.test(text)) return 'funding'
  if (hasAmounts) return 'amount'
  return 'text'
}

export function findTables(doc: Doc): Table[] {
  const tables: Table[] = []
  const lines = doc.lines
  let i = 0
  while (i < lines.length) {
    if (lines[i]!.cells.length < 2) {
      i++
      continue
    }
    const block: Line[] = []
    let j = i
    while (j < lines.length) {
      const line = lines[j]!
      if (line.cells.length >= 2) block.push(line)
      else if (line.boilerplate || /^\s*\|[\s|:-]+\|\s*$/.test(line.raw)) {
        /* page furniture inside a table */
      } else if (!line.blank && line.text.length <= 60 && (lines[j + 1]?.cells.length ?? 0) >= 2 && block.length > 0)
        block.push(line)
      else break
      j++
    }
    const table = buildTable(doc, block)
    if (table) tables.push(table)
    i = j + 1
  }
  return tables
}

function buildTable(doc: Doc, block: Line[]): Table | null {
  const rows = mergeSplitRows(block.map(toRow))
  const firstData = rows.findIndex((row) => row.amounts.length > 0)
  if (firstData === -1) return null
  let header: Row | null = null
  for (let k = firstData - 1; k >= 0; k--) {
    if (rows[k]!.cells.length >= 2 && rows[k]!.amounts.length === 0) {
      header = rows[k]!
      break
    }
  }
  const body = rows.slice(firstData).filter((row) => row.amounts.length > 0 || row.cells.length >= 2)
  const width = Math.max(...body.map((row) => row.cells.length), header?.cells.length ?? 0)
  const columns: Column[] = []
  for (let c = 0; c < width; c++) {
    const headerText = header?.cells[c] ?? ''
    const values = body.map((row) => row.cells[c] ?? '').filter(Boolean)
    const kind = c === 0 && !values.some((v) => /^£/.test(v)) ? 'text' : columnKind(headerText, values)
    columns.push({
      index: c,
      header: headerText,
      kind,
      period: kind === 'period' ? parsePeriodLabel(headerText) : null,
      perAnnum: /\bannual|per\s+annum|\bp\.?a\.?\b|per\s+year|a\s+year/i.test(headerText),
    })
  }
  const dataRows = body.filter((row) => row.amounts.length > 0 && !isTotalLabel(row.label))
  const periodRows = dataRows.filter((row) => parsePeriodLabel(row.label)).length
  const transposed =
    dataRows.length > 0 && periodRows * 2 >= dataRows.length && !columns.some((c) => c.kind === 'period')
  const totals: Table['totals'] = []
  let parts: Row[] = []
  for (const row of body) {
    if (row.amounts.length === 0) continue
    if (isTotalLabel(row.label)) {
      totals.push({ row, parts })
      if (!/^sub/i.test(row.label)) parts = []
    } else {
      parts.push(row)
    }
  }
  const before = doc.lines.slice(Math.max(0, block[0]!.no - 4), block[0]!.no - 1).filter((line) => !line.blank)
  return {
    header,
    caption: before.map((line) => line.text).join(' '),
    columns,
    rows: dataRows,
    totals,
    transposed,
    firstLine: block[0]!.no,
    lastLine: block.at(-1)!.no,
  }
}

/** A row split over two lines: a label alone, then its figures with an empty first cell; or a label that wraps. */
function mergeSplitRows(rows: Row[]): Row[] {
  const merged: Row[] = []
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!
    const next = rows[k + 1]
    if (row.cells.length === 1 && row.amounts.length === 0) {
      if (next && next.amounts.length > 0 && next.label === '') {
        merged.push({ ...next, label: row.label, cells: [row.label, ...next.cells.slice(1)] })
        k++
        continue
      }
      const previous = merged.at(-1)
      if (previous && previous.amounts.length > 0) {
        previous.label = `${previous.label} ${row.label}`.trim()
        continue
      }
    }
    merged.push(row)
  }
  return merged
}

/** The period of an amount cell: its column's heading, or for a transposed table its row's label. */
export function cellPeriod(table: Table, row: Row, cell: AmountCell): { label: string; range: PeriodRange } | null {
  if (table.transposed) {
    const range = parsePeriodLabel(row.label)
    return range ? { label: row.label, range } : null
  }
  const column = table.columns[cell.column]
  return column?.period ? { label: column.header, range: column.period } : null
}
