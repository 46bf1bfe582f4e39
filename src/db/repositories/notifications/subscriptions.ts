import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { DB } from '../../tables/index.ts'
import type { AlertKind, AlertSubscriptionsTable } from '../../tables/notifications.ts'

type Handle = Kysely<DB> | Transaction<DB>

export type AlertSubscription = Selectable<AlertSubscriptionsTable>

/** A saved search as the home page takes it: words, office and financial year. */
export interface SavedSearch {
  q?: string
  office?: number
  year?: number
}

export function searchTarget(search: SavedSearch): string {
  const params = new URLSearchParams()
  if (search.q) params.set('q', search.q)
  if (search.office) params.set('office', String(search.office))
  if (search.year) params.set('year', String(search.year))
  return params.toString()
}

export function parseSearchTarget(target: string): SavedSearch {
  const params = new URLSearchParams(target)
  const number = (name: string) => (params.get(name) ? Number(params.get(name)) : undefined)
  return { q: params.get('q') ?? undefined, office: number('office'), year: number('year') }
}

/** Public alert subscriptions: each address held only while subscribed. */
export class SubscriptionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async findByTarget(handle: Handle, email: string, kind: AlertKind, target: string) {
    return handle
      .selectFrom('alert_subscriptions')
      .selectAll()
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .where('kind', '=', kind)
      .where('target', '=', target)
      .executeTakeFirst()
  }

  async create(
    handle: Handle,
    values: {
      email: string
      kind: AlertKind
      target: string
      label: string
      confirmHash: string
      unsubscribeToken: string
    },
  ): Promise<number> {
    const row = await handle
      .insertInto('alert_subscriptions')
      .values({
        email: values.email,
        kind: values.kind,
        target: values.target,
        label: values.label,
        confirm_token_hash: values.confirmHash,
        unsubscribe_token: values.unsubscribeToken,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  }

  async renewConfirmation(handle: Handle, id: number, confirmHash: string): Promise<void> {
    await handle
      .updateTable('alert_subscriptions')
      .set({ confirm_token_hash: confirmHash, confirmation_sent_at: new Date() })
      .where('id', '=', id)
      .execute()
  }

  findByConfirmHash(hash: string) {
    return this.findBy('confirm_token_hash', hash)
  }

  findByUnsubscribeToken(token: string) {
    return this.findBy('unsubscribe_token', token)
  }

  /** The subscription whose token (or token's hash) is `value`. */
  private findBy(column: 'confirm_token_hash' | 'unsubscribe_token', value: string) {
    return this.db.selectFrom('alert_subscriptions').selectAll().where(column, '=', value).executeTakeFirst()
  }

  async confirm(id: number): Promise<void> {
    await this.db
      .updateTable('alert_subscriptions')
      .set({ confirmed_at: sql`coalesce(confirmed_at, now())` })
      .where('id', '=', id)
      .execute()
  }

  /** Deletes the subscription, its address and (by cascade) every message to it. */
  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('alert_subscriptions').where('id', '=', id).execute()
  }

  /**
   * The confirmed subscriptions a newly published decision matches, as the public sees it: its office; a
   * provider with an award that is not withheld, or an area it serves, unless the decision is confidential;
   * a saved search it falls in (words over its public text, office, financial year).
   */
  async matching(handle: Handle, decisionId: number): Promise<AlertSubscription[]> {
    const candidates = await handle
      .selectFrom('alert_subscriptions as s')
      .selectAll('s')
      .where('s.confirmed_at', 'is not', null)
      .where((eb) => {
        const theDecision = () => eb.selectFrom('decisions as d').select('d.id').where('d.id', '=', decisionId)
        return eb.or([
          eb.and([
            eb('s.kind', '=', 'office'),
            eb.exists(theDecision().where(sql<boolean>`d.office_id::text = s.target`)),
          ]),
          eb.and([
            eb('s.kind', '=', 'provider'),
            eb.exists(
              eb
                .selectFrom('awards as a')
                .innerJoin('decisions as d', 'd.id', 'a.decision_id')
                .select('a.id')
                .where('a.decision_id', '=', decisionId)
                .where('a.withheld', '=', false)
                .where('d.classification', '<>', 'confidential')
                .where(sql<boolean>`a.recipient_id::text = s.target`),
            ),
          ]),
          eb.and([
            eb('s.kind', '=', 'area'),
            eb.exists(
              theDecision()
                .where('d.classification', '<>', 'confidential')
                .where(
                  sql<boolean>`(exists (select 1 from decision_areas da where da.decision_id = d.id and da.area_id::text = s.target)
                    or exists (select 1 from services sv join service_areas sa on sa.service_id = sv.id where sv.decision_id = d.id and sa.area_id::text = s.target))`,
                ),
            ),
          ]),
          eb('s.kind', '=', 'search'),
        ])
      })
      .orderBy('s.id')
      .execute()
    const matched: AlertSubscription[] = []
    for (const subscription of candidates) {
      if (subscription.kind !== 'search' || (await this.searchMatches(handle, decisionId, subscription.target)))
        matched.push(subscription)
    }
    return matched
  }

  private async searchMatches(handle: Handle, decisionId: number, target: string): Promise<boolean> {
    const search = parseSearchTarget(target)
    const dateExpr = sql<string | null>`coalesce(d.date_decided, d.date_received)`
    let query = handle.selectFrom('decisions as d').select('d.id').where('d.id', '=', decisionId)
    if (search.q) query = query.where(sql<boolean>`d.search @@ websearch_to_tsquery('english', ${search.q})`)
    if (search.office) query = query.where('d.office_id', '=', search.office)
    if (search.year)
      query = query.where(dateExpr, '>=', `${search.year}-04-01`).where(dateExpr, '<=', `${search.year + 1}-03-31`)
    return (await query.executeTakeFirst()) !== undefined
  }
}
