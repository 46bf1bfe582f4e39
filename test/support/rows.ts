/**
 * The queries the integration tests repeat to look at what a service or page wrote: rows of one table picked by
 * columns equal to values, and a change to such rows.
 */
import type { Kysely, Selectable, Updateable } from 'kysely'
import type { Database } from '../../src/db/database.ts'
import type { DB } from '../../src/db/tables/index.ts'

type Table = keyof DB & string
type Column<T extends Table> = keyof Selectable<DB[T]> & string
type Row<T extends Table, C extends Column<T>> = Pick<Selectable<DB[T]>, C>
/** Columns and the values they must equal (all of them). */
export type Where<T extends Table> = { [C in Column<T>]?: Selectable<DB[T]>[C] }

/** The database without its table types: the helpers below are typed by their own signatures. */
function untyped(database: Database): Kysely<Record<string, Record<string, unknown>>> {
  return database.db as unknown as Kysely<Record<string, Record<string, unknown>>>
}

function selectWhere(database: Database, table: string, columns: readonly string[], where: object) {
  let query = untyped(database).selectFrom(table).select(columns)
  for (const [column, value] of Object.entries(where)) query = query.where(column, '=', value)
  return query
}

/** `columns` of the rows of `table` matching `where`, in the order of `orderBy` when given. */
export async function rowsOf<T extends Table, C extends Column<T>>(
  database: Database,
  table: T,
  columns: readonly C[],
  where: Where<T> = {},
  orderBy?: Column<T>,
): Promise<Row<T, C>[]> {
  const query = selectWhere(database, table, columns, where)
  return (await (orderBy ? query.orderBy(orderBy) : query).execute()) as Row<T, C>[]
}

/** The rows `rowsOf` gives, each as the array of its values in the order of `columns` (to compare with a table). */
export async function tuplesOf<T extends Table, C extends Column<T>>(
  ...query: Parameters<typeof rowsOf<T, C>>
): Promise<Array<Array<Selectable<DB[T]>[C]>>> {
  const columns = query[2]
  return (await rowsOf(...query)).map((row) => columns.map((column) => row[column]))
}

/** `columns` of the one row of `table` matching `where`; throws if there is none. */
export async function rowOf<T extends Table, C extends Column<T>>(
  database: Database,
  table: T,
  columns: readonly C[],
  where: Where<T>,
): Promise<Row<T, C>> {
  return (await selectWhere(database, table, columns, where).executeTakeFirstOrThrow()) as Row<T, C>
}

/** `column` of the one row of `table` matching `where`; throws if there is none. */
export async function valueOf<T extends Table, C extends Column<T>>(
  database: Database,
  table: T,
  column: C,
  where: Where<T>,
): Promise<Selectable<DB[T]>[C]> {
  return (await rowOf(database, table, [column], where))[column]
}

/** How many rows of `table` match `where`. */
export async function countOf<T extends Table>(database: Database, table: T, where: Where<T> = {}): Promise<number> {
  let query = untyped(database)
    .selectFrom(table as string)
    .select((eb) => eb.fn.countAll<string>().as('n'))
  for (const [column, value] of Object.entries(where)) query = query.where(column, '=', value)
  return Number((await query.executeTakeFirstOrThrow()).n)
}

/** Sets `values` on the rows of `table` matching `where`. */
export async function updateRows<T extends Table>(
  database: Database,
  table: T,
  values: Updateable<DB[T]>,
  where: Where<T>,
): Promise<void> {
  let query = untyped(database)
    .updateTable(table as string)
    .set(values as Record<string, unknown>)
  for (const [column, value] of Object.entries(where)) query = query.where(column, '=', value)
  await query.execute()
}
