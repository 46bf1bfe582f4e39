import { sql, type Kysely, type Transaction } from 'kysely'
import type { DB } from '../../tables/index.ts'

type Handle = Kysely<DB> | Transaction<DB>

/** The ids of every row a merge moved, kept so that the merge can be undone row by row. */
export interface MovedRows {
  awardsReceived: number[]
  awardsThrough: number[]
  contributions: number[]
  servicesLed: number[]
  fundingStreams: number[]
  /** Services the source provided, and whether the target provided them already (then it keeps its row). */
  servicesProvided: Array<{ serviceId: number; targetAlready: boolean }>
  aliases: number[]
  mergedBefore: number[]
  sourceName: string
  sourceNeededReview: boolean
}

export interface MergeRecord {
  id: number
  sourceId: number
  targetId: number
  sourceName: string
  targetName: string
  moved: MovedRows
  mergedAt: Date
  undoneAt: Date | null
}

const ids = async (query: Promise<Array<{ id: number }>>) => (await query).map((r) => r.id)

/** The columns that name an organisation and point at the target after a merge, each with its key in MovedRows. */
export const ORGANISATION_REFERENCES = [
  { key: 'awardsReceived', table: 'awards', column: 'recipient_id' },
  { key: 'awardsThrough', table: 'awards', column: 'via_id' },
  { key: 'contributions', table: 'contributions', column: 'organisation_id' },
  { key: 'servicesLed', table: 'services', column: 'lead_commissioner_id' },
  { key: 'fundingStreams', table: 'funding_streams', column: 'funder_id' },
] as const

type ReferenceKey = (typeof ORGANISATION_REFERENCES)[number]['key']

/**
 * Makes organisation `to` a provider of the service in place of `from`, or as well as `from` when `keepFrom` (a
 * provider already listed stays listed once).
 */
export async function moveProvider(
  handle: Handle,
  serviceId: number,
  from: number,
  to: number,
  { keepFrom = false } = {},
): Promise<void> {
  if (!keepFrom)
    await handle
      .deleteFrom('service_providers')
      .where('service_id', '=', serviceId)
      .where('organisation_id', '=', from)
      .execute()
  await handle
    .insertInto('service_providers')
    .values({ service_id: serviceId, organisation_id: to })
    .onConflict((oc) => oc.columns(['service_id', 'organisation_id']).doNothing())
    .execute()
}

/** What a merge will move (before it happens), the record of one that did, and its undoing. */
export class OrganisationMergeRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async rowsToMove(sourceId: number, targetId: number, handle: Handle = this.db): Promise<MovedRows> {
    const source = await handle
      .selectFrom('organisations')
      .select(['name', 'needs_review'])
      .where('id', '=', sourceId)
      .executeTakeFirstOrThrow()
    const provided = await handle
      .selectFrom('service_providers as sp')
      .select([
        'sp.service_id as serviceId',
        sql<boolean>`exists (select 1 from service_providers t where t.service_id = sp.service_id and t.organisation_id = ${targetId})`.as(
          'targetAlready',
        ),
      ])
      .where('sp.organisation_id', '=', sourceId)
      .execute()
    const referencing = {} as Record<ReferenceKey, number[]>
    for (const { key, table, column } of ORGANISATION_REFERENCES) {
      const rows = sql<{ id: number }>`select id from ${sql.table(table)} where ${sql.ref(column)} = ${sourceId}`
      referencing[key] = await ids(rows.execute(handle).then((result) => result.rows))
    }
    return {
      ...referencing,
      servicesProvided: provided,
      aliases: await ids(
        handle.selectFrom('organisation_aliases').select('id').where('organisation_id', '=', sourceId).execute(),
      ),
      mergedBefore: await ids(
        handle.selectFrom('organisations').select('id').where('merged_into_id', '=', sourceId).execute(),
      ),
      sourceName: source.name,
      sourceNeededReview: source.needs_review,
    }
  }

  async record(sourceId: number, targetId: number, moved: MovedRows, userId: number | null, trx: Transaction<DB>) {
    return (
      await trx
        .insertInto('organisation_merges')
        .values({ source_id: sourceId, target_id: targetId, moved: JSON.stringify(moved), merged_by: userId })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  }

  async find(id: number, handle: Handle = this.db): Promise<MergeRecord | undefined> {
    const row = await handle
      .selectFrom('organisation_merges as m')
      .innerJoin('organisations as s', 's.id', 'm.source_id')
      .innerJoin('organisations as t', 't.id', 'm.target_id')
      .select([
        'm.id',
        'm.source_id as sourceId',
        'm.target_id as targetId',
        's.name as sourceName',
        't.name as targetName',
        'm.moved',
        'm.merged_at as mergedAt',
        'm.undone_at as undoneAt',
      ])
      .where('m.id', '=', id)
      .executeTakeFirst()
    return row && { ...row, moved: (typeof row.moved === 'string' ? JSON.parse(row.moved) : row.moved) as MovedRows }
  }

  /** Puts back every row the merge moved that still points at the organisation kept. */
  async undo(merge: MergeRecord, userId: number | null, trx: Transaction<DB>): Promise<void> {
    const { sourceId: source, targetId: target, moved } = merge
    for (const { key, table, column } of ORGANISATION_REFERENCES) {
      if (!moved[key].length) continue
      await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${source} where id in (${sql.join(moved[key])}) and ${sql.ref(column)} = ${target}`.execute(
        trx,
      )
    }
    for (const { serviceId, targetAlready } of moved.servicesProvided)
      await moveProvider(trx, serviceId, target, source, { keepFrom: targetAlready })
    if (moved.aliases.length)
      await trx
        .updateTable('organisation_aliases')
        .set({ organisation_id: source })
        .where('id', 'in', moved.aliases)
        .execute()
    await trx
      .deleteFrom('organisation_aliases')
      .where('organisation_id', '=', target)
      .where(sql<string>`lower(alias)`, '=', moved.sourceName.toLowerCase())
      .execute()
    if (moved.mergedBefore.length)
      await trx
        .updateTable('organisations')
        .set({ merged_into_id: source })
        .where('id', 'in', moved.mergedBefore)
        .execute()
    await trx
      .updateTable('organisations')
      .set({ merged_into_id: null, needs_review: moved.sourceNeededReview })
      .where('id', '=', source)
      .execute()
    await trx
      .updateTable('organisation_merges')
      .set({ undone_at: new Date(), undone_by: userId })
      .where('id', '=', merge.id)
      .execute()
  }
}
