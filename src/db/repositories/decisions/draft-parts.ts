import { sql, type Kysely } from 'kysely'
import type { DB } from '../../tables/index.ts'
import type { DecisionTasksCompletedTable } from '../../tables/decision-journey.ts'
import type { Handle } from './decision-types.ts'
import { appendixFile } from './public-documents.ts'

export type CompletableTask = DecisionTasksCompletedTable['task']

export interface AppendixSummary {
  id: number
  title: string
  fileName: string
  mediaType: string
  sizeBytes: number
  withheld: boolean
  exemption: string | null
}

export interface OrganisationName {
  id: number
  name: string
  /** The alias the query matched, when it was not the name. */
  alias: string | null
}

/** The parts of a draft the officer's journey reads and writes besides the record itself. */
export class DraftPartsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async tasksCompleted(decisionId: number, handle: Handle = this.db): Promise<CompletableTask[]> {
    const rows = await handle
      .selectFrom('decision_tasks_completed')
      .select('task')
      .where('decision_id', '=', decisionId)
      .execute()
    return rows.map((r) => r.task)
  }

  async markTask(handle: Handle, decisionId: number, task: CompletableTask, completed: boolean): Promise<void> {
    if (completed)
      await handle
        .insertInto('decision_tasks_completed')
        .values({ decision_id: decisionId, task })
        .onConflict((oc) => oc.doNothing())
        .execute()
    else
      await handle
        .deleteFrom('decision_tasks_completed')
        .where('decision_id', '=', decisionId)
        .where('task', '=', task)
        .execute()
  }

  async appendices(decisionId: number, handle: Handle = this.db): Promise<AppendixSummary[]> {
    const rows = await handle
      .selectFrom('decision_appendices')
      .select(['id', 'title', 'file_name', 'media_type', 'size_bytes', 'withheld', 'exemption'])
      .where('decision_id', '=', decisionId)
      .orderBy('id')
      .execute()
    return rows.map((r) => ({
      ...appendixFile(r),
      withheld: r.withheld,
      exemption: r.exemption,
    }))
  }

  async appendixFile(
    decisionId: number,
    appendixId: number,
  ): Promise<{ fileName: string; mediaType: string; content: Buffer } | undefined> {
    const row = await this.db
      .selectFrom('decision_appendices')
      .select(['file_name', 'media_type', 'content'])
      .where('decision_id', '=', decisionId)
      .where('id', '=', appendixId)
      .executeTakeFirst()
    return row && { fileName: row.file_name, mediaType: row.media_type, content: row.content }
  }

  /** Areas to choose from, with their GSS codes, and which of them the decision serves. */
  async areaChoices(
    decisionId: number,
  ): Promise<Array<{ id: number; name: string; gssCode: string | null; chosen: boolean }>> {
    const rows = await this.db
      .selectFrom('areas as a')
      .leftJoin('decision_areas as d', (join) =>
        join.onRef('d.area_id', '=', 'a.id').on('d.decision_id', '=', decisionId),
      )
      .select(['a.id', 'a.name', 'a.gss_code', sql<boolean>`d.area_id is not null`.as('chosen')])
      .orderBy('a.name')
      .execute()
    return rows.map((r) => ({ id: r.id, name: r.name, gssCode: r.gss_code, chosen: r.chosen }))
  }

  /** Organisations whose name or an alias matches what was typed: exact first, then by likeness. */
  async organisationNames(query: string, limit = 10): Promise<OrganisationName[]> {
    const q = query.trim()
    if (!q) return []
    const rows = await sql<{ id: number; name: string; alias: string | null; score: number }>`
      select o.id, o.name, null::text as alias,
        greatest(similarity(o.name, ${q}), case when o.name ilike ${'%' + escapeLike(q) + '%'} then 0.9 else 0 end) as score
      from organisations o
      where o.merged_into_id is null and (o.name ilike ${'%' + escapeLike(q) + '%'} or o.name % ${q})
      union all
      select o.id, o.name, a.alias,
        greatest(similarity(a.alias, ${q}), case when a.alias ilike ${'%' + escapeLike(q) + '%'} then 0.9 else 0 end)
      from organisation_aliases a join organisations o on o.id = a.organisation_id
      where o.merged_into_id is null and (a.alias ilike ${'%' + escapeLike(q) + '%'} or a.alias % ${q})
      order by score desc, name
      limit ${limit * 2}
    `.execute(this.db)
    const seen = new Set<number>()
    const names: OrganisationName[] = []
    for (const row of rows.rows) {
      if (seen.has(row.id)) continue
      seen.add(row.id)
      names.push({ id: row.id, name: row.name, alias: row.alias })
    }
    return names.slice(0, limit)
  }

  /** Known organisations that look like a name nobody has: "Juno Womens Aid" finds "Juno Women's Aid". */
  async lookalikes(name: string, limit = 3): Promise<Array<{ id: number; name: string }>> {
    const key = normalise(name)
    const rows = await sql<{ id: number; name: string; score: number }>`
      select o.id, o.name, max(greatest(similarity(o.name, ${name}), coalesce(similarity(a.alias, ${name}), 0))) as score
      from organisations o left join organisation_aliases a on a.organisation_id = o.id
      where o.merged_into_id is null
        and (similarity(o.name, ${name}) > 0.35 or similarity(a.alias, ${name}) > 0.35
          or regexp_replace(lower(o.name), '[^a-z0-9]', '', 'g') = ${key}
          or regexp_replace(lower(a.alias), '[^a-z0-9]', '', 'g') = ${key})
      group by o.id, o.name
      order by score desc, o.name
      limit ${limit}
    `.execute(this.db)
    return rows.rows.map((r) => ({ id: r.id, name: r.name }))
  }

  async organisationName(id: number, handle: Handle = this.db): Promise<string | undefined> {
    const row = await handle
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', id)
      .where('merged_into_id', 'is', null)
      .executeTakeFirst()
    return row?.name
  }

  /** Commissioned services an award or contribution may pay for, by name. */
  async serviceChoices(officeId: number): Promise<Array<{ id: number; name: string }>> {
    return this.db
      .selectFrom('services')
      .select(['id', 'name'])
      .where((eb) => eb.or([eb('office_id', '=', officeId), eb('office_id', 'is', null)]))
      .orderBy('name')
      .execute()
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** Lower case letters and digits only, so punctuation and spacing never make a name new. */
export function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '')
}
