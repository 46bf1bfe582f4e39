import { sql, type Transaction } from 'kysely'
import type { DB } from './tables/index.ts'

interface IndexDefinition {
  name: string
  definition: string
}

interface ForeignKeyDefinition {
  tableName: string
  name: string
  definition: string
}

/**
 * Runs bulk work on tables without their secondary indexes and foreign keys, then builds each index once and
 * checks each foreign key once over all the rows, as a database restore does: building an index over a million
 * rows at once is many times cheaper than keeping it up to date row by row, and one check of a key costs one
 * join instead of a lookup per row. Primary and unique keys stay, so duplicates are still refused during the
 * work; a row that breaks a foreign key makes the whole transaction fail when the key is added back.
 * The tables are analysed after the work. Dropping an index locks its table until the transaction ends, so this is
 * for loading, not for a live register.
 */
export async function withTablesLoadedInBulk<T>(
  trx: Transaction<DB>,
  tables: readonly string[],
  work: () => Promise<T>,
): Promise<T> {
  const keys = await foreignKeys(trx, tables)
  const indexes = await secondaryIndexes(trx, tables)
  for (const key of keys)
    await sql`alter table ${sql.id(key.tableName)} drop constraint ${sql.id(key.name)}`.execute(trx)
  for (const index of indexes) await sql`drop index ${sql.id(index.name)}`.execute(trx)
  const result = await work()
  for (const index of indexes) await sql.raw(index.definition).execute(trx)
  for (const key of keys)
    await sql`alter table ${sql.id(key.tableName)} add constraint ${sql.id(key.name)} ${sql.raw(key.definition)}`.execute(
      trx,
    )
  // The planner's figures for the tables are stale after a bulk load, and the embedded engine has no autovacuum.
  for (const table of tables) await sql`analyze ${sql.id(table)}`.execute(trx)
  return result
}

async function secondaryIndexes(trx: Transaction<DB>, tables: readonly string[]): Promise<IndexDefinition[]> {
  if (!tables.length) return []
  const { rows } = await sql<IndexDefinition>`
    select i.relname as name, pg_get_indexdef(i.oid) as definition
    from pg_index x
    join pg_class i on i.oid = x.indexrelid
    join pg_class t on t.oid = x.indrelid
    where t.relnamespace = current_schema()::regnamespace
      and t.relname in (${sql.join(tables)})
      and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
    order by t.relname, i.relname`.execute(trx)
  return rows
}

/** Foreign keys held by the tables; keys that point at them from elsewhere are left alone. */
async function foreignKeys(trx: Transaction<DB>, tables: readonly string[]): Promise<ForeignKeyDefinition[]> {
  if (!tables.length) return []
  const { rows } = await sql<ForeignKeyDefinition>`
    select t.relname as "tableName", c.conname as name, pg_get_constraintdef(c.oid) as definition
    from pg_constraint c
    join pg_class t on t.oid = c.conrelid
    where c.contype = 'f'
      and t.relnamespace = current_schema()::regnamespace
      and t.relname in (${sql.join(tables)})
    order by t.relname, c.conname`.execute(trx)
  return rows
}
