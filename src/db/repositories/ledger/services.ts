import type { OfficeScope } from '../../../domain/office-scope.ts'
import { ownedOrSharedInScope } from '../office-scope.ts'
import { sql, type Kysely, type Selectable } from 'kysely'
import type { ContributionsTable, DB, OutcomeReturnsTable, ServicesTable } from '../../tables/index.ts'
import { publicContribution, publicDecision, publicService } from '../public.ts'
import { inOffices } from './ledger-conditions.ts'
import { linkedNames } from '../linked-names.ts'

export interface ServiceListFilter {
  serviceType?: string
  areaId?: number
  providerId?: number
  leadId?: number
  /** Only services of these offices (and those of no office): the staff list of services to keep records for. */
  scope?: OfficeScope
  /** Only services of this office: an office's public register. */
  officeId?: number
  offices?: number[]
}

export interface ServiceSummary {
  id: number
  name: string
  slug: string
  serviceType: string
  leadName: string | null
  leadSlug: string | null
  startDate: string | null
  endDate: string | null
  extensionMonths: number | null
  extensionTakenMonths: number
  areas: string[]
  providers: string[]
}

export interface ServiceDetail {
  service: Selectable<ServicesTable>
  leadName: string | null
  leadSlug: string | null
  officeName: string | null
  decision: { slug: string | null; reference: string | null; title: string } | null
  predecessor: { name: string; slug: string } | null
  successors: Array<{ name: string; slug: string }>
  successorDecision: { slug: string | null; reference: string | null; title: string } | null
  areas: Array<{ name: string; slug: string }>
  providers: Array<{ id: number; name: string; slug: string }>
  contributions: Array<
    Selectable<ContributionsTable> & { organisationSlug: string | null; officeContribution: boolean }
  >
  outcomes: Array<Selectable<OutcomeReturnsTable>>
}

export interface PipelineRow {
  id: number
  name: string
  slug: string
  serviceType: string
  leadName: string | null
  endDate: string
  extensionMonths: number | null
  extensionTakenMonths: number
  breakNoticeMonths: number | null
  successorDecidedOn: Array<string | null>
}

export class CommissionedServiceRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async listPublic(filter: ServiceListFilter = {}): Promise<ServiceSummary[]> {
    let query = this.publicServices().select([
      'l.slug as leadSlug',
      's.start_date as startDate',
      's.end_date as endDate',
      's.extension_months as extensionMonths',
      's.extension_taken_months as extensionTakenMonths',
      sql<
        string[]
      >`array(select ar.name from service_areas sa join areas ar on ar.id = sa.area_id where sa.service_id = s.id order by ar.name)`.as(
        'areas',
      ),
      sql<
        string[]
      >`array(select o.name from service_providers sp join organisations o on o.id = sp.organisation_id where sp.service_id = s.id order by o.name)`.as(
        'providers',
      ),
    ])
    if (filter.scope) query = query.where(ownedOrSharedInScope(filter.scope, 's.office_id'))
    if (filter.officeId !== undefined) query = query.where('s.office_id', '=', filter.officeId)
    if (filter.offices !== undefined) query = query.where(inOffices(sql`s.office_id`, filter.offices))
    if (filter.serviceType) query = query.where('s.service_type', '=', filter.serviceType)
    if (filter.leadId !== undefined) query = query.where('s.lead_commissioner_id', '=', filter.leadId)
    if (filter.areaId !== undefined)
      query = query.where(
        sql<boolean>`exists (select 1 from service_areas sa where sa.service_id = s.id and sa.area_id = ${filter.areaId})`,
      )
    if (filter.providerId !== undefined) {
      query = query.where(
        sql<boolean>`exists (select 1 from service_providers sp where sp.service_id = s.id and sp.organisation_id = ${filter.providerId})`,
      )
    }
    return query
      .orderBy(sql`s.end_date desc nulls last`)
      .orderBy('s.name')
      .execute()
  }

  async findPublicBySlug(slug: string): Promise<ServiceDetail | undefined> {
    const service = await this.db
      .selectFrom('services as s')
      .selectAll('s')
      .where('s.slug', '=', slug)
      .where(publicService)
      .executeTakeFirst()
    if (!service) return undefined
    const id = service.id
    const [
      lead,
      office,
      decision,
      predecessor,
      successors,
      [areas, providers, contributions, outcomes],
      successorDecision,
    ] = await Promise.all([
      service.lead_commissioner_id === null
        ? undefined
        : this.db
            .selectFrom('organisations')
            .select(['name', 'slug'])
            .where('id', '=', service.lead_commissioner_id)
            .executeTakeFirst(),
      service.office_id === null
        ? undefined
        : this.db.selectFrom('organisations').select('name').where('id', '=', service.office_id).executeTakeFirst(),
      this.publicDecisionLink(service.decision_id),
      service.predecessor_id === null
        ? undefined
        : this.publicServiceLinks().where('s.id', '=', service.predecessor_id).executeTakeFirst(),
      this.publicServiceLinks().where('s.predecessor_id', '=', id).orderBy('s.start_date').execute(),
      this.partsOf(id),
      this.publicDecisionLink(service.successor_decision_id),
    ])
    return {
      service,
      leadName: lead?.name ?? null,
      leadSlug: lead?.slug ?? null,
      officeName: office?.name ?? null,
      decision: decision ?? null,
      predecessor: predecessor ?? null,
      successors,
      successorDecision: successorDecision ?? null,
      areas,
      providers,
      contributions,
      outcomes,
    }
  }

  /** A public service's areas and providers by name, its public contributions, and its outcome returns. */
  private partsOf(id: number) {
    return Promise.all([
      linkedNames(this.db, 'service_areas', [id]),
      linkedNames(this.db, 'service_providers', [id]),
      this.db
        .selectFrom('contributions as c')
        .leftJoin('organisations as o', 'o.id', 'c.organisation_id')
        .selectAll('c')
        .select([
          'o.slug as organisationSlug',
          sql<boolean>`coalesce(o.kind = 'office', false)`.as('officeContribution'),
        ])
        .where('c.service_id', '=', id)
        .where(publicContribution)
        .orderBy(sql`c.financial_year nulls first`)
        .orderBy('c.id')
        .execute(),
      this.db
        .selectFrom('outcome_returns')
        .selectAll()
        .where('service_id', '=', id)
        .orderBy('quarter_start')
        .orderBy('measure')
        .execute(),
    ])
  }

  /** Public services (`s`) with their lead commissioner (`l`), and the columns every list of them shows first. */
  private publicServices() {
    return this.db
      .selectFrom('services as s')
      .leftJoin('organisations as l', 'l.id', 's.lead_commissioner_id')
      .where(publicService)
      .select(['s.id', 's.name', 's.slug', 's.service_type as serviceType', 'l.name as leadName'])
  }

  /** Public services (`s`) by name and address, for links to them: a service's predecessor and successors. */
  private publicServiceLinks() {
    return this.db.selectFrom('services as s').select(['s.name', 's.slug']).where(publicService)
  }

  /** A decision a service links to, when it is public: its address, reference and title. */
  private publicDecisionLink(id: number | null) {
    if (id === null) return undefined
    return this.db
      .selectFrom('decisions as d')
      .select(['d.slug', 'd.reference', 'd.title'])
      .where('d.id', '=', id)
      .where(publicDecision)
      .executeTakeFirst()
  }

  /**
   * Services to recommission: public services with an end date, and for each, when the decisions commissioning its
   * successors were made; for an office register, of the register's offices only.
   */
  async pipelineCandidates(offices?: readonly number[]): Promise<PipelineRow[]> {
    const rows = await this.publicServices()
      .$if(offices !== undefined, (q) => q.where(inOffices(sql`s.office_id`, offices!)))
      .where('s.end_date', 'is not', null)
      // A service recorded as ended has nothing left to recommission.
      .where('s.ended_on', 'is', null)
      .select([
        's.end_date as endDate',
        's.extension_months as extensionMonths',
        's.extension_taken_months as extensionTakenMonths',
        's.break_notice_months as breakNoticeMonths',
        // A successor counts from the date its decision was made; one recorded without a decision counts at once (null).
        sql<Array<string | null>>`array(
          select case when n.decision_id is null then null else coalesce(d.date_decided, d.date_received, '0001-01-01')::text end
          from services n left join decisions d on d.id = n.decision_id
          where n.predecessor_id = s.id and (n.decision_id is null or ${publicDecision})
          union all
          select coalesce(d.date_decided, d.date_received, '0001-01-01')::text from decisions d
          where d.id = s.successor_decision_id and ${publicDecision})`.as('successorDecidedOn'),
      ])
      .orderBy('s.end_date')
      .orderBy('s.name')
      .execute()
    return rows.map((row) => ({ ...row, endDate: row.endDate! }))
  }

  async findIdBySlug(slug: string): Promise<number | undefined> {
    return (await this.db.selectFrom('services').select('id').where('slug', '=', slug).executeTakeFirst())?.id
  }

  async listAll(): Promise<Array<{ id: number; name: string; slug: string }>> {
    return this.db.selectFrom('services').select(['id', 'name', 'slug']).orderBy('name').execute()
  }
}
