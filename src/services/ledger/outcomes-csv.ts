/** Reading outcome returns from a CSV of quarter,measure,value rows. */
import { parse } from 'csv-parse/sync'
import { measureFromText, measureNamesText, parseCount, parseQuarter, personalDataIn } from '../../domain/outcomes.ts'
import { FormError } from '../shared/form-error.ts'

export const CSV_COLUMNS = ['quarter', 'measure', 'value'] as const
const MAX_ERRORS_SHOWN = 5

export interface OutcomeValue {
  quarterStart: string
  measure: string
  value: number
}

type ColumnPositions = Record<(typeof CSV_COLUMNS)[number], number>

/**
 * The counts of a CSV of quarter,measure,value rows. All or nothing: any wrong column, unreadable quarter, bad
 * number or personal data throws FormError naming the lines.
 */
export function outcomeValuesFromCsv(csv: string): OutcomeValue[] {
  const records = csvRecords(csv)
  if (records.length === 0)
    throw new FormError({
      file: 'The file is empty: it needs a header line quarter,measure,value and one line per count',
    })
  const header = records[0]!.map((h) => h.toLowerCase())
  const at = columnPositions(header)
  const problems: string[] = []
  const values: OutcomeValue[] = []
  const seen = new Set<string>()
  records.slice(1).forEach((record, index) => {
    const line = index + 2
    if (record.length !== header.length)
      return void problems.push(`Line ${line}: has ${record.length} values, expected ${header.length}`)
    const [quarterText, measureText, valueText] = [record[at.quarter]!, record[at.measure]!, record[at.value]!]
    const quarter = parseQuarter(quarterText)
    if (!quarter)
      return void problems.push(`Line ${line}: quarter “${quarterText}” is not a quarter like 2024/25 Q1 or 2024-04-01`)
    const known = measureFromText(measureText)
    if (!known) {
      const personalMeasure = personalDataIn(measureText)
      return void problems.push(
        `Line ${line}: measure “${measureText}” ${personalMeasure ? `looks like ${personalMeasure}` : `is not one of the measures: ${measureNamesText()}`}`,
      )
    }
    const measure: string = known
    const value = parseCount(valueText)
    if (value === null) {
      const personal = personalDataIn(valueText)
      return void problems.push(
        `Line ${line}: value “${valueText}” ${personal ? `looks like ${personal}; returns hold counts only` : 'is not a whole number, 0 or more'}`,
      )
    }
    const key = `${quarter}|${measure}`
    if (seen.has(key)) return void problems.push(`Line ${line}: ${measure} for this quarter appears twice`)
    seen.add(key)
    values.push({ quarterStart: quarter, measure, value })
  })
  if (problems.length) {
    const shown = problems.slice(0, MAX_ERRORS_SHOWN).join('; ')
    const more = problems.length > MAX_ERRORS_SHOWN ? `; and ${problems.length - MAX_ERRORS_SHOWN} more` : ''
    throw new FormError({ file: `Nothing was stored. ${shown}${more}` })
  }
  if (values.length === 0) throw new FormError({ file: 'The file has a header but no counts' })
  return values
}

/** The file's rows, or a FormError naming the line the CSV could not be read at. */
function csvRecords(csv: string): string[][] {
  try {
    return parse(csv.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][]
  } catch (error) {
    const line = (error as { lines?: number }).lines
    throw new FormError({
      file: `${line ? `Line ${line}: ` : ''}the file is not readable CSV (${(error as Error).message.split(/[,:]/)[0]})`,
    })
  }
}

/** Where each column is: refused when a column is unknown (naming what looks like personal data) or missing. */
function columnPositions(header: string[]): ColumnPositions {
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h))
  if (unknown.length) {
    const personal = unknown.map((h) => personalDataIn(h)).find(Boolean)
    throw new FormError({
      file: `Line 1: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((h) => `“${h}”`).join(', ')}${personal ? ` (looks like ${personal}: returns hold counts only)` : ''}. The columns must be ${CSV_COLUMNS.join(', ')}.`,
    })
  }
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c))
  if (missing.length)
    throw new FormError({
      file: `Line 1: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}. The columns must be ${CSV_COLUMNS.join(', ')}.`,
    })
  return Object.fromEntries(CSV_COLUMNS.map((c) => [c, header.indexOf(c)])) as ColumnPositions
}
