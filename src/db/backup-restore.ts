import { timingSafeEqual } from 'node:crypto'
import type { Readable } from 'node:stream'
import { sql, type Transaction } from 'kysely'
import type { Database } from './database.ts'
import { backupCatalog, ident, type BackupTable } from './backup-catalog.ts'
import { BACKUP_FORMAT, BACKUP_VERSION, backupSignature, type BackupManifest, type BackupSummary } from './backup.ts'
import type { DB } from './tables/index.ts'
import { withTablesLoadedInBulk } from './bulk-load.ts'
import { BackupLines, RestoreError, type Row } from './backup-lines.ts'

export { RestoreError }

/** Tables whose rows make a register: any of them holding a row means the database is in use. */
const RECORD_TABLES = ['organisations', 'decisions', 'users', 'foi_requests', 'documents', 'audit_log']
const BATCH_ROWS = 500
const BATCH_CHARS = 8 * 1024 * 1024

/**
 * Loads a backup into an empty, migrated database in one transaction: every table in the backup's order,
 * ids kept (OVERRIDING SYSTEM VALUE), the database's own triggers held off so derived tables come back as they
 * were, self-references filled in last, identity sequences moved past the highest id. Refuses a database
 * that holds records, a backup made at other migrations, a backup that stops short, and one whose SHA-256
 * manifest or signature (HMAC-SHA256 with the signing key) does not match what it holds: the transaction is
 * then rolled back, so nothing is written.
 */
export async function restoreBackup(database: Database, input: Readable, signingKey: string): Promise<BackupSummary> {
  const lines = new BackupLines(input)
  const header = await lines.next()
  if (!header || header['@'] !== 'header' || header.format !== BACKUP_FORMAT)
    throw new RestoreError('This is not a Commissioning Register backup file')
  if (header.version !== BACKUP_VERSION)
    throw new RestoreError(
      `This backup is format version ${String(header.version)}; this version of the register reads version ${BACKUP_VERSION}`,
    )

  return database.transaction(async (trx) => {
    await sql`set local timezone = 'UTC'`.execute(trx)
    await checkMigrations(trx, header.migrations as string[])
    await checkEmpty(trx)
    const catalog = new Map((await backupCatalog(trx)).map((t) => [t.name, t]))
    // Rows a migration made (a summary row, say) go: the backup brings its own.
    for (const table of [...catalog.values()].reverse()) {
      await sql`alter table ${ident(table.name)} disable trigger user`.execute(trx)
      await sql`delete from ${ident(table.name)}`.execute(trx)
    }
    // Indexes are built and foreign keys checked once, after every row is in.
    const { tables, total } = await withTablesLoadedInBulk(trx, [...catalog.keys()], () =>
      restoreTables(trx, catalog, lines, signingKey),
    )
    for (const table of catalog.values()) {
      await sql`alter table ${ident(table.name)} enable trigger user`.execute(trx)
      for (const column of table.columns.filter((c) => c.identity)) {
        await sql`select setval(pg_get_serial_sequence(${table.name}, ${column.name}), coalesce((select max(${ident(column.name)}) from ${ident(table.name)}), 1), (select count(*) > 0 from ${ident(table.name)}))`.execute(
          trx,
        )
      }
    }
    const views = await sql<{
      name: string
    }>`select matviewname as name from pg_matviews where schemaname = 'public'`.execute(trx)
    for (const view of views.rows) await sql`refresh materialized view ${ident(view.name)}`.execute(trx)
    return { tables, rows: total }
  })
}

/** Every table's rows up to the closing line, whose counts and signed manifest must match what was read. */
async function restoreTables(
  trx: Transaction<DB>,
  catalog: Map<string, BackupTable>,
  lines: BackupLines,
  signingKey: string,
): Promise<{ tables: number; total: number }> {
  const later: Array<{ table: BackupTable; rows: Row[] }> = []
  let tables = 0
  let total = 0
  for (;;) {
    const line = await lines.next()
    if (!line) throw new RestoreError('The backup file stops short: it has no closing line, so nothing was restored')
    if (line['@'] === 'complete') {
      if (line.rows !== total || line.tables !== tables)
        throw new RestoreError('The backup file does not add up: nothing was restored')
      checkManifest(line, lines.digest(), lines.tableHashes, signingKey)
      break
    }
    if (line['@'] !== 'table')
      throw new RestoreError('The backup file is damaged: a table does not start where expected')
    const table = catalog.get(String(line.name))
    if (!table) throw new RestoreError(`The backup holds a table this database does not have: ${String(line.name)}`)
    const { count, deferredRows } = await restoreTable(trx, table, lines)
    if (deferredRows.length) later.push({ table, rows: deferredRows })
    tables++
    total += count
  }
  for (const { table, rows } of later) await fillDeferred(trx, table, rows)
  return { tables, total }
}

/** One table's rows, inserted in batches; the columns that refer to the table itself are kept to fill in last. */
async function restoreTable(
  trx: Transaction<DB>,
  table: BackupTable,
  lines: BackupLines,
): Promise<{ count: number; deferredRows: Row[] }> {
  const deferredRows: Row[] = []
  let batch: Row[] = []
  let chars = 0
  let count = 0
  for (;;) {
    const row = await lines.next()
    if (!row) throw new RestoreError(`The backup file stops short inside table ${table.name}: nothing was restored`)
    if (row['@'] === 'end') {
      if (row.rows !== count + batch.length)
        throw new RestoreError(`Table ${table.name} in the backup is missing rows: nothing was restored`)
      break
    }
    if (table.deferred.some((c) => row[c] !== null && row[c] !== undefined))
      deferredRows.push(pick(row, [...table.key, ...table.deferred]))
    batch.push(row)
    chars += JSON.stringify(row).length
    if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) {
      await insertRows(trx, table, batch)
      count += batch.length
      batch = []
      chars = 0
    }
  }
  await insertRows(trx, table, batch)
  return { count: count + batch.length, deferredRows }
}

function checkManifest(closing: Row, sha256: string, tables: BackupManifest['tables'], signingKey: string): void {
  const manifest = closing.manifest as BackupManifest | undefined
  if (!manifest || typeof closing.signature !== 'string')
    throw new RestoreError('The backup file has no signed manifest: nothing was restored')
  const expected = Buffer.from(
    backupSignature(signingKey, { tables: Number(closing.tables), rows: Number(closing.rows), manifest }),
    'hex',
  )
  const given = Buffer.from(closing.signature, 'hex')
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new RestoreError(
      "The backup file's signature does not match: it was changed after it was written, or signed with another BACKUP_SIGNING_KEY. Nothing was restored",
    )
  }
  const changed = Object.entries(tables)
    .filter(([name, t]) => manifest.tables[name]?.sha256 !== t.sha256 || manifest.tables[name]?.rows !== t.rows)
    .map(([name]) => name)
  if (
    manifest.sha256 !== sha256 ||
    changed.length ||
    Object.keys(manifest.tables).length !== Object.keys(tables).length
  ) {
    throw new RestoreError(
      `The backup file does not match its manifest${changed.length ? ` (tables ${changed.join(', ')})` : ''}: it was changed after it was written. Nothing was restored`,
    )
  }
}

function pick(row: Row, columns: string[]): Row {
  return Object.fromEntries(columns.map((c) => [c, row[c]]))
}

async function insertRows(trx: Transaction<DB>, table: BackupTable, rows: Row[]): Promise<void> {
  if (!rows.length) return
  const deferred = new Set(table.deferred)
  const names = sql.join(table.columns.map((c) => ident(c.name)))
  const values = sql.join(
    table.columns.map((c) => {
      if (deferred.has(c.name)) return sql`null`
      if (c.bytea) return sql`decode(j ->> ${c.name}, 'base64')`
      return sql`r.${ident(c.name)}`
    }),
  )
  await sql`insert into ${ident(table.name)} (${names}) overriding system value
    select ${values} from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) j cross join lateral jsonb_populate_record(null::${ident(table.name)}, j) r`.execute(
    trx,
  )
}

async function fillDeferred(trx: Transaction<DB>, table: BackupTable, rows: Row[]): Promise<void> {
  if (!table.key.length)
    throw new RestoreError(`Table ${table.name} refers to itself but has no primary key to restore by`)
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    const slice = JSON.stringify(rows.slice(i, i + BATCH_ROWS))
    const set = sql.join(table.deferred.map((c) => sql`${ident(c)} = r.${ident(c)}`))
    const match = sql.join(
      table.key.map((k) => sql`t.${ident(k)} = r.${ident(k)}`),
      sql` and `,
    )
    await sql`update ${ident(table.name)} t set ${set} from jsonb_populate_recordset(null::${ident(table.name)}, ${slice}::jsonb) r where ${match}`.execute(
      trx,
    )
  }
}

async function checkMigrations(trx: Transaction<DB>, backupMigrations: string[]): Promise<void> {
  const applied = (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(trx)).rows.map(
    (r) => r.name,
  )
  const unknown = backupMigrations.filter((m) => !applied.includes(m))
  if (unknown.length)
    throw new RestoreError(
      `The backup was made by a newer version of the register (migrations ${unknown.join(', ')}): upgrade this one first`,
    )
  const missing = applied.filter((m) => !backupMigrations.includes(m))
  if (missing.length)
    throw new RestoreError(
      `The backup was made by an older version of the register (it lacks migrations ${missing.join(', ')}): restore it with that version, then upgrade`,
    )
}

async function checkEmpty(trx: Transaction<DB>): Promise<void> {
  for (const table of RECORD_TABLES) {
    const row = await sql<{ any: boolean }>`select exists (select 1 from ${ident(table)}) as any`.execute(trx)
    if (row.rows[0]?.any)
      throw new RestoreError(`The database already holds records (${table}): restore only into an empty database`)
  }
}
