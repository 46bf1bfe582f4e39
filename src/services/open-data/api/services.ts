import { sql, type Kysely } from 'kysely'
import type { DB } from '../../../db/tables/index.ts'
import { openDecision } from '../public-scope.ts'
import { type IdOrSlug, type Page, type PageRequest, type RowOf, findById, newestFirstPage } from './page.ts'

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
    let query = serviceRows(this.db)
    if (filter.type) query = query.where('s.service_type', '=', filter.type)
    if (filter.officeId) query = query.where('s.office_id', '=', filter.officeId)
    if (filter.lead)
      query =
        'id' in filter.lead
          ? query.where('s.lead_commissioner_id', '=', filter.lead.id)
          : query.where('l.slug', '=', filter.lead.slug)
    const area = filter.area
    if (area) {
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('service_areas as x')
            .innerJoin('areas as a', 'a.id', 'x.area_id')
            .select('x.area_id')
            .whereRef('x.service_id', '=', 's.id')
            .where('id' in area ? sql<boolean>`a.id = ${area.id}` : sql<boolean>`a.slug = ${area.slug}`),
        ),
      )
    }
    const provider = filter.provider
    if (provider) {
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('service_providers as x')
            .innerJoin('organisations as p', 'p.id', 'x.organisation_id')
            .select('x.service_id')
            .whereRef('x.service_id', '=', 's.id')
            .where('id' in provider ? sql<boolean>`p.id = ${provider.id}` : sql<boolean>`p.slug = ${provider.slug}`),
        ),
      )
    }
    return newestFirstPage(query, 's.id', filter, (items) => this.shape(items))
  }

  find(id: number): Promise<ApiService | undefined> {
    return findById(serviceRows(this.db), 's.id', id, (rows) => this.shape(rows))
  }

  private async shape(rows: RowOf<typeof serviceRows>[]): Promise<ApiService[]> {
    if (!rows.length) return []
    const ids = rows.map((r) => r.id)
    const [areas, providers] = await Promise.all([
      this.db
        .selectFrom('service_areas as x')
        .innerJoin('areas as a', 'a.id', 'x.area_id')
        .select(['x.service_id', 'a.id', 'a.name', 'a.slug'])
        .where('x.service_id', 'in', ids)
        .orderBy('a.name')
        .execute(),
      this.db
        .selectFrom('service_providers as x')
        .innerJoin('organisations as p', 'p.id', 'x.organisation_id')
        .select(['x.service_id', 'p.id', 'p.name', 'p.slug'])
        .where('x.service_id', 'in', ids)
        .orderBy('p.name')
        .execute(),
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
      areas: areas.filter((a) => a.service_id === r.id).map(({ id, name, slug }) => ({ id, name, slug })),
      providers: providers.filter((p) => p.service_id === r.id).map(({ id, name, slug }) => ({ id, name, slug })),
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
