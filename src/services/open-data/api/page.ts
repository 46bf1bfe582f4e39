import { sql, type Kysely, type SelectQueryBuilder, type StringReference } from 'kysely'
import type { DB } from '../../../db/tables/index.ts'

/** One page of a list read in id order, and where the next page starts. */
export interface Page<T> {
  items: T[]
  /** The id to continue after, or null on the last page. */
  nextAfter: number | null
}

/** Rows fetched with limit + 1: the extra row only says that there is a next page. */
export function toPage<T extends { id: number }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit)
  return { items, nextAfter: rows.length > limit ? items[items.length - 1]!.id : null }
}

/**
 * One page of the query's rows, newest id first, continuing after `page.after`, each made into what the API
 * returns by `shape`.
 */
export async function newestFirstPage<DB, TB extends keyof DB, O extends { id: number }, T>(
  query: SelectQueryBuilder<DB, TB, O>,
  id: StringReference<DB, TB>,
  page: PageRequest,
  shape: (rows: O[]) => T[] | Promise<T[]>,
): Promise<Page<T>> {
  if (page.after) query = query.where(sql<boolean>`${sql.ref(id)} < ${page.after}`)
  const rows = await query
    .orderBy(id, 'desc')
    .limit(page.limit + 1)
    .execute()
  const { items, nextAfter } = toPage(rows, page.limit)
  return { items: await shape(items), nextAfter }
}

/** The item of the query's rows with this id (undefined when the query does not hold it), made by `shape`. */
export async function findById<DB, TB extends keyof DB, O extends { id: number }, T>(
  query: SelectQueryBuilder<DB, TB, O>,
  id: StringReference<DB, TB>,
  value: number,
  shape: (rows: O[]) => T[] | Promise<T[]>,
): Promise<T | undefined> {
  const rows = await query.where(sql<boolean>`${sql.ref(id)} = ${value}`).execute()
  return (await shape(rows))[0]
}

/** A row of the query a function builds, e.g. `RowOf<typeof serviceRows>`. */
export type RowOf<Build extends (...args: never[]) => { execute(): Promise<unknown[]> }> = Awaited<
  ReturnType<ReturnType<Build>['execute']>
>[number]

export interface PageRequest {
  /** Continue after this id (ids run newest first). */
  after?: number
  limit: number
}

/** An id or a slug, as given in a filter: "12" or "juno-womens-aid". */
export type IdOrSlug = { id: number } | { slug: string }

export function idOrSlug(value: string): IdOrSlug {
  return /^\d+$/.test(value) ? { id: Number(value) } : { slug: value }
}

type NamedTable = 'areas' | 'organisations' | 'funding_streams'

/**
 * The ids that id-or-slug filters name, each undefined where its filter is not given; null when a slug names
 * nothing, so that no row can match.
 */
export async function idsNamed<K extends string>(
  db: Kysely<DB>,
  filters: Record<K, [NamedTable, IdOrSlug | undefined]>,
): Promise<Record<K, number | undefined> | null> {
  const entries = Object.entries(filters) as Array<[K, [NamedTable, IdOrSlug | undefined]]>
  const ids = await Promise.all(entries.map(([, [table, value]]) => idNamed(db, table, value)))
  if (ids.includes(null)) return null
  return Object.fromEntries(entries.map(([key], i) => [key, ids[i]])) as Record<K, number | undefined>
}

async function idNamed(
  db: Kysely<DB>,
  table: NamedTable,
  value: IdOrSlug | undefined,
): Promise<number | null | undefined> {
  if (!value) return undefined
  if ('id' in value) return value.id
  const row = await db.selectFrom(table).select('id').where('slug', '=', value.slug).executeTakeFirst()
  return row?.id ?? null
}

/** The page of a filter whose slug names nothing. */
export const EMPTY_PAGE: Page<never> = { items: [], nextAfter: null }
