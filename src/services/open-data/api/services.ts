import type { Kysely } from 'kysely'
import type { DB } from '../../../db/tables/index.ts'
import { openDecision } from '../public-scope.ts'
import { linkedNames, named } from '../../../db/repositories/linked-names.ts'
import {
  type IdOrSlug,
  type Page,
  type PageRequest,
  type RowOf,
  findById,
  EMPTY_PAGE,
  idsNamed,
  newestFirstPage,
} from './page.ts'
import { groupBy } from '../../../domain/group-by.ts'

export interface ServiceFilter extends PageRequest {
  type?: string
  area?: IdOrSlug
  provider?: IdOrSlug
  lead?: IdOrSlug
  officeId?: number
}

export interface ApiService {
  id: number
  name: string
  slug: string
  serviceType: string
  description: string | null
  office: { id: number; name: string } | null
  leadCommissioner: { id: number; name: string } | null
  decision: { id: number; reference: string | null } | null
  predecessorId: number | null
  startDate: string | null
  endDate: string | null
  extensionMonths: number | null
  extensionTakenMonths: number
  breakNoticeMonths: number | null
  areas: Array<{ id: number; name: string; slug: string }>
  providers: Array<{ id: number; name: string; slug: string }>
}

/** Commissioned services the public may see: not tied to a decision, or tied to an open one. */
export class ApiServiceQueries {
  constructor(private readonly db: Kysely<DB>) {}

  async list(filter: ServiceFilter): Promise<Page<ApiService>> {
    const ids = await idsNamed(this.db, {
      lead: ['organisations', filter.lead],
      area: ['areas', filter.area],
      provider: ['organisations', filter.provider],
    })
    if (!ids) return EMPTY_PAGE
    const { lead: leadId, area: areaId, provider: providerId } = ids
    let query = serviceRows(this.db)
    if (filter.type) query = query.where('s.service_type', '=', filter.type)
    if (filter.officeId) query = query.where('s.office_id', '=', filter.officeId)
    if (leadId !== undefined) query = query.where('s.lead_commissioner_id', '=', leadId)
    if (areaId !== undefined)
      query = query.where(({ exists, selectFrom }) =>
        exists(selectFrom('service_areas as x').whereRef('x.service_id', '=', 's.id').where('x.area_id', '=', areaId)),
      )
    if (providerId !== undefined)
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('service_providers as x')
            .whereRef('x.service_id', '=', 's.id')
            .where('x.organisation_id', '=', providerId),
        ),
      )
    return newestFirstPage(query, 's.id', filter, (items) => this.shape(items))
  }

  find(id: number): Promise<ApiService | undefined> {
    return findById(serviceRows(this.db), 's.id', id, (rows) => this.shape(rows))
  }

  private async shape(rows: RowOf<typeof serviceRows>[]): Promise<ApiService[]> {
    if (!rows.length) return []
    const ids = rows.map((r) => r.id)
    const [areas, providers] = await Promise.all([
      linkedNames(this.db, 'service_areas', ids).then((names) => groupBy(names, (n) => n.ownerId, named)),
      linkedNames(this.db, 'service_providers', ids).then((names) => groupBy(names, (n) => n.ownerId, named)),
    ])
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      slug: r.slug,
      serviceType: r.service_type,
      description: r.description,
      office: r.office_id === null || r.office_name === null ? null : { id: r.office_id, name: r.office_name },
      leadCommissioner:
        r.lead_commissioner_id === null || r.lead_name === null
          ? null
          : { id: r.lead_commissioner_id, name: r.lead_name },
      decision: r.decision_id === null ? null : { id: r.decision_id, reference: r.reference },
      predecessorId: r.predecessor_id,
      startDate: r.start_date,
      endDate: r.end_date,
      extensionMonths: r.extension_months,
      extensionTakenMonths: r.extension_taken_months,
      breakNoticeMonths: r.break_notice_months,
      areas: areas.get(r.id) ?? [],
      providers: providers.get(r.id) ?? [],
    }))
  }
}

/** Commissioned services the public may see, with their office, lead commissioner and decision. */
function serviceRows(db: Kysely<DB>) {
  return db
    .selectFrom('services as s')
    .leftJoin('organisations as l', 'l.id', 's.lead_commissioner_id')
    .leftJoin('organisations as o', 'o.id', 's.office_id')
    .leftJoin('decisions as d', 'd.id', 's.decision_id')
    .where((eb) => eb.or([eb('s.decision_id', 'is', null), openDecision]))
    .select([
      's.id',
      's.name',
      's.slug',
      's.service_type',
      's.description',
      's.office_id',
      'o.name as office_name',
      's.lead_commissioner_id',
      'l.name as lead_name',
      's.decision_id',
      'd.reference',
      's.predecessor_id',
      's.start_date',
      's.end_date',
      's.extension_months',
      's.extension_taken_months',
      's.break_notice_months',
    ])
}
