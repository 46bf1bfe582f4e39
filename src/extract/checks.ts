/** Findings about money: stated totals against their parts and unreadable figures (time is in date-checks.ts). */
import { finding, type Finding } from '../domain/finding-codes.ts'
import type { AmountReading } from '../domain/document-amount.ts'
import { formatPence } from '../domain/money.ts'
import { findAmounts } from './amounts.ts'
import type { Doc } from './document.ts'
import { cellPeriod, type AmountCell, type Row, type Table } from './tables.ts'
import type { AwardDraft, ContributionDraft } from './types.ts'
import type { TotalHit } from './total.ts'

const money = formatPence

function quoted(text: string): string {
  return `"${text.replace(/\s+/g, ' ').trim()}"`
}

/** Sums readable parts; a garbled part counts at its likely reading, and is named. */
function sumParts(cells: AmountCell[]): {
  sum: number
  complete: boolean
  guessed: AmountCell[]
  unknown: AmountCell[]
} {
  let sum = 0
  const guessed: AmountCell[] = []
  const unknown: AmountCell[] = []
  for (const cell of cells) {
    if (cell.reading.pence !== null) sum += cell.reading.pence
    else if (cell.reading.likely !== null) {
      sum += cell.reading.likely
      guessed.push(cell)
    } else unknown.push(cell)
  }
  return { sum, complete: unknown.length === 0, guessed, unknown }
}

function readingNote(guessed: AmountCell[]): string {
  return guessed.length
    ? ` (reading ${guessed.map((cell) => `${quoted(cell.text)} as ${money(cell.reading.likely!)}`).join(', ')})`
    : ''
}

export function checkTables(tables: Table[], reported: Set<string>): Finding[] {
  const findings: Finding[] = []
  for (const table of tables) {
    for (const { row: totalRow, parts } of table.totals) {
      for (const stated of totalRow.amounts) {
        const column = table.columns[stated.column]
        const name = column?.header ? `The ${column.header} column` : `Column ${stated.column + 1}`
        const cells = parts.flatMap((row) => row.amounts.filter((cell) => cell.column === stated.column))
        if (!cells.length) continue
        findings.push(...compare(name, cells, stated, totalRow, parts, table, reported))
      }
    }
    const totalColumn = table.columns.find((c) => c.kind === 'total')
    if (totalColumn) {
      for (const row of [...table.rows, ...table.totals.map((t) => t.row)]) {
        const stated = row.amounts.find((cell) => cell.column === totalColumn.index)
        const cells = row.amounts.filter(
          (cell) => cell.column !== totalColumn.index && table.columns[cell.column]?.kind !== 'total',
        )
        if (stated && cells.length >= 2)
          findings.push(
            ...compare(
              `The ${row.label || `row on line ${row.line.no}`} row`,
              cells,
              stated,
              row,
              [row],
              table,
              reported,
            ),
          )
      }
    }
  }
  return findings
}

function compare(
  name: string,
  cells: AmountCell[],
  stated: AmountCell,
  totalRow: Row,
  parts: Row[],
  table: Table,
  reported: Set<string>,
): Finding[] {
  const findings: Finding[] = []
  const target = stated.reading.pence
  const { sum, complete, guessed, unknown } = sumParts(cells)
  const rowOf = (cell: AmountCell): Row => parts.find((row) => row.amounts.includes(cell)) ?? totalRow
  const unclear = [...guessed, ...unknown]
  for (const cell of unclear) {
    const othersSum = unclear.length === 1 ? sumParts(cells.filter((other) => other !== cell)) : null
    const implied = target !== null && othersSum ? target - othersSum.sum : null
    const row = rowOf(cell)
    const where = `${row.label || 'a row'}${cellLabel(table, row, cell)}`
    const likely = cell.reading.likely !== null ? `; it most likely means ${money(cell.reading.likely)}` : ''
    const implies = implied !== null ? `; the stated total ${money(target!)} implies ${money(implied)}` : ''
    findings.push(
      finding(
        'unreadable_amount',
        `${quoted(cell.text)} (${where}) cannot be read as written: ${cell.reading.problem}${likely}${implies}.`,
        row.line.no,
      ),
    )
    reported.add(`${row.line.no}|${cell.text}`)
  }
  if (target === null) {
    reported.add(`${totalRow.line.no}|${stated.text}`)
    findings.push(
      finding(
        'unreadable_amount',
        `The stated total ${quoted(stated.text)} cannot be read as written: ${stated.reading.problem}; its parts add to ${money(sum)}.`,
        totalRow.line.no,
      ),
    )
    return findings
  }
  if (complete && sum !== target) {
    const difference = target - sum
    findings.push(
      finding(
        'total_mismatch',
        `${name} adds to ${money(sum)}${readingNote(guessed)} but its stated total is ${money(target)} (${difference > 0 ? 'short by' : 'over by'} ${money(Math.abs(difference))}).`,
        totalRow.line.no,
      ),
    )
  }
  return findings
}

function cellLabel(table: Table, row: Row, cell: AmountCell): string {
  const period = cellPeriod(table, row, cell)
  if (period) return `, ${period.label}`
  const header = table.columns[cell.column]?.header
  return header ? `, ${header}` : ''
}

/** A line of bare figures after the tables (totals across tables) checked against the tables' totals. */
export function checkTotalsLines(doc: Doc, tables: Table[], reported: Set<string>): Finding[] {
  const findings: Finding[] = []
  const periodTables = tables.filter(
    (t) => t.totals.length > 0 && t.columns.filter((c) => c.kind === 'period').length >= 2,
  )
  const lastTable = periodTables.at(-1)
  if (!lastTable) return findings
  const headers = (t: Table): string =>
    t.columns
      .filter((c) => c.kind === 'period')
      .map((c) => c.header)
      .join('|')
  const withTotals = periodTables.filter((t) => headers(t) === headers(lastTable))
  if (withTotals.length < 2) return findings
  for (let no = lastTable.lastLine + 1; no <= Math.min(doc.lines.length, lastTable.lastLine + 4); no++) {
    const line = doc.lines[no - 1]!
    if (line.blank) continue
    const text = line.cells.join('\t')
    if (/[a-z]{3,}/i.test(text.replace(/£/g, ''))) break
    const hits = findAmounts(text)
    const periodColumns = lastTable.columns.filter((c) => c.kind === 'period' || c.kind === 'amount')
    if (hits.length !== periodColumns.length) continue
    hits.forEach((hit, k) => {
      const column = periodColumns[k]!
      let expected = 0
      let known = true
      for (const table of withTotals) {
        const total = table.totals.at(-1)!.row.amounts.find((a) => table.columns[a.column]?.header === column.header)
        if (total?.reading.pence == null) known = false
        else expected += total.reading.pence
      }
      if (!known) return
      if (hit.reading.pence === null) {
        reported.add(`${no}|${hit.reading.raw}`)
        findings.push(
          finding(
            'unreadable_amount',
            `${quoted(hit.reading.raw)} in the totals line cannot be read as written: ${hit.reading.problem}; the tables' ${column.header} totals add to ${money(expected)}.`,
            no,
          ),
        )
      } else if (hit.reading.pence !== expected) {
        findings.push(
          finding(
            'total_mismatch',
            `The ${column.header} total across the tables is stated as ${money(hit.reading.pence)} but the tables' totals add to ${money(expected)}.`,
            no,
          ),
        )
      }
    })
    break
  }
  return findings
}

/** Every other amount that cannot be read, or is written irregularly, once per line and figure. */
export function checkAmounts(doc: Doc, reported: Set<string>): Finding[] {
  const findings: Finding[] = []
  for (const line of doc.lines) {
    if (line.blank || !/[£\d]/.test(line.text)) continue
    const readings: AmountReading[] = findAmounts(line.text).map((hit) => hit.reading)
    if (line.cells.length > 1) {
      for (const cell of line.cells) {
        if (
          /^\d[\d.,]*\d$/.test(cell) &&
          !readings.some((r) => r.raw.includes(cell)) &&
          /\d,\d{3}|\.\d{3}\.|\d,\d{4}/.test(cell)
        ) {
          const reading = findAmounts(`£${cell}`)[0]?.reading
          if (reading) readings.push({ ...reading, raw: cell })
        }
      }
    }
    for (const reading of readings) {
      const key = `${line.no}|${reading.raw}`
      if (reported.has(key) || reported.has(`${line.no}|${reading.raw.replace(/^up to\s+/i, '')}`)) continue
      reported.add(key)
      if (reading.problem) {
        const likely = reading.likely !== null ? `; it most likely means ${money(reading.likely)}` : ''
        findings.push(
          finding(
            'unreadable_amount',
            `${quoted(reading.raw)} cannot be read as written: ${reading.problem}${likely}.`,
            line.no,
          ),
        )
      } else if (reading.irregular && reading.pence !== null) {
        findings.push(
          finding(
            'irregular_amount',
            `${quoted(reading.raw)} is written with ${reading.irregular}; read as ${money(reading.pence)}.`,
            line.no,
          ),
        )
      }
    }
  }
  return findings
}

/** Awards or contributions against the total the document states. */
export function checkStatedTotal(
  total: TotalHit | null,
  awards: AwardDraft[],
  contributions: ContributionDraft[],
  tables: Table[],
): Finding[] {
  if (!total) return []
  const fromTable = tables.some((table) => total.source.line >= table.firstLine && total.source.line <= table.lastLine)
  if (fromTable) return []
  const unread = tables.some((table) =>
    table.rows.some((row) => row.amounts.some((cell) => cell.reading.pence === null && cell.reading.likely === null)),
  )
  if (unread) return []
  const findings: Finding[] = []
  const comparable = awards.filter((a) => a.perAnnum === total.perAnnum && !a.upTo)
  if (comparable.length >= 2 && comparable.length === awards.length) {
    const sum = comparable.reduce((acc, a) => acc + a.amount, 0)
    if (sum !== total.amount)
      findings.push(
        finding(
          'total_mismatch',
          `The awards add to ${money(sum)} but the document states a total of ${money(total.amount)} (${sum < total.amount ? 'short by' : 'over by'} ${money(Math.abs(total.amount - sum))}).`,
          total.source.line,
        ),
      )
  }
  const shares = contributions.filter((c) => c.perAnnum === total.perAnnum)
  if (
    !comparable.length &&
    shares.length >= 2 &&
    shares.length === contributions.length &&
    shares.every((c) => !c.upTo)
  ) {
    const sum = shares.reduce((acc, c) => acc + c.amount, 0)
    if (sum !== total.amount)
      findings.push(
        finding(
          'total_mismatch',
          `The partners' contributions add to ${money(sum)} but the document states a total of ${money(total.amount)}.`,
          total.source.line,
        ),
      )
  }
  return findings
}
