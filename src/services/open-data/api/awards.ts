import { sql, type Kysely } from 'kysely'
import type { AwardTerms, ProcurementRoute } from '../../../domain/decision.ts'
import { penceToPounds } from '../../../domain/money.ts'
import type { DB } from '../../../db/tables/index.ts'
import { openAward } from '../public-scope.ts'
import { AWARD_AMOUNT_COLUMNS } from '../../shared/listed-columns.ts'
import { grantIdentifier } from '../three-sixty-giving/grant.ts'
import { type IdOrSlug, type Page, type PageRequest, EMPTY_PAGE, idsNamed, newestFirstPage } from './page.ts'

export interface AwardFilter extends PageRequest {
  officeId?: number
  /** Awards whose period touches this financial year (by its starting year), or stated for it. */
  year?: number
  provider?: IdOrSlug
  via?: IdOrSlug
  stream?: IdOrSlug
  route?: ProcurementRoute
  decisionId?: number
  serviceId?: number
}

export interface ApiAward extends AwardTerms {
  id: number
  /** The same award's identifier in the 360Giving export. */
  grantId: string
  decision: { id: number; reference: string | null; title: string }
  recipient: { id: number | null; name: string; slug: string | null }
  amount: number
  routeJustification: string | null
  via: { id: number; name: string } | null
  fundingStream: { id: number; name: string; slug: string } | null
  service: { id: number; name: string; slug: string } | null
  purpose: string | null
  condition: string | null
  /** What the award commits (a yearly amount once a financial year) and what the office's published spending paid against it, in pounds. */
  committed: number
  paid: number
}

/** Public awards and their decision: two tables only, so planning stays cheap; names are looked up after. */
function awardRows(db: Kysely<DB>) {
  return db
    .selectFrom('awards as a')
    .innerJoin('decisions as d', 'd.id', 'a.decision_id')
    .where(openAward)
    .select([
      'a.id',
      ...AWARD_AMOUNT_COLUMNS,
      'a.financial_year',
      'a.route',
      'a.route_justification',
      'a.purpose',
      'a.condition',
      'a.recipient_id',
      'a.recipient_name',
      'a.via_id',
      'a.funding_stream_id',
      'a.service_id',
      'd.id as decision_id',
      'd.reference',
      'd.title',
      'd.office_id',
      sql<number>`award_committed_pence(a.amount_pence, a.per_annum, a.period_start, a.period_end)`.as(
        'committed_pence',
      ),
      sql<number>`coalesce((select sum(sp.amount_pence) from spend_award_payments sp where sp.award_id = a.id), 0)`.as(
        'paid_pence',
      ),
    ])
}

type Row = Awaited<ReturnType<ReturnType<typeof awardRows>['execute']>>[number]

async function withNames(db: Kysely<DB>, rows: Row[]): Promise<ApiAward[]> {
  if (!rows.length) return []
  const names = await namesFor(db, rows)
  return rows.map((row) => {
    const via = row.via_id === null ? undefined : names.organisations.get(row.via_id)
    const stream = row.funding_stream_id === null ? undefined : names.streams.get(row.funding_stream_id)
    const service = row.service_id === null ? undefined : names.services.get(row.service_id)
    return {
      id: row.id,
      grantId: grantIdentifier(names.prefixes.get(row.office_id)?.prefix ?? String(row.office_id), row.id),
      decision: { id: row.decision_id, reference: row.reference, title: row.title },
      recipient: {
        id: row.recipient_id,
        name: row.recipient_name,
        slug: row.recipient_id === null ? null : (names.organisations.get(row.recipient_id)?.slug ?? null),
      },
      amount: penceToPounds(row.amount_pence),
      perAnnum: row.per_annum,
      upTo: row.up_to,
      periodLabel: row.period_label,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      financialYear: row.financial_year,
      route: row.route,
      routeJustification: row.route_justification,
      via: via ? { id: via.id, name: via.name } : null,
      fundingStream: stream ? { id: stream.id, name: stream.name, slug: stream.slug } : null,
      service: service ? { id: service.id, name: service.name, slug: service.slug } : null,
      purpose: row.purpose,
      condition: row.condition,
      committed: penceToPounds(Number(row.committed_pence)),
      paid: penceToPounds(Number(row.paid_pence)),
    }
  })
}

/** The names and addresses the awards refer to, read once for the whole page: organisations, offices' grant prefixes, streams and services. */
async function namesFor(db: Kysely<DB>, rows: Row[]) {
  const ids = (pick: (r: Row) => number | null) => [
    ...new Set(rows.map(pick).filter((id): id is number => id !== null)),
  ]
  const organisationIds = ids((r) => r.recipient_id).concat(ids((r) => r.via_id))
  const streamIds = ids((r) => r.funding_stream_id)
  const serviceIds = ids((r) => r.service_id)
  const [organisations, offices, streams, services] = await Promise.all([
    organisationIds.length
      ? db.selectFrom('organisations').select(['id', 'name', 'slug']).where('id', 'in', organisationIds).execute()
      : [],
    db
      .selectFrom('offices as f')
      .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
      .select(['o.id', sql<string>`coalesce(f.open_data_prefix, o.slug)`.as('prefix')])
      .where(
        'o.id',
        'in',
        ids((r) => r.office_id),
      )
      .execute(),
    streamIds.length
      ? db.selectFrom('funding_streams').select(['id', 'name', 'slug']).where('id', 'in', streamIds).execute()
      : [],
    serviceIds.length
      ? db.selectFrom('services').select(['id', 'name', 'slug']).where('id', 'in', serviceIds).execute()
      : [],
  ])
  const byId = <T extends { id: number }>(list: T[]) => new Map(list.map((item) => [item.id, item]))
  return {
    organisations: byId(organisations),
    prefixes: byId(offices),
    streams: byId(streams),
    services: byId(services),
  }
}

export async function awardsOfDecision(db: Kysely<DB>, decisionId: number): Promise<ApiAward[]> {
  return withNames(
    db,
    await awardRows(db).where('a.decision_id', '=', decisionId).orderBy('a.position').orderBy('a.id').execute(),
  )
}

/** Public awards, newest first, with the ledger's filters. */
export class ApiAwardQueries {
  constructor(private readonly db: Kysely<DB>) {}

  async list(filter: AwardFilter): Promise<Page<ApiAward>> {
    const ids = await idsNamed(this.db, {
      provider: ['organisations', filter.provider],
      via: ['organisations', filter.via],
      stream: ['funding_streams', filter.stream],
    })
    if (!ids) return EMPTY_PAGE
    let query = awardRows(this.db)
    if (filter.officeId) query = query.where('d.office_id', '=', filter.officeId)
    if (filter.decisionId) query = query.where('a.decision_id', '=', filter.decisionId)
    if (filter.serviceId) query = query.where('a.service_id', '=', filter.serviceId)
    if (filter.route) query = query.where('a.route', '=', filter.route)
    if (ids.provider !== undefined) query = query.where('a.recipient_id', '=', ids.provider)
    if (ids.via !== undefined) query = query.where('a.via_id', '=', ids.via)
    if (ids.stream !== undefined) query = query.where('a.funding_stream_id', '=', ids.stream)
    if (filter.year) {
      const [start, end] = [`${filter.year}-04-01`, `${filter.year + 1}-03-31`]
      const year = filter.year
      query = query.where((eb) =>
        eb.or([
          eb.and([eb('a.period_start', '<=', end), eb('a.period_end', '>=', start)]),
          eb.and([
            eb.or([eb('a.period_start', 'is', null), eb('a.period_end', 'is', null)]),
            eb('a.financial_year', '=', year),
          ]),
        ]),
      )
    }
    return newestFirstPage(query, 'a.id', filter, (items) => withNames(this.db, items))
  }

  async find(id: number): Promise<ApiAward | undefined> {
    const rows = await awardRows(this.db).where('a.id', '=', id).execute()
    return (await withNames(this.db, rows))[0]
  }
}
