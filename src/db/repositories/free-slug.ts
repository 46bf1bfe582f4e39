import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../tables/index.ts'

/** The tables whose rows are found by a unique slug made from their name. */
type SluggedTable = 'organisations' | 'services' | 'areas'

/** `base` when no row of `table` has it yet, else the first of `base-2`, `base-3`… that is free. */
export async function freeSlug(
  handle: Kysely<DB> | Transaction<DB>,
  table: SluggedTable,
  base: string,
): Promise<string> {
  const taken = await handle
    .selectFrom(table)
    .select('slug')
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute()
  const used = new Set(taken.map((row) => row.slug))
  if (!used.has(base)) return base
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`
}
