import { sql, type Kysely } from 'kysely'
import type { ProcurementRoute } from '../../../domain/decision.ts'
import { penceToPounds } from '../../../domain/money.ts'
import type { DB } from '../../../db/tables/index.ts'
import { openAward } from '../public-scope.ts'
import { grantIdentifier } from '../three-sixty-giving/grant.ts'
import { toPage, type IdOrSlug, type Page, type PageRequest } from './page.ts'

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

export interface ApiAward {
  id: number
  /** The same award's identifier in the 360Giving export. */
  grantId: string
  decision: { id: number; reference: string | null; title: string }
  recipient: { id: number | null; name: string; slug: string | null }
  amount: number
  perAnnum: boolean
  upTo: boolean
  periodLabel: string | null
  periodStart: string | null
  periodEnd: string | null
  financialYear: number | null
  route: ProcurementRoute | null
  routeJustification: string | null
  via: { id: number; name: string } | null
  fundingStream: { id: number; name: string; slug: string } | null
  service: { id: number; name: string; slug: string } | null
  purpose: string | null
  condition: string | null
}

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('awards as a')
    .innerJoin('decisions as d', 'd.id', 'a.decision_id')
    .innerJoin('offices as f', 'f.organisation_id', 'd.office_id')
    .innerJoin('organisations as o', 'o.id', 'd.office_id')
    .leftJoin('organisations as r', 'r.id', 'a.recipient_id')
    .leftJoin('organisations as v', 'v.id', 'a.via_id')
    .leftJoin('funding_streams as s', 's.id', 'a.funding_stream_id')
    .leftJoin('services as c', 'c.id', 'a.service_id')
    .where(openAward)
    .select([
      'a.id', 'a.amount_pence', 'a.per_annum', 'a.up_to', 'a.period_label', 'a.period_start', 'a.period_end', 'a.financial_year', 'a.route',
      'a.route_justification', 'a.purpose', 'a.condition', 'a.recipient_id', 'a.recipient_name', 'r.slug as recipient_slug',
      'd.id as decision_id', 'd.reference', 'd.title', 'v.id as via_id', 'v.name as via_name',
      's.id as stream_id', 's.name as stream_name', 's.slug as stream_slug', 'c.id as service_id', 'c.name as service_name', 'c.slug as service_slug',
    ])
    .select(sql<string>`coalesce(f.open_data_prefix, o.slug)`.as('prefix'))
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number]

function toApiAward(row: Row): ApiAward {
  return {
    id: row.id,
    grantId: grantIdentifier(row.prefix, row.id),
    decision: { id: row.decision_id, reference: row.reference, title: row.title },
    recipient: { id: row.recipient_id, name: row.recipient_name, slug: row.recipient_slug },
    amount: penceToPounds(row.amount_pence),
    perAnnum: row.per_annum,
    upTo: row.up_to,
    periodLabel: row.period_label,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    financialYear: row.financial_year,
    route: row.route,
    routeJustification: row.route_justification,
    via: row.via_id === null || row.via_name === null ? null : { id: row.via_id, name: row.via_name },
    fundingStream: row.stream_id === null || row.stream_name === null || row.stream_slug === null ? null : { id: row.stream_id, name: row.stream_name, slug: row.stream_slug },
    service: row.service_id === null || row.service_name === null || row.service_slug === null ? null : { id: row.service_id, name: row.service_name, slug: row.service_slug },
    purpose: row.purpose,
    condition: row.condition,
  }
}

export async function awardsOfDecision(db: Kysely<DB>, decisionId: number): Promise<ApiAward[]> {
  const rows = await baseQuery(db).where('a.decision_id', '=', decisionId).orderBy('a.position').orderBy('a.id').execute()
  return rows.map(toApiAward)
}

/** Public awards, newest first, with the ledger's filters. */
export class ApiAwardQueries {
  constructor(private readonly db: Kysely<DB>) {}

  async list(filter: AwardFilter): Promise<Page<ApiAward>> {
    let query = baseQuery(this.db)
    if (filter.after) query = query.where('a.id', '<', filter.after)
    if (filter.officeId) query = query.where('d.office_id', '=', filter.officeId)
    if (filter.decisionId) query = query.where('a.decision_id', '=', filter.decisionId)
    if (filter.serviceId) query = query.where('a.service_id', '=', filter.serviceId)
    if (filter.route) query = query.where('a.route', '=', filter.route)
    if (filter.year) {
      const year = filter.year
      const [start, end] = [`${year}-04-01`, `${year + 1}-03-31`]
      query = query.where((eb) =>
        eb.or([
          eb.and([eb('a.period_start', '<=', end), eb('a.period_end', '>=', start)]),
          eb.and([eb.or([eb('a.period_start', 'is', null), eb('a.period_end', 'is', null)]), eb('a.financial_year', '=', year)]),
        ]),
      )
    }
    if (filter.provider) query = 'id' in filter.provider ? query.where('a.recipient_id', '=', filter.provider.id) : query.where('r.slug', '=', filter.provider.slug)
    if (filter.via) query = 'id' in filter.via ? query.where('a.via_id', '=', filter.via.id) : query.where('v.slug', '=', filter.via.slug)
    if (filter.stream) query = 'id' in filter.stream ? query.where('a.funding_stream_id', '=', filter.stream.id) : query.where('s.slug', '=', filter.stream.slug)
    const rows = await query.orderBy('a.id', 'desc').limit(filter.limit + 1).execute()
    const page = toPage(rows, filter.limit)
    return { ...page, items: page.items.map(toApiAward) }
  }

  async find(id: number): Promise<ApiAward | undefined> {
    const row = await baseQuery(this.db).where('a.id', '=', id).executeTakeFirst()
    return row && toApiAward(row)
  }
}
