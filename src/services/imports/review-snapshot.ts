import type { Transaction } from 'kysely'
import type { DB } from '../../db/tables/index.ts'
import { linkedNames } from '../../db/repositories/linked-names.ts'
import { contributionsOf } from '../../db/repositories/decisions/decision-parts.ts'

/** What the audit log keeps of an imported record before and after review. */
export async function snapshot(trx: Transaction<DB>, id: number): Promise<unknown> {
  const decision = await trx
    .selectFrom('decisions')
    .select([
      'kind',
      'office_id',
      'reference',
      'title',
      'executive_summary',
      'decision_text',
      'date_decided',
      'stated_total_pence',
      'stated_total_per_annum',
      'review_status',
      'version',
    ])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  const awards = await trx
    .selectFrom('awards')
    .select([
      'recipient_name',
      'amount_pence',
      'period_label',
      'period_start',
      'period_end',
      'per_annum',
      'up_to',
      'via_id',
      'route',
    ])
    .where('decision_id', '=', id)
    .orderBy('position')
    .execute()
  const contributions = (await contributionsOf(trx, id)).map((c) => ({
    organisation_name: c.organisation_name,
    amount_pence: c.amount_pence,
    per_annum: c.per_annum,
    up_to: c.up_to,
  }))
  const areas = await linkedNames(trx, 'decision_areas', [id])
  return { ...decision, awards, contributions, areas: areas.map((a) => a.name) }
}
