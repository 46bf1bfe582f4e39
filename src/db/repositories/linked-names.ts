import { sql, type Kysely } from 'kysely'
import type { DB } from '../tables/index.ts'

/** The tables that link a decision or a service to the areas or organisations it names. */
const LINKS = {
  decision_areas: { owner: 'decision_id', named: 'areas', namedId: 'area_id' },
  service_areas: { owner: 'service_id', named: 'areas', namedId: 'area_id' },
  service_providers: { owner: 'service_id', named: 'organisations', namedId: 'organisation_id' },
} as const

export type LinkTable = keyof typeof LINKS

/** An area or organisation linked to a decision or service (its owner); an area's GSS code, if it has one. */
export interface LinkedName {
  ownerId: number
  id: number
  name: string
  slug: string
  gssCode: string | null
}

/** The areas or organisations linked to each of some decisions or services, in name order. */
export async function linkedNames(
  handle: Kysely<DB>,
  table: LinkTable,
  ownerIds: readonly number[],
): Promise<LinkedName[]> {
  if (!ownerIds.length) return []
  const link = LINKS[table]
  const owner = sql.ref(`x.${link.owner}`)
  const gssCode = link.named === 'areas' ? sql`n.gss_code` : sql`null::text`
  const { rows } = await sql<LinkedName>`
    select ${owner} as "ownerId", n.id, n.name, n.slug, ${gssCode} as "gssCode"
    from ${sql.table(table)} x join ${sql.table(link.named)} n on n.id = ${sql.ref(`x.${link.namedId}`)}
    where ${owner} in (${sql.join(ownerIds)})
    order by n.name, n.id`.execute(handle)
  return rows
}

/** An area or organisation as a public record names it: its id, name and address. */
export function named({ id, name, slug }: LinkedName): { id: number; name: string; slug: string } {
  return { id, name, slug }
}
