import { sql, type Kysely, type Transaction } from 'kysely'
import type { DB } from './tables/index.ts'

type Handle = Kysely<DB> | Transaction<DB>

export interface BackupColumn {
  name: string
  type: string
  identity: boolean
  bytea: boolean
}

export interface BackupTable {
  name: string
  columns: BackupColumn[]
  /** Foreign-key columns filled in after every table is loaded: they point at the table itself or close a cycle. */
  deferred: string[]
  /** Columns that name a row uniquely (the primary key), to fill in deferred columns. */
  key: string[]
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`
export const ident = (name: string) => sql.raw(quote(name))

/**
 * Every table of the register in an order that satisfies its foreign keys (the migrator's own bookkeeping
 * left out), with the columns a backup holds: generated columns are rebuilt by the database instead.
 */
export async function backupCatalog(db: Handle): Promise<BackupTable[]> {
  const tables = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname not like 'kysely\\_%' order by c.relname`.execute(
    db,
  )
  const columns = await sql<{ table: string; name: string; type: string; identity: string; generated: string }>`
    select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type, a.attidentity as identity, a.attgenerated as generated
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped order by c.relname, a.attnum`.execute(
    db,
  )
  const keys = await sql<{ table: string; ref: string; columns: string[]; kind: string }>`
    select c.relname as table, coalesce(r.relname, '') as ref, k.contype as kind,
      array(select a.attname::text from unnest(k.conkey) with ordinality u(n, i) join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i) as columns
    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace left join pg_class r on r.oid = k.confrelid
    where n.nspname = 'public' and k.contype in ('f', 'p')`.execute(db)

  const names = tables.rows.map((t) => t.name)
  const foreign = keys.rows.filter((k) => k.kind === 'f' && names.includes(k.ref))
  const order: string[] = []
  const deferred = new Map<string, string[]>(names.map((n) => [n, []]))
  const pending = new Set(names)
  while (pending.size) {
    const ready = [...pending].filter((t) => foreign.every((f) => f.table !== t || f.ref === t || !pending.has(f.ref)))
    const next = ready.length ? ready : [[...pending].sort()[0]!]
    for (const table of next) {
      for (const f of foreign.filter((f) => f.table === table && (f.ref === table || pending.has(f.ref))))
        deferred.get(table)!.push(...f.columns)
      pending.delete(table)
      order.push(table)
    }
  }
  return order.map((name) => ({
    name,
    columns: columns.rows
      .filter((c) => c.table === name && c.generated === '')
      .map((c) => ({ name: c.name, type: c.type, identity: c.identity !== '', bytea: c.type === 'bytea' })),
    deferred: [...new Set(deferred.get(name))],
    key: keys.rows.find((k) => k.table === name && k.kind === 'p')?.columns ?? [],
  }))
}
