import { sql, type Kysely, type Transaction } from 'kysely'
import type { DB } from '../../tables/index.ts'
import { publicDecision } from '../public.ts'
import { freeSlug } from '../free-slug.ts'
import { insertRows } from '../insert-rows.ts'

type Handle = Kysely<DB> | Transaction<DB>

/** A service as staff record it: every field the create and edit pages ask for. */
export interface ServiceRecord {
  officeId: number | null
  name: string
  serviceType: string
  description: string | null
  areaIds: number[]
  providerIds: number[]
  leadCommissionerId: number | null
  /** Partners' contributions for every year of the contract (financial_year null). */
  partners: Array<{ organisationId: number; amountPence: number; upTo: boolean; condition: string | null }>
  startDate: string | null
  endDate: string | null
  extensionMonths: number | null
  extensionText: string | null
  breakNoticeMonths: number | null
  predecessorId: number | null
}

export interface ServiceChoices {
  areas: Array<{ id: number; name: string; gssCode: string | null }>
  organisations: Array<{ id: number; name: string; kind: string }>
  services: Array<{ id: number; name: string; slug: string; officeId: number | null }>
  decisions: Array<{ id: number; reference: string | null; title: string; decidedOn: string | null }>
}

/** Writes to commissioned services, and the records staff choose from when keeping them. */
export class ServiceWriteRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** What the service pages offer to choose from; with an office, that office's services and decisions only. */
  async choices(officeId: number | null): Promise<ServiceChoices> {
    let services = this.db.selectFrom('services').select(['id', 'name', 'slug', 'office_id as officeId'])
    let decisions = this.db
      .selectFrom('decisions as d')
      .select(['d.id', 'd.reference', 'd.title', sql<string | null>`d.date_decided::text`.as('decidedOn')])
      .where(publicDecision)
    if (officeId !== null) {
      services = services.where((eb) => eb.or([eb('office_id', '=', officeId), eb('office_id', 'is', null)]))
      decisions = decisions.where('d.office_id', '=', officeId)
    }
    const [areas, organisations, serviceRows, decisionRows] = await Promise.all([
      this.db.selectFrom('areas').select(['id', 'name', 'gss_code as gssCode']).orderBy('name').execute(),
      this.db
        .selectFrom('organisations')
        .select(['id', 'name', 'kind'])
        .where('merged_into_id', 'is', null)
        .orderBy('name')
        .execute(),
      services.orderBy('name').execute(),
      decisions
        .orderBy(sql`d.date_decided desc nulls last`)
        .orderBy('d.id', 'desc')
        .execute(),
    ])
    return { areas, organisations, services: serviceRows, decisions: decisionRows }
  }

  async findRecord(slug: string, handle: Handle = this.db): Promise<(ServiceRecord & { id: number }) | undefined> {
    const s = await handle.selectFrom('services').selectAll().where('slug', '=', slug).executeTakeFirst()
    if (!s) return undefined
    const [areas, providers, partners] = await Promise.all([
      handle.selectFrom('service_areas').select('area_id').where('service_id', '=', s.id).execute(),
      handle.selectFrom('service_providers').select('organisation_id').where('service_id', '=', s.id).execute(),
      handle
        .selectFrom('contributions')
        .select(['organisation_id', 'amount_pence', 'up_to', 'condition'])
        .where('service_id', '=', s.id)
        .where('decision_id', 'is', null)
        .where('financial_year', 'is', null)
        .where('organisation_id', 'is not', null)
        .orderBy('id')
        .execute(),
    ])
    return {
      id: s.id,
      officeId: s.office_id,
      name: s.name,
      serviceType: s.service_type,
      description: s.description,
      areaIds: areas.map((a) => a.area_id),
      providerIds: providers.map((p) => p.organisation_id),
      leadCommissionerId: s.lead_commissioner_id,
      partners: partners.map((p) => ({
        organisationId: p.organisation_id!,
        amountPence: p.amount_pence,
        upTo: p.up_to,
        condition: p.condition,
      })),
      startDate: s.start_date,
      endDate: s.end_date,
      extensionMonths: s.extension_months,
      extensionText: s.extension_text,
      breakNoticeMonths: s.break_notice_months,
      predecessorId: s.predecessor_id,
    }
  }

  async freeSlug(base: string, handle: Handle): Promise<string> {
    return freeSlug(handle, 'services', base || 'service')
  }

  /** Inserts or updates the service and replaces its areas, providers and whole-term partner contributions. */
  async save(record: ServiceRecord, slug: string, id: number | null, trx: Transaction<DB>): Promise<number> {
    const columns = {
      office_id: record.officeId,
      name: record.name,
      service_type: record.serviceType,
      description: record.description,
      lead_commissioner_id: record.leadCommissionerId,
      predecessor_id: record.predecessorId,
      start_date: record.startDate,
      end_date: record.endDate,
      extension_months: record.extensionMonths,
      extension_text: record.extensionText,
      break_notice_months: record.breakNoticeMonths,
    }
    const serviceId =
      id === null
        ? (
            await trx
              .insertInto('services')
              .values({ ...columns, slug })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id
        : (await trx.updateTable('services').set(columns).where('id', '=', id).execute(), id)
    await trx.deleteFrom('service_areas').where('service_id', '=', serviceId).execute()
    await insertRows(
      trx,
      'service_areas',
      record.areaIds.map((area_id) => ({ service_id: serviceId, area_id })),
    )
    await trx.deleteFrom('service_providers').where('service_id', '=', serviceId).execute()
    await insertRows(
      trx,
      'service_providers',
      record.providerIds.map((organisation_id) => ({ service_id: serviceId, organisation_id })),
    )
    await replaceWholeTermPartners(trx, serviceId, record.partners)
    return serviceId
  }
}

/** Replaces a service's whole-term partner contributions (those of no decision and no one year). */
async function replaceWholeTermPartners(
  trx: Transaction<DB>,
  serviceId: number,
  partners: ServiceRecord['partners'],
): Promise<void> {
  await trx
    .deleteFrom('contributions')
    .where('service_id', '=', serviceId)
    .where('decision_id', 'is', null)
    .where('financial_year', 'is', null)
    .execute()
  for (const p of partners) {
    const org = await trx
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', p.organisationId)
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('contributions')
      .values({
        service_id: serviceId,
        organisation_id: p.organisationId,
        organisation_name: org.name,
        amount_pence: p.amountPence,
        per_annum: true,
        up_to: p.upTo,
        condition: p.condition,
      })
      .execute()
  }
}
