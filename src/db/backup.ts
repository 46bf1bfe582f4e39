import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { sql } from 'kysely'
import type { Database } from './database.ts'
import { backupCatalog, ident, type BackupTable } from './backup-catalog.ts'

export const BACKUP_FORMAT = 'commissioning-register-backup'
export const BACKUP_VERSION = 1
const FETCH_ROWS = 500

export interface BackupSummary {
  tables: number
  rows: number
}

/**
 * Writes the whole register as JSON lines: a header naming the migrations it was made at, then each table in
 * foreign-key order (a line opening it, one line per row, a line closing it with its count), then a closing
 * line. One consistent snapshot, read through a cursor, so memory stays flat. Values keep PostgreSQL's own
 * text forms (timestamps to the microsecond); bytea is base64.
 */
export async function writeBackup(database: Database, out: Writable): Promise<BackupSummary> {
  const put = async (value: unknown) => {
    if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain')
  }
  return database.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await sql`set transaction read only`.execute(trx)
      await sql`set local timezone = 'UTC'`.execute(trx)
      const migrations = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(trx)
      const catalog = await backupCatalog(trx)
      await put({ '@': 'header', format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), engine: database.engine, migrations: migrations.rows.map((m) => m.name) })
      let total = 0
      for (const table of catalog) {
        await put({ '@': 'table', name: table.name, columns: table.columns.map((c) => c.name) })
        await sql`declare backup_rows no scroll cursor for ${rowsQuery(table)}`.execute(trx)
        let count = 0
        for (;;) {
          const batch = await sql<{ row: Record<string, unknown> }>`fetch ${sql.lit(FETCH_ROWS)} from backup_rows`.execute(trx)
          for (const { row } of batch.rows) await put(row)
          count += batch.rows.length
          if (batch.rows.length < FETCH_ROWS) break
        }
        await sql`close backup_rows`.execute(trx)
        await put({ '@': 'end', name: table.name, rows: count })
        total += count
      }
      await put({ '@': 'complete', tables: catalog.length, rows: total })
      return { tables: catalog.length, rows: total }
    })
}

function rowsQuery(table: BackupTable) {
  const fields = table.columns.map((c) => sql`${sql.lit(c.name)}::text, ${c.bytea ? sql`encode(t.${ident(c.name)}, 'base64')` : sql`t.${ident(c.name)}`}`)
  // json_build_object takes at most 100 arguments: build the row in slices of 50 columns and merge them.
  const slices = []
  for (let i = 0; i < fields.length; i += 50) slices.push(sql`jsonb_build_object(${sql.join(fields.slice(i, i + 50))})`)
  const order = table.key.length ? sql.join(table.key.map((k) => sql`t.${ident(k)}`)) : sql`t.ctid`
  return sql`select ${sql.join(slices, sql` || `)} as row from ${ident(table.name)} t order by ${order}`
}
