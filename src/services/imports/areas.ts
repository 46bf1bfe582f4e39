import { sql, type Transaction } from 'kysely'
import type { DB } from '../../db/tables/index.ts'
import { slugify } from '../../domain/slug.ts'
import { POLICE_AREAS } from '../../extract/places.ts'

const FORCE_AREAS = new Set(POLICE_AREAS.map((name) => name.toLowerCase()))

/** The areas named, by name ignoring case; a place the register does not know yet is added. */
export async function areaIdsFor(names: readonly string[], trx: Transaction<DB>): Promise<number[]> {
  const ids: number[] = []
  for (const raw of names) {
    const name = raw.replace(/\s+/g, ' ').trim()
    if (!name) continue
    const known = await trx
      .selectFrom('areas')
      .select('id')
      .where(sql<string>`lower(name)`, '=', name.toLowerCase())
      .executeTakeFirst()
    const id = known?.id ?? (await addArea(name, trx))
    if (!ids.includes(id)) ids.push(id)
  }
  return ids
}

async function addArea(name: string, trx: Transaction<DB>): Promise<number> {
  const base = slugify(name) || 'area'
  const taken = new Set(
    (
      await trx
        .selectFrom('areas')
        .select('slug')
        .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
        .execute()
    ).map((r) => r.slug),
  )
  let slug = base
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
  const kind = FORCE_AREAS.has(name.toLowerCase()) ? 'force_area' : 'other'
  const { id } = await trx.insertInto('areas').values({ name, slug, kind }).returning('id').executeTakeFirstOrThrow()
  return id
}
