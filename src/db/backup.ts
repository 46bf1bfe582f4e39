import { createHash, createHmac } from 'node:crypto'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { sql } from 'kysely'
import type { Database } from './database.ts'
import { backupCatalog, ident, type BackupTable } from './backup-catalog.ts'

export const BACKUP_FORMAT = 'commissioning-register-backup'
export const BACKUP_VERSION = 2
const FETCH_ROWS = 500

export interface BackupSummary {
  tables: number
  rows: number
}

/** What the closing line vouches for: the SHA-256 of every line before it, and of each table's lines, with their counts. */
export interface BackupManifest {
  sha256: string
  tables: Record<string, { rows: number; sha256: string }>
}

/** HMAC-SHA256, with the configured key, of the closing line's counts and manifest: only a holder of the key can make a backup restore accepts. */
export function backupSignature(
  key: string,
  totals: { tables: number; rows: number; manifest: BackupManifest },
): string {
  return createHmac('sha256', key)
    .update(JSON.stringify({ tables: totals.tables, rows: totals.rows, manifest: totals.manifest }))
    .digest('hex')
}

/**
 * Writes the whole register as JSON lines: a header naming the migrations it was made at, then each table in
 * foreign-key order (a line opening it, one line per row, a line closing it with its count), then a closing
 * line. One consistent snapshot, read through a cursor, so memory stays flat. Values keep PostgreSQL's own
 * text forms (timestamps to the microsecond); bytea is base64. The closing line carries a SHA-256 manifest of
 * everything before it, signed with the signing key (HMAC-SHA256).
 */
export async function writeBackup(database: Database, out: Writable, signingKey: string): Promise<BackupSummary> {
  const whole = createHash('sha256')
  let tableHash = createHash('sha256')
  const put = async (value: unknown, hashed = true) => {
    const line = `${JSON.stringify(value)}\n`
    if (hashed) {
      whole.update(line)
      tableHash.update(line)
    }
    if (!out.write(line)) await once(out, 'drain')
  }
  const manifest: BackupManifest = { sha256: '', tables: {} }
  return database.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await sql`set transaction read only`.execute(trx)
      await sql`set local timezone = 'UTC'`.execute(trx)
      const migrations = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(trx)
      const catalog = await backupCatalog(trx)
      await put({
        '@': 'header',
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        engine: database.engine,
        migrations: migrations.rows.map((m) => m.name),
      })
      let total = 0
      for (const table of catalog) {
        tableHash = createHash('sha256')
        await put({ '@': 'table', name: table.name, columns: table.columns.map((c) => c.name) })
        await sql`declare backup_rows no scroll cursor for ${rowsQuery(table)}`.execute(trx)
        let count = 0
        for (;;) {
          const batch = await sql<{
            row: Record<string, unknown>
          }>`fetch ${sql.lit(FETCH_ROWS)} from backup_rows`.execute(trx)
          for (const { row } of batch.rows) await put(row)
          count += batch.rows.length
          if (batch.rows.length < FETCH_ROWS) break
        }
        await sql`close backup_rows`.execute(trx)
        await put({ '@': 'end', name: table.name, rows: count })
        manifest.tables[table.name] = { rows: count, sha256: tableHash.digest('hex') }
        total += count
      }
      manifest.sha256 = whole.digest('hex')
      const totals = { tables: catalog.length, rows: total, manifest }
      await put({ '@': 'complete', ...totals, signature: backupSignature(signingKey, totals) }, false)
      return { tables: catalog.length, rows: total }
    })
}

function rowsQuery(table: BackupTable) {
  const fields = table.columns.map(
    (c) =>
      sql`${sql.lit(c.name)}::text, ${c.bytea ? sql`encode(t.${ident(c.name)}, 'base64')` : sql`t.${ident(c.name)}`}`,
  )
  // json_build_object takes at most 100 arguments: build the row in slices of 50 columns and merge them.
  const slices = []
  for (let i = 0; i < fields.length; i += 50) slices.push(sql`jsonb_build_object(${sql.join(fields.slice(i, i + 50))})`)
  const order = table.key.length ? sql.join(table.key.map((k) => sql`t.${ident(k)}`)) : sql`t.ctid`
  return sql`select ${sql.join(slices, sql` || `)} as row from ${ident(table.name)} t order by ${order}`
}
