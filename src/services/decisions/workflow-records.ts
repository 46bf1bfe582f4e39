import { type Transaction } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { DB } from '../../db/tables/index.ts'
import { type Actor } from '../audit/audit.ts'
import { WorkflowError, SECTION_ORDER, SECTION_HEADINGS, type DecisionRow, type SectionKey } from './workflow-types.ts'
import { contributionsOf, sectionsOf } from '../../db/repositories/decisions/decision-parts.ts'

/** Who may change and submit a draft: the officer it was handed to, or else its author. */
export function holderOf(decision: Pick<DecisionRow, 'held_by' | 'created_by'>): number | null {
  return decision.held_by ?? decision.created_by
}

export function assertHolds(decision: DecisionRow, actor: Actor, verb: 'change' | 'submit' | 'hand over'): void {
  const holder = holderOf(decision)
  if (holder === null || actor.userId === holder) return
  const whose = decision.held_by === null ? 'its author' : 'the officer it was handed to'
  throw new WorkflowError(
    `Only ${whose} can ${verb} this draft. Ask them to make the change, or to hand the draft to you.`,
  )
}

export async function recordEditor(trx: Transaction<DB>, decisionId: number, actor: Actor): Promise<void> {
  if (actor.userId === null) return
  await trx
    .insertInto('decision_editors')
    .values({ decision_id: decisionId, user_id: actor.userId })
    .onConflict((oc) => oc.doNothing())
    .execute()
}

export async function editorsOf(handle: Transaction<DB> | Database['db'], decisionId: number): Promise<number[]> {
  const rows = await handle
    .selectFrom('decision_editors')
    .select('user_id')
    .where('decision_id', '=', decisionId)
    .execute()
  return rows.map((r) => r.user_id)
}

export function sectionsFrom(bodies: Partial<Record<SectionKey, string | null>>) {
  return SECTION_ORDER.filter((key) => bodies[key]).map((key) => ({
    key,
    position: SECTION_ORDER.indexOf(key),
    heading: SECTION_HEADINGS[key],
    body: bodies[key]!,
  }))
}

export async function replaceSections(
  trx: Transaction<DB>,
  id: number,
  bodies: Partial<Record<SectionKey, string | null>>,
): Promise<void> {
  for (const key of Object.keys(bodies) as SectionKey[]) {
    const body = bodies[key]
    const existing = await trx
      .selectFrom('decision_sections')
      .select(['id'])
      .where('decision_id', '=', id)
      .where('key', '=', key)
      .executeTakeFirst()
    if (!body) {
      if (existing) await trx.deleteFrom('decision_sections').where('id', '=', existing.id).execute()
    } else if (existing) {
      await trx.updateTable('decision_sections').set({ body }).where('id', '=', existing.id).execute()
    } else {
      await trx
        .insertInto('decision_sections')
        .values({ decision_id: id, key, heading: SECTION_HEADINGS[key], body, position: SECTION_ORDER.indexOf(key) })
        .execute()
    }
  }
}

/** What the audit log keeps of a decision before and after each change. */
export async function snapshot(trx: Transaction<DB>, id: number): Promise<unknown> {
  const [decision, sections, awards, contributions, links] = await Promise.all([
    trx.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    sectionsOf(trx, id).then((rows) =>
      rows.map(({ key, heading, body, withheld, exemption }) => ({ key, heading, body, withheld, exemption })),
    ),
    trx
      .selectFrom('awards')
      .select([
        'recipient_name',
        'amount_pence',
        'period_label',
        'per_annum',
        'up_to',
        'route',
        'via_id',
        'funding_stream_id',
        'withheld',
      ])
      .where('decision_id', '=', id)
      .orderBy('position')
      .execute(),
    contributionsOf(trx, id).then((rows) =>
      rows.map((c) => ({
        organisation_name: c.organisation_name,
        amount_pence: c.amount_pence,
        per_annum: c.per_annum,
        up_to: c.up_to,
        condition: c.condition,
      })),
    ),
    trx.selectFrom('decision_links').select(['to_decision_id', 'kind']).where('from_decision_id', '=', id).execute(),
  ])
  const { search: _search, public_text: _publicText, ...fields } = decision
  return { ...fields, sections, awards, contributions, links }
}
