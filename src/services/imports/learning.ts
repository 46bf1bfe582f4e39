/**
 * Learning from reviewers. When a person corrects a name on the review page (the importer read "Barnardo"
 * and the reviewer typed "Barnardo's"), the name as the importer read it becomes an alias of the organisation
 * the reviewer chose, so the next document that prints it the same way is matched to the right organisation.
 * An award or contribution is the same line before and after review when its amount is unchanged.
 */
import { sql, type Transaction } from 'kysely'
import type { DB } from '../../db/tables/index.ts'

export interface NamedAmount {
  name: string
  amountPence: number
}

export interface LearnedAlias {
  alias: string
  organisationId: number
}

const key = (name: string): string =>
  name
    .trim()
    .replace(/^the\s+/i, '')
    .replace(/\s+/g, ' ')
    .toLowerCase()

/** Pairs of (name as imported, name as confirmed) for lines whose amount stayed and whose name changed. */
export function corrections(before: NamedAmount[], after: NamedAmount[]): Array<{ from: string; to: string }> {
  const used = new Set<number>()
  const pairs: Array<{ from: string; to: string }> = []
  for (const imported of before) {
    const index = after.findIndex((a, i) => !used.has(i) && a.amountPence === imported.amountPence)
    if (index < 0) continue
    used.add(index)
    const confirmed = after[index]!
    if (key(confirmed.name) !== key(imported.name) && imported.name.trim())
      pairs.push({ from: imported.name.trim(), to: confirmed.name.trim() })
  }
  return pairs
}

/**
 * Records each correction as an alias of the confirmed organisation. The organisation the import made for
 * the misread name (marked for review, and now named by nothing) is merged into it, so that the alias decides.
 * A misread name that is a real organisation with money of its own is left alone.
 */
export async function learnAliases(
  trx: Transaction<DB>,
  pairs: Array<{ from: string; to: string }>,
): Promise<LearnedAlias[]> {
  const learned: LearnedAlias[] = []
  for (const { from, to } of pairs) {
    const target = await trx
      .selectFrom('organisations')
      .select(['id', 'merged_into_id'])
      .where(sql<string>`lower(name)`, '=', to.toLowerCase())
      .orderBy('merged_into_id', 'desc')
      .executeTakeFirst()
    if (!target) continue
    const organisationId = Number(target.merged_into_id ?? target.id)
    const misread = await trx
      .selectFrom('organisations')
      .select(['id', 'needs_review'])
      .where(sql<string>`lower(name)`, '=', from.toLowerCase())
      .where('merged_into_id', 'is', null)
      .executeTakeFirst()
    if (misread && Number(misread.id) !== organisationId) {
      if (!misread.needs_review || (await isNamed(trx, Number(misread.id)))) continue
      await trx
        .updateTable('organisations')
        .set({ merged_into_id: organisationId, needs_review: false })
        .where('id', '=', misread.id)
        .execute()
    }
    const taken = await trx
      .selectFrom('organisation_aliases')
      .select('organisation_id')
      .where(sql<string>`lower(alias)`, '=', from.toLowerCase())
      .executeTakeFirst()
    if (taken) continue
    await trx.insertInto('organisation_aliases').values({ organisation_id: organisationId, alias: from }).execute()
    learned.push({ alias: from, organisationId })
  }
  return learned
}

/** True when an award, a contribution, an alias or an office names the organisation `id`. */
async function isNamed(trx: Transaction<DB>, id: number): Promise<boolean> {
  const { named } = await trx
    .selectNoFrom(({ exists, or, selectFrom }) =>
      or([
        exists(
          selectFrom('awards')
            .select('id')
            .where((eb) => eb.or([eb('recipient_id', '=', id), eb('via_id', '=', id)])),
        ),
        exists(selectFrom('contributions').select('id').where('organisation_id', '=', id)),
        exists(selectFrom('organisation_aliases').select('id').where('organisation_id', '=', id)),
        exists(selectFrom('offices').select('organisation_id').where('organisation_id', '=', id)),
      ]).as('named'),
    )
    .executeTakeFirstOrThrow()
  return Boolean(named)
}
