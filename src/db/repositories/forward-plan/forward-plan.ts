import { sql, type Kysely, type Transaction } from 'kysely'
import type { OfficeScope } from '../../../domain/office-scope.ts'
import type { PlanStatus } from '../../../domain/forward-plan.ts'
import type { DB } from '../../tables/index.ts'
import { inOfficeScope } from '../office-scope.ts'
import { listedDecision, publicService } from '../public.ts'

type Handle = Kysely<DB> | Transaction<DB>

/** Who reads the plan: staff within their offices, or the public (published decisions only). */
export type PlanReader = { staff: OfficeScope } | 'public'

/** Statuses of a decision that has been taken, for staff: decided, whether or not published yet. */
export const TAKEN_STATUSES = ['approved', 'published', 'imported'] as const

export interface PlanEntryRow {
  id: number
  officeId: number
  officeName: string
  title: string
  expectedMonth: string
  estimatedValuePence: number | null
  serviceId: number | null
  serviceName: string | null
  serviceSlug: string | null
  /** Whether the public may see the service. */
  servicePublic: boolean
  keyDecision: boolean
  status: PlanStatus
  decisionId: number | null
  decisionReference: string | null
  decisionTitle: string | null
  decisionSlug: string | null
  /** The day the linked decision was taken. */
  takenOn: string | null
  /** Whether the linked decision is on the public register. */
  decisionListed: boolean
  droppedReason: string | null
  droppedOn: string | null
}

export interface TakenDecisionRow {
  id: number
  officeId: number
  officeName: string
  reference: string | null
  title: string
  slug: string | null
  takenOn: string
  onPlan: boolean
}

export interface PlanEntryValues {
  officeId: number
  title: string
  expectedMonth: string
  estimatedValuePence: number | null
  serviceId: number | null
  keyDecision: boolean
}

/** The forward plan's records: planned decisions, and the decisions taken to compare them with. */
export class ForwardPlanRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private entryQuery(handle: Handle) {
    return handle
      .selectFrom('planned_decisions as p')
      .innerJoin('offices as of', 'of.organisation_id', 'p.office_id')
      .innerJoin('organisations as oo', 'oo.id', 'p.office_id')
      .leftJoin('services as s', 's.id', 'p.service_id')
      .leftJoin('decisions as d', 'd.id', 'p.decision_id')
      .select([
        'p.id',
        'p.office_id as officeId',
        'oo.name as officeName',
        'p.title',
        'p.expected_month as expectedMonth',
        'p.estimated_value_pence as estimatedValuePence',
        'p.service_id as serviceId',
        's.name as serviceName',
        's.slug as serviceSlug',
        sql<boolean>`(s.id is not null and ${publicService})`.as('servicePublic'),
        'p.key_decision as keyDecision',
        'p.status',
        'p.decision_id as decisionId',
        'd.reference as decisionReference',
        'd.title as decisionTitle',
        'd.slug as decisionSlug',
        'd.date_decided as takenOn',
        sql<boolean>`(d.id is not null and ${listedDecision})`.as('decisionListed'),
        'p.dropped_reason as droppedReason',
        'p.dropped_on as droppedOn',
      ])
  }

  /** The plan entries a reader may see, of one office or all, by expected month. */
  async entries(reader: PlanReader, officeId?: number): Promise<PlanEntryRow[]> {
    let query = this.entryQuery(this.db)
    if (reader !== 'public') query = query.where(inOfficeScope(reader.staff, 'p.office_id'))
    if (officeId !== undefined) query = query.where('p.office_id', '=', officeId)
    return query.orderBy('p.expected_month').orderBy('p.title').orderBy('p.id').execute()
  }

  async find(id: number, scope: OfficeScope, handle: Handle = this.db): Promise<PlanEntryRow | undefined> {
    return this.entryQuery(handle).where('p.id', '=', id).where(inOfficeScope(scope, 'p.office_id')).executeTakeFirst()
  }

  /**
   * Decisions taken between two days (inclusive), with whether a plan entry names them: for staff, every
   * decision approved, published or imported in their offices; for the public, those on the public register.
   */
  async decisionsTaken(reader: PlanReader, from: string, to: string, officeId?: number): Promise<TakenDecisionRow[]> {
    let query = this.db
      .selectFrom('decisions as d')
      .innerJoin('organisations as oo', 'oo.id', 'd.office_id')
      .select([
        'd.id',
        'd.office_id as officeId',
        'oo.name as officeName',
        'd.reference',
        'd.title',
        'd.slug',
        sql<string>`d.date_decided`.as('takenOn'),
        sql<boolean>`exists (select 1 from planned_decisions p where p.decision_id = d.id)`.as('onPlan'),
      ])
      .where('d.kind', '=', 'decision')
      .where('d.date_decided', '>=', from)
      .where('d.date_decided', '<=', to)
    query =
      reader === 'public'
        ? query.where(listedDecision)
        : query.where('d.status', 'in', [...TAKEN_STATUSES]).where(inOfficeScope(reader.staff, 'd.office_id'))
    if (officeId !== undefined) query = query.where('d.office_id', '=', officeId)
    return query.orderBy('d.date_decided').orderBy('d.id').execute()
  }

  /** The earliest and latest months the plan and the decisions taken span, for choosing a quarter. */
  async span(reader: PlanReader, officeId?: number): Promise<{ first: string | null; last: string | null }> {
    const scope = reader === 'public' ? sql<boolean>`true` : inOfficeScope(reader.staff, 'office_id')
    const office = officeId === undefined ? sql<boolean>`true` : sql<boolean>`office_id = ${officeId}`
    const row = await sql<{ first: string | null; last: string | null }>`
      select min(day)::text as first, max(day)::text as last from (
        select expected_month as day, office_id from planned_decisions
        union all select dropped_on, office_id from planned_decisions where dropped_on is not null
        union all select d.date_decided, d.office_id from decisions d join planned_decisions p on p.decision_id = d.id
      ) x where ${scope} and ${office}`.execute(this.db)
    return row.rows[0] ?? { first: null, last: null }
  }

  /** Offices to choose between: the reader's own, or for the public every office with a forward plan. */
  async offices(reader: PlanReader): Promise<Array<{ id: number; name: string }>> {
    let query = this.db
      .selectFrom('offices as of')
      .innerJoin('organisations as o', 'o.id', 'of.organisation_id')
      .select(['of.organisation_id as id', 'o.name'])
    query =
      reader === 'public'
        ? query.where(sql<boolean>`exists (select 1 from planned_decisions p where p.office_id = of.organisation_id)`)
        : query.where(inOfficeScope(reader.staff, 'of.organisation_id'))
    return query.orderBy('o.name').execute()
  }

  /** The services a plan entry of an office may name: the office's own and shared ones. */
  async services(officeId: number, handle: Handle = this.db): Promise<Array<{ id: number; name: string }>> {
    return handle
      .selectFrom('services')
      .select(['id', 'name'])
      .where((eb) => eb.or([eb('office_id', '=', officeId), eb('office_id', 'is', null)]))
      .orderBy('name')
      .execute()
  }

  /** The decisions of an office that a plan entry may be linked to: decisions taken (approved, published or imported). */
  async linkableDecisions(
    officeId: number,
    handle: Handle = this.db,
  ): Promise<Array<{ id: number; reference: string | null; title: string; takenOn: string | null }>> {
    return handle
      .selectFrom('decisions')
      .select(['id', 'reference', 'title', 'date_decided as takenOn'])
      .where('office_id', '=', officeId)
      .where('kind', '=', 'decision')
      .where('status', 'in', [...TAKEN_STATUSES])
      .orderBy(sql`date_decided desc nulls last`)
      .orderBy('id', 'desc')
      .execute()
  }

  async insert(values: PlanEntryValues, handle: Handle): Promise<number> {
    const row = await handle
      .insertInto('planned_decisions')
      .values({
        office_id: values.officeId,
        title: values.title,
        expected_month: values.expectedMonth,
        estimated_value_pence: values.estimatedValuePence,
        service_id: values.serviceId,
        key_decision: values.keyDecision,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  }

  async update(id: number, values: Omit<PlanEntryValues, 'officeId'>, handle: Handle): Promise<void> {
    await handle
      .updateTable('planned_decisions')
      .set({
        title: values.title,
        expected_month: values.expectedMonth,
        estimated_value_pence: values.estimatedValuePence,
        service_id: values.serviceId,
        key_decision: values.keyDecision,
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .execute()
  }

  async setStatus(
    id: number,
    change:
      | { status: 'planned' }
      | { status: 'taken'; decisionId: number }
      | { status: 'dropped'; reason: string; on: string },
    handle: Handle,
  ): Promise<void> {
    await handle
      .updateTable('planned_decisions')
      .set({
        status: change.status,
        decision_id: change.status === 'taken' ? change.decisionId : null,
        dropped_reason: change.status === 'dropped' ? change.reason : null,
        dropped_on: change.status === 'dropped' ? change.on : null,
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .execute()
  }
}
