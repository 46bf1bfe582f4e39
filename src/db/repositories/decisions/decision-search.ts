import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { DB } from '../../tables/index.ts'
import { publicArea, publicOrganisation, publicService } from '../public.ts'

/**
 * A listed decision `d` that the words find: in its reference, title and public text (stemmed, so "refuges"
 * finds "refuge"), in its reference with the punctuation ignored ("PCC036" finds PCC036/18), or in the public
 * names around it: the recipients and purposes of its public awards, its areas, and the services it commissions
 * or contributes to. Nothing of a confidential decision is searched but its reference and title.
 */
export function matchesWords(words: string, referenceFragment: string | null): RawBuilder<boolean> {
  const query = sql`websearch_to_tsquery('english', ${words})`
  const open = sql`d.classification <> 'confidential'`
  const reference =
    referenceFragment === null
      ? sql`false`
      : sql`regexp_replace(lower(coalesce(d.reference, '')), '[^a-z0-9]', '', 'g') like ${`%${referenceFragment}%`}`
  return sql<boolean>`(d.search @@ ${query}
    or ${reference}
    or (${open} and exists (select 1 from awards a where a.decision_id = d.id and not a.withheld
      and to_tsvector('english', a.recipient_name || ' ' || coalesce(a.purpose, '')) @@ ${query}))
    or (${open} and exists (select 1 from decision_areas x join areas ar on ar.id = x.area_id where x.decision_id = d.id
      and to_tsvector('english', ar.name) @@ ${query}))
    or (${open} and exists (select 1 from services s where (s.decision_id = d.id
        or s.id in (select a.service_id from awards a where a.decision_id = d.id and not a.withheld)
        or s.id in (select c.service_id from contributions c where c.decision_id = d.id))
      and to_tsvector('english', s.name || ' ' || coalesce(s.description, '')) @@ ${query})))`
}

/**
 * The public name nearest to a misspelt search ("Juno Womens Aid" for "juno womans aid"), by trigram similarity
 * (pg_trgm, on both engines): organisations with a public part, areas and services. Null when none is close.
 */
export async function nearestPublicName(db: Kysely<DB>, words: string): Promise<string | null> {
  const result = await sql<{ name: string }>`
    select name from (
      select o.name from organisations o where o.merged_into_id is null and ${publicOrganisation}
      union select ar.name from areas ar where ${publicArea}
      union select s.name from services s where ${publicService}
    ) names
    where word_similarity(lower(${words}), lower(name)) > 0.5 and lower(name) <> lower(${words})
    order by word_similarity(lower(${words}), lower(name)) desc, length(name) limit 1`.execute(db)
  return result.rows[0]?.name ?? null
}
