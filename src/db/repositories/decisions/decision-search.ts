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
 * A decision's own words and the names around it are kept together in `decision_words` (migration
 * 0028_search_words), so a search reads one index of one narrow table; the published documents keep their own
 * index, whose expression is written here as the index is (migration 0021_public_search).
 */
export function matchesWords(words: string, referenceFragment: string | null): RawBuilder<boolean> {
  const query = sql`websearch_to_tsquery('english', ${words})`
  const reference =
    referenceFragment === null
      ? sql``
      : sql`union select r.id from decisions r
          where regexp_replace(lower(coalesce(r.reference, '')), '[^a-z0-9]', '', 'g') like ${`%${referenceFragment}%`}`
  return sql<boolean>`(d.id in (select w.decision_id from decision_words w where w.words @@ ${query} ${reference}
    union select t.id from decisions t join documents doc on doc.id = t.source_document_id
      where t.classification <> 'confidential' and to_tsvector('english', coalesce(doc.text, '')) @@ ${query}))`
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
