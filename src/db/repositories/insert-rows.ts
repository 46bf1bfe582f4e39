import type { InsertObject, Kysely, Transaction } from 'kysely'
import type { DB } from '../tables/index.ts'

/** Inserts a record's rows into one of its part tables; nothing at all when it has none of them. */
export async function insertRows<T extends keyof DB & string>(
  handle: Kysely<DB> | Transaction<DB>,
  table: T,
  rows: readonly InsertObject<DB, T>[],
): Promise<void> {
  if (rows.length) await handle.insertInto(table).values(rows).execute()
}
