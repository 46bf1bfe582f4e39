import { createHash, type Hash } from 'node:crypto'
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import type { BackupManifest } from './backup.ts'

export class RestoreError extends Error {}

export type Row = Record<string, unknown>

/**
 * A backup file read a line at a time, each line a JSON row. As it reads, it hashes every line but the closing
 * one, for the whole file and for each table, so the closing manifest can be checked against what was read.
 */
export class BackupLines {
  private readonly lines: AsyncIterator<string>
  private readonly whole = createHash('sha256')
  private table: Hash = createHash('sha256')
  readonly tableHashes: BackupManifest['tables'] = {}

  constructor(input: Readable) {
    this.lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]()
  }

  /** The next row, or null at the end of the file. */
  async next(): Promise<Row | null> {
    const { value, done } = await this.lines.next()
    if (done) return null
    try {
      const row = JSON.parse(value) as Row
      if (row['@'] !== 'complete') this.hash(row, value)
      return row
    } catch {
      throw new RestoreError('The backup file is damaged: a line is not JSON')
    }
  }

  /** The SHA-256 of every line read before the closing one. */
  digest(): string {
    return this.whole.digest('hex')
  }

  private hash(row: Row, line: string): void {
    if (row['@'] === 'table') this.table = createHash('sha256')
    this.whole.update(`${line}\n`)
    this.table.update(`${line}\n`)
    if (row['@'] === 'end')
      this.tableHashes[String(row.name)] = { rows: Number(row.rows), sha256: this.table.digest('hex') }
  }
}
