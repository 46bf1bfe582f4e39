import type { Kysely } from 'kysely'
import type { DB } from '../../tables/index.ts'

/** A decision's sections in their order. */
export function sectionsOf(handle: Kysely<DB>, decisionId: number) {
  return handle
    .selectFrom('decision_sections')
    .selectAll()
    .where('decision_id', '=', decisionId)
    .orderBy('position')
    .execute()
}

/** A decision's contributions in the order they were recorded, with their stream's name. */
export function contributionsOf(handle: Kysely<DB>, decisionId: number) {
  return handle
    .selectFrom('contributions as c')
    .leftJoin('funding_streams as f', 'f.id', 'c.funding_stream_id')
    .selectAll('c')
    .select('f.name as funding_stream_name')
    .where('c.decision_id', '=', decisionId)
    .orderBy('c.id')
    .execute()
}

/** A decision's sign-offs in the order they were given. */
export function signOffsOf(handle: Kysely<DB>, decisionId: number) {
  return handle
    .selectFrom('sign_offs')
    .selectAll()
    .where('decision_id', '=', decisionId)
    .orderBy('signed_on')
    .orderBy('id')
    .execute()
}
