import { Readable } from 'node:stream'
import type { Request, Response } from 'express'
import { safeCsvStringifier } from '../services/open-data/csv.ts'
import { streamDownload } from './streaming.ts'

/** A column of a CSV download: its heading and how each row's cell is written. */
export interface CsvColumn<Row> {
  header: string
  value: (row: Row) => string
}

/** Sends the rows as a CSV attachment named `filename`, a column each as `columns` says, safe in a spreadsheet. */
export async function sendCsv<Row>(
  req: Request,
  res: Response,
  filename: string,
  rows: readonly Row[],
  columns: ReadonlyArray<CsvColumn<Row>>,
): Promise<void> {
  res.type('text/csv; charset=utf-8').attachment(filename)
  await streamDownload(
    req,
    res,
    Readable.from(rows.map((row) => columns.map((c) => c.value(row)))),
    safeCsvStringifier({ header: true, columns: columns.map((c) => c.header) }),
  )
}
