import { stringify, type Options, type Stringifier } from 'csv-stringify'
import { neutraliseCsvCell } from '../../domain/csv-safe.ts'

/**
 * Every CSV the register writes goes through this: it starts with a UTF-8 byte-order mark (so a spreadsheet reads
 * "Women’s Aid" as written) and text cells that a spreadsheet would run as a formula are neutralised.
 */
export function safeCsvStringifier(options: Options = {}): Stringifier {
  return stringify({ bom: true, ...options, cast: { ...options.cast, string: (value) => neutraliseCsvCell(value) } })
}
