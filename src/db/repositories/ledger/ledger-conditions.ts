import { sql, type RawBuilder } from 'kysely'
import type { LedgerFilter, LedgerSort } from './ledger-types.ts'

/** A column is one of a list of offices (an empty list matches nothing). */
export function inOffices(column: RawBuilder<unknown>, offices: readonly number[]): RawBuilder<boolean> {
  return offices.length ? sql<boolean>`${column} in (${sql.join(offices)})` : sql<boolean>`false`
}

export const SORT_COLUMNS: Record<LedgerSort, string> = {
  date: 'decided_on',
  provider: 'recipient_name',
  amount: 'amount_pence',
  year: 'period_sort',
  stream: 'stream_name',
  route: 'route',
  lead: 'lead_name',
  service: 'service_name',
}

export const FIXED_BY: Partial<Record<LedgerSort, (filter: LedgerFilter) => boolean>> = {
  provider: (f) => f.providerId !== undefined,
  stream: (f) => f.streamId !== undefined,
  lead: (f) => f.leadId !== undefined,
  route: (f) => f.route !== undefined,
  service: (f) => f.serviceId !== undefined,
}

export const ONE_OFF = sql`not e.per_annum and not e.up_to`

/** The conditions of a filter over ledger rows named `e`. The year is not among them: it chooses the table. */
export function conditions(filter: LedgerFilter): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [sql`true`]
  if (filter.providerId !== undefined) parts.push(sql`e.recipient_id = ${filter.providerId}`)
  if (filter.streamId !== undefined) parts.push(sql`e.stream_id = ${filter.streamId}`)
  if (filter.route !== undefined) parts.push(sql`e.route = ${filter.route}`)
  if (filter.serviceType !== undefined) parts.push(sql`e.service_type = ${filter.serviceType}`)
  if (filter.serviceId !== undefined) parts.push(sql`e.service_id = ${filter.serviceId}`)
  if (filter.officeId !== undefined) parts.push(sql`e.office_id = ${filter.officeId}`)
  if (filter.leadId !== undefined) parts.push(sql`e.lead_id = ${filter.leadId}`)
  if (filter.offices !== undefined) parts.push(inOffices(sql`e.office_id`, filter.offices))
  if (filter.areaId !== undefined) parts.push(sql`e.area_ids @> array[${filter.areaId}]::bigint[]`)
  return sql<boolean>`${sql.join(parts, sql` and `)}`
}

/** The running-total row that answers a filter naming at most one thing besides the year, or null. */
export function cubeKey(filter: LedgerFilter): { dim: string; value: string } | null {
  const named: Array<[string, string | number | undefined]> = [
    ['recipient', filter.providerId],
    ['stream', filter.streamId],
    ['lead', filter.leadId],
    ['route', filter.route],
    ['service_type', filter.serviceType],
    ['office', filter.officeId],
    ['office', filter.offices === undefined ? undefined : filter.offices.length === 1 ? filter.offices[0] : 'many'],
    ['service', filter.serviceId],
    ['area', filter.areaId],
  ]
  const set = named.filter(([, value]) => value !== undefined)
  if (set.some(([, value]) => value === 'many')) return null
  if (set.length === 0) return { dim: '', value: '' }
  return set.length === 1 ? { dim: set[0]![0], value: String(set[0]![1]) } : null
}

/** The rows of the filter: one per award, or one per award touching the filter's year (with its share). */
export function source(filter: LedgerFilter): RawBuilder<unknown> {
  const table = (name: 'ledger_awards' | 'ledger_years') =>
    // The planner cannot estimate array containment; fenced, the area's rows come from the GIN index first.
    filter.areaId === undefined
      ? sql.table(name)
      : sql`(select * from ${sql.table(name)} where area_ids @> array[${filter.areaId}]::bigint[] offset 0)`
  return filter.year === undefined
    ? sql`(select e.*, null::bigint as pence from ${table('ledger_awards')} e where ${conditions(filter)})`
    : sql`(select e.* from ${table('ledger_years')} e where e.financial_year = ${filter.year} and ${conditions(filter)})`
}

/**
 * The distinct values of an indexed ledger_awards column, as a recursive CTE body yielding `v`: one index
 * probe per value (a loose index scan) instead of reading every row.
 */
export function distinctValues(column: 'recipient_id' | 'lead_id') {
  const c = sql.ref(column)
  return sql`(select ${c} as v from ledger_awards where ${c} is not null order by ${c} limit 1)
    union all
    select (select l.${c} from ledger_awards l where l.${c} > ids.v order by l.${c} limit 1) from ids where ids.v is not null`
}
