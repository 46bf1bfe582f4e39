import type { Kysely } from 'kysely'
import type { DB } from '../tables/index.ts'
import { publicArea, publicOrganisation } from './public.ts'

/** An area the public may know of, by its address. */
export function publicAreaBySlug(db: Kysely<DB>, slug: string) {
  return db
    .selectFrom('areas as ar')
    .select(['ar.id', 'ar.name', 'ar.slug', 'ar.kind'])
    .where('ar.slug', '=', slug)
    .where(publicArea)
    .executeTakeFirst()
}

/** An organisation the public may know of, by its address, unless it has been merged into another. */
export function publicOrganisationBySlug(db: Kysely<DB>, slug: string) {
  return db
    .selectFrom('organisations as o')
    .select(['o.id', 'o.name', 'o.slug'])
    .where('o.slug', '=', slug)
    .where('o.merged_into_id', 'is', null)
    .where(publicOrganisation)
    .executeTakeFirst()
}
