import { sql, type Kysely, type Transaction } from 'kysely'
import type { OfficeScope } from '../../../domain/office-scope.ts'
import type {
  CheckedAward,
  FundedContribution,
  FundingStatus,
  MatchContribution,
  MatchFundingRequirement,
  StreamConditions,
  StreamYearMoney,
} from '../../../domain/stream-conditions.ts'
import type { DB } from '../../tables/index.ts'
import { inOfficeScope, ownedOrSharedInScope } from '../office-scope.ts'
import { publicAward, publicMoney } from '../public.ts'
import { fundingStreamsWithNames } from './funding.ts'

/** Whose view: a member of staff's offices, or the public (published decisions only). */
export type ConditionsView = { scope: OfficeScope } | 'public'

export interface StreamConditionsRow extends StreamConditions {
  slug: string
  officeId: number | null
  officeName: string | null
  funderName: string | null
  description: string | null
  /** The free-text conditions and match funding flag the stream had before conditions were structured. */
  conditionsText: string | null
  matchFundingRequired: boolean
  agreementReference: string | null
}

export interface ConditionsUpdate {
  grantStart: string | null
  grantEnd: string | null
  spendBy: string | null
  fundingStatus: FundingStatus
  agreementReference: string | null
  ringFencedServiceTypes: string[]
  ringFenceNames: string[]
  conditionsText: string | null
}

/** Decisions still going somewhere: not rejected or withdrawn. Staff see drafts too, the public only published. */
const LIVE = sql<boolean>`d.status not in ('rejected', 'withdrawn')`
const DECISION_YEAR = sql<
  number | null
>`((extract(year from coalesce(d.date_decided, d.date_received)))::integer - (case when extract(month from coalesce(d.date_decided, d.date_received)) < 4 then 1 else 0 end))`

function decisionsIn(view: ConditionsView, money = false) {
  if (view === 'public') return money ? publicMoney : publicAward
  return sql<boolean>`(${LIVE} and ${inOfficeScope(view.scope, 'd.office_id', { orArchive: true })})`
}

/** A decision (`d`) as the checks name it: its reference, or its title when it has none. */
const DECISION_NAME = sql<string>`coalesce(d.reference, d.title)`.as('decisionName')

export class StreamConditionsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Streams with their conditions: those a member of staff may reach, or every stream for the public. */
  async streams(view: ConditionsView, ids?: readonly number[]): Promise<StreamConditionsRow[]> {
    if (ids && !ids.length) return []
    let query = fundingStreamsWithNames(this.db)
      .select([
        'f.id',
        'f.name',
        'f.slug',
        'f.office_id as officeId',
        'oo.name as officeName',
        'fo.name as funderName',
        'f.description',
        'f.conditions as conditionsText',
        'f.match_funding_required as matchFundingRequired',
        'f.agreement_reference as agreementReference',
        'f.grant_start as grantStart',
        'f.grant_end as grantEnd',
        'f.spend_by as spendBy',
        'f.funding_status as fundingStatus',
        'f.ring_fenced_service_types as ringFencedServiceTypes',
        'f.ring_fence_names as ringFenceNames',
      ])
      .orderBy('f.name')
    if (view !== 'public') query = query.where(ownedOrSharedInScope(view.scope, 'f.office_id'))
    if (ids) query = query.where('f.id', 'in', [...ids])
    const rows = await query.execute()
    const matches = rows.length
      ? await this.db
          .selectFrom('funding_stream_match_funding')
          .select([
            'funding_stream_id as streamId',
            'financial_year as financialYear',
            // An organisation merged into another since is matched as the one it became.
            sql<
              number | null
            >`coalesce((select o.merged_into_id from organisations o where o.id = from_organisation_id), from_organisation_id)`.as(
              'fromOrganisationId',
            ),
            'from_name as fromName',
            'amount_pence as amountPence',
            'share_percent as sharePercent',
            'id',
          ])
          .where(
            'funding_stream_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('financial_year')
          .orderBy('from_name')
          .execute()
      : []
    return rows.map((row) => ({
      ...row,
      matchFunding: matches
        .filter((m) => m.streamId === row.id)
        .map(({ streamId: _s, ...m }) => m as MatchFundingRequirement & { id: number }),
    }))
  }

  /** The awards paid from funding streams, with their decision's name and their service's type. */
  async awards(
    view: ConditionsView,
    filter: { streamIds?: readonly number[]; decisionId?: number } = {},
  ): Promise<CheckedAward[]> {
    if (filter.streamIds && !filter.streamIds.length) return []
    let query = this.db
      .selectFrom('awards as a')
      .innerJoin('decisions as d', 'd.id', 'a.decision_id')
      .leftJoin('services as s', 's.id', 'a.service_id')
      .select([
        'a.id',
        'a.decision_id as decisionId',
        DECISION_NAME,
        'a.funding_stream_id as streamId',
        'a.recipient_name as recipientName',
        'a.period_start as periodStart',
        'a.period_end as periodEnd',
        'a.financial_year as financialYear',
        's.name as serviceName',
        's.service_type as serviceType',
        'a.condition',
      ])
      .where('a.funding_stream_id', 'is not', null)
      .where(decisionsIn(view))
      .orderBy('a.decision_id')
      .orderBy('a.position')
      .orderBy('a.id')
    if (filter.streamIds) query = query.where('a.funding_stream_id', 'in', [...filter.streamIds])
    if (filter.decisionId !== undefined) query = query.where('a.decision_id', '=', filter.decisionId)
    return (await query.execute()) as CheckedAward[]
  }

  /**
   * Partner contributions that may count as a stream's match funding: those of decisions with an award from the
   * stream, each in its financial year (the decision's when the contribution names none).
   */
  async contributions(view: ConditionsView): Promise<MatchContribution[]> {
    const result = await sql<MatchContribution>`
      select distinct on (a.funding_stream_id, c.id)
        a.funding_stream_id as "streamId", coalesce(c.financial_year, ${DECISION_YEAR}) as "financialYear",
        c.organisation_id as "organisationId", c.organisation_name as "organisationName", c.amount_pence as "amountPence"
      from contributions c
      join decisions d on d.id = c.decision_id
      join awards a on a.decision_id = d.id and a.funding_stream_id is not null
      where ${decisionsIn(view, true)}
      order by a.funding_stream_id, c.id`.execute(this.db)
    return result.rows
      .filter((r) => r.financialYear !== null)
      .map((r) => ({ ...r, amountPence: Number(r.amountPence), financialYear: Number(r.financialYear) }))
  }

  /** Partner contributions subject to a funding stream's money, of the decisions the viewer may see. */
  async fundedContributions(view: ConditionsView, streamIds: readonly number[]): Promise<FundedContribution[]> {
    if (!streamIds.length) return []
    return (await this.db
      .selectFrom('contributions as c')
      .innerJoin('decisions as d', 'd.id', 'c.decision_id')
      .select([
        'c.id',
        'c.decision_id as decisionId',
        DECISION_NAME,
        'c.funding_stream_id as streamId',
        'c.organisation_name as organisationName',
      ])
      .where('c.subject_to_funding', '=', true)
      .where('c.funding_stream_id', 'in', [...streamIds])
      .where(decisionsIn(view, true))
      .orderBy('c.decision_id')
      .orderBy('c.id')
      .execute()) as FundedContribution[]
  }

  /** Per stream and year: what was received, and what published awards commit (one-off shares and yearly amounts). */
  async years(): Promise<StreamYearMoney[]> {
    const result = await sql<{ streamId: number; financialYear: number; received: number | null; committed: number }>`
      with committed as (
        select stream_id, financial_year,
          coalesce(sum(pence) filter (where not up_to), 0) as pence
        from ledger_years where stream_id is not null group by stream_id, financial_year
      )
      select coalesce(r.funding_stream_id, c.stream_id) as "streamId",
        coalesce(r.financial_year, c.financial_year) as "financialYear",
        r.amount_pence as received, coalesce(c.pence, 0) as committed
      from funding_stream_receipts r
      full join committed c on c.stream_id = r.funding_stream_id and c.financial_year = r.financial_year`.execute(
      this.db,
    )
    return result.rows.map((r) => ({
      streamId: Number(r.streamId),
      financialYear: Number(r.financialYear),
      receivedPence: r.received === null ? null : Number(r.received),
      committedPence: Number(r.committed),
    }))
  }

  async updateConditions(trx: Transaction<DB>, id: number, update: ConditionsUpdate): Promise<void> {
    await trx
      .updateTable('funding_streams')
      .set({
        grant_start: update.grantStart,
        grant_end: update.grantEnd,
        spend_by: update.spendBy,
        funding_status: update.fundingStatus,
        agreement_reference: update.agreementReference,
        ring_fenced_service_types: update.ringFencedServiceTypes,
        ring_fence_names: update.ringFenceNames,
        conditions: update.conditionsText,
      })
      .where('id', '=', id)
      .execute()
  }

  async addMatchFunding(
    trx: Transaction<DB>,
    streamId: number,
    row: Omit<MatchFundingRequirement, never>,
  ): Promise<number> {
    const inserted = await trx
      .insertInto('funding_stream_match_funding')
      .values({
        funding_stream_id: streamId,
        financial_year: row.financialYear,
        from_organisation_id: row.fromOrganisationId,
        from_name: row.fromName,
        amount_pence: row.amountPence,
        share_percent: row.sharePercent,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx.updateTable('funding_streams').set({ match_funding_required: true }).where('id', '=', streamId).execute()
    return inserted.id
  }

  async removeMatchFunding(trx: Transaction<DB>, streamId: number, id: number) {
    return trx
      .deleteFrom('funding_stream_match_funding')
      .where('funding_stream_id', '=', streamId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst()
  }

  /** An organisation named exactly (or by an alias), for a match funding requirement's "from whom". */
  async organisationNamed(handle: Kysely<DB> | Transaction<DB>, name: string): Promise<number | null> {
    const row = await handle
      .selectFrom('organisations as o')
      .select('o.id')
      .where((eb) =>
        eb.or([
          eb(sql`lower(o.name)`, '=', name.trim().toLowerCase()),
          eb.exists(
            eb
              .selectFrom('organisation_aliases as al')
              .select('al.organisation_id')
              .whereRef('al.organisation_id', '=', 'o.id')
              .where(sql`lower(al.alias)`, '=', name.trim().toLowerCase()),
          ),
        ]),
      )
      .orderBy('o.id')
      .executeTakeFirst()
    return row?.id ?? null
  }
}
