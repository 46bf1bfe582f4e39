/** What the importer reads from documents and stores: the helpers of its tests. */
import { sql } from 'kysely'
import type { Selectable } from 'kysely'
import type { Database } from '../../src/db/database.ts'
import type { ContributionsTable } from '../../src/db/tables/contributions.ts'
import { rowsOf } from './rows.ts'

export const TABLES = [
  'documents',
  'decisions',
  'awards',
  'contributions',
  'findings',
  'organisations',
  'offices',
  'areas',
  'audit_log',
] as const

export async function counts(database: Database): Promise<Record<(typeof TABLES)[number], number>> {
  const tables = TABLES
  const result = {} as Record<(typeof TABLES)[number], number>
  for (const table of tables) {
    const row = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(database.db)
    result[table] = Number(row.rows[0]!.n)
  }
  return result
}

export async function decisionByReference(database: Database, reference: string) {
  return database.db.selectFrom('decisions').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow()
}

/** What awardsOf reads of each award, with the names of its recipient and of the body it passes through. */
const AWARD_FIELDS = [
  'a.recipient_name',
  'a.amount_pence',
  'a.period_label',
  'a.period_start',
  'a.period_end',
  'a.financial_year',
  'a.per_annum',
  'a.up_to',
  'a.route',
  'r.name as recipient',
  'r.needs_review',
  'v.name as via',
] as const

/** A decision's awards in their order, as AWARD_FIELDS names them. */
export async function awardsOf(database: Database, decisionId: number) {
  return database.db
    .selectFrom('awards as a')
    .leftJoin('organisations as r', 'r.id', 'a.recipient_id')
    .leftJoin('organisations as v', 'v.id', 'a.via_id')
    .select(AWARD_FIELDS)
    .where('a.decision_id', '=', decisionId)
    .orderBy('a.position')
    .execute()
}

/** `columns` of a decision's contributions, in the order they were stored. */
export function contributionsOf<C extends keyof Selectable<ContributionsTable> & string>(
  database: Database,
  decisionId: number,
  columns: readonly C[],
) {
  return rowsOf(database, 'contributions', columns, { decision_id: decisionId }, 'id')
}
