import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { DB } from '../../tables/index.ts'
import { MATCH_END, MATCH_START, snippetParts, type SnippetPart } from '../../../domain/search-query.ts'
import { publicArea, publicDecision, publicOrganisation, publicService } from '../public.ts'

/**
 * A listed decision `d` that the words find: in its reference, title and public text (stemmed, so "refuges"
 * finds "refuge"), in its reference with the punctuation ignored ("PCC036" finds PCC036/18), in the text of the
 * published document it was imported from, or in the public names around it: the recipients and purposes of its
 * public awards, its areas, and the services it commissions or contributes to. Nothing of a confidential
 * decision is searched but its reference and title.
 *
 * Each kind of match is a set of decision ids found through its own index (migration 0021_public_search), so a
 * search reads only what matches instead of every decision with its awards; the expressions are written as the
 * indexes are.
 */
export function matchesWords(words: string, referenceFragment: string | null): RawBuilder<boolean> {
  const query = sql`websearch_to_tsquery('english', ${words})`
  const reference =
    referenceFragment === null
      ? sql``
      : sql`union select r.id from decisions r
          where regexp_replace(lower(coalesce(r.reference, '')), '[^a-z0-9]', '', 'g') like ${`%${referenceFragment}%`}`
  const services = sql`select s.id, s.decision_id from services s
    where to_tsvector('english', s.name || ' ' || coalesce(s.description, '')) @@ ${query}`
  // One set of ids, not two joined by "or": under an "or" PostgreSQL cannot join to a set and instead scans it
  // once per decision when it is too large to hash in memory.
  return sql<boolean>`(d.id in (select t.id from decisions t where t.search @@ ${query} ${reference}
    union select n.id from decisions n where n.classification <> 'confidential' and n.id in (
      select a.decision_id from awards a
        where not a.withheld and to_tsvector('english', a.recipient_name || ' ' || coalesce(a.purpose, '')) @@ ${query}
      union select x.decision_id from decision_areas x join areas ar on ar.id = x.area_id
        where to_tsvector('english', ar.name) @@ ${query}
      union select t.id from decisions t join documents doc on doc.id = t.source_document_id
        where to_tsvector('english', coalesce(doc.text, '')) @@ ${query}
      union select m.decision_id from (${services}) m where m.decision_id is not null
      union select a.decision_id from awards a where not a.withheld and a.service_id in (select m.id from (${services}) m)
      union select c.decision_id from contributions c
        where c.decision_id is not null and c.service_id in (select m.id from (${services}) m))))`
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

const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxFragments=2, MinWords=6, MaxWords=18, FragmentDelimiter=" … "`

/**
 * Where the words were found, for each of the listed decisions `ids` the public may see in full: in its public
 * text (which holds no withheld section) or else in the published document it was imported from. A decision
 * the words found only by its name, reference or the names around it has no snippet.
 */
export async function matchSnippets(db: Kysely<DB>, words: string, ids: number[]): Promise<Map<number, SnippetPart[]>> {
  const snippets = new Map<number, SnippetPart[]>()
  if (!ids.length) return snippets
  const query = sql`websearch_to_tsquery('english', ${words})`
  const result = await sql<{ id: number; headline: string | null }>`
    select d.id, case
        when to_tsvector('english', d.public_text) @@ ${query} then ts_headline('english', d.public_text, ${query}, ${HEADLINE_OPTIONS})
        when doc.text is not null and to_tsvector('english', doc.text) @@ ${query} then ts_headline('english', doc.text, ${query}, ${HEADLINE_OPTIONS})
      end as headline
    from decisions d left join documents doc on doc.id = d.source_document_id
    where d.id in (${sql.join(ids)}) and ${publicDecision}`.execute(db)
  for (const row of result.rows) {
    const parts = snippetParts(row.headline)
    if (parts) snippets.set(Number(row.id), parts)
  }
  return snippets
}
