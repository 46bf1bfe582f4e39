import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { DB } from '../../tables/index.ts'
import { publicContribution, publicService } from '../public.ts'
import { inOffices } from './ledger-conditions.ts'
import { groupBy } from '../../../domain/group-by.ts'

/** What the public list of partner contributions can be narrowed by. The year is a financial year's first year. */
export interface ContributionFilter {
  partnerId?: number
  /** Contributions to a service this organisation provides. */
  providerId?: number
  year?: number
  areaId?: number
  serviceId?: number
  serviceType?: string
  leadId?: number
  officeId?: number
  offices?: number[]
}

export interface ContributionRow {
  contributionId: number
  partnerId: number | null
  partnerName: string
  partnerSlug: string | null
  amountPence: number
  perAnnum: boolean
  upTo: boolean
  financialYear: number | null
  condition: string | null
  serviceId: number | null
  serviceName: string | null
  serviceSlug: string | null
  serviceType: string | null
  periodStart: string | null
  periodEnd: string | null
  leadId: number | null
  leadName: string | null
  officeId: number | null
  officeName: string | null
  decisionSlug: string | null
  decisionReference: string | null
  decisionTitle: string | null
  decisionDate: string | null
}

/**
 * Partner contributions the public may see (co-funding beside the awards): recorded on a public decision whose
 * money is public, or against a public commissioned service. The period of a contribution without a financial
 * year is its service's.
 */
export class PublicContributionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async list(filter: ContributionFilter = {}): Promise<ContributionRow[]> {
    const result = await sql<ContributionRow>`
      select c.id as "contributionId", c.organisation_id as "partnerId", coalesce(p.name, c.organisation_name) as "partnerName",
        p.slug as "partnerSlug", c.amount_pence as "amountPence", c.per_annum as "perAnnum", c.up_to as "upTo",
        c.financial_year as "financialYear", c.condition, s.id as "serviceId", s.name as "serviceName", s.slug as "serviceSlug",
        s.service_type as "serviceType", s.start_date as "periodStart", s.end_date as "periodEnd", s.lead_commissioner_id as "leadId", lead.name as "leadName",
        coalesce(d.office_id, s.office_id) as "officeId", office.name as "officeName", d.slug as "decisionSlug",
        d.reference as "decisionReference", d.title as "decisionTitle", coalesce(d.date_decided, d.date_received) as "decisionDate"
      from contributions c
      left join services s on s.id = c.service_id
      left join decisions d on d.id = coalesce(c.decision_id, s.decision_id)
      left join organisations p on p.id = c.organisation_id
      left join organisations lead on lead.id = s.lead_commissioner_id
      left join organisations office on office.id = coalesce(d.office_id, s.office_id)
      where ${publicContribution} and ${conditions(filter)}
      order by "decisionDate" desc nulls last, s.name nulls last, c.amount_pence desc, c.id`.execute(this.db)
    return result.rows.map((row) => ({
      ...row,
      amountPence: Number(row.amountPence),
      leadId: row.leadId === null ? null : Number(row.leadId),
    }))
  }

  /** The providers of public commissioned services, by service, for dividing the partners' money between them. */
  async providersOf(serviceIds: readonly number[]): Promise<Map<number, Array<{ id: number; name: string }>>> {
    if (!serviceIds.length) return new Map()
    const result = await sql<{ serviceId: number; id: number; name: string }>`
      select sp.service_id as "serviceId", o.id, o.name from service_providers sp
      join services s on s.id = sp.service_id join organisations o on o.id = sp.organisation_id
      where sp.service_id in (${sql.join([...new Set(serviceIds)])}) and ${publicService}
      order by sp.service_id, o.id`.execute(this.db)
    return groupBy(
      result.rows,
      (row) => row.serviceId,
      (row) => ({ id: Number(row.id), name: row.name }),
    )
  }

  /** Partners with a public contribution, for the ledger's filter. */
  async partners(): Promise<Array<{ id: number; name: string; slug: string }>> {
    const result = await sql<{ id: number; name: string; slug: string }>`
      select distinct p.id, p.name, p.slug from contributions c join organisations p on p.id = c.organisation_id
      where ${publicContribution} order by p.name`.execute(this.db)
    return result.rows
  }
}

function conditions(filter: ContributionFilter): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [sql`true`]
  if (filter.partnerId !== undefined) parts.push(sql`c.organisation_id = ${filter.partnerId}`)
  if (filter.providerId !== undefined)
    parts.push(
      sql`exists (select 1 from service_providers sp where sp.service_id = s.id and sp.organisation_id = ${filter.providerId})`,
    )
  if (filter.serviceId !== undefined) parts.push(sql`s.id = ${filter.serviceId}`)
  if (filter.serviceType !== undefined) parts.push(sql`s.service_type = ${filter.serviceType}`)
  if (filter.leadId !== undefined) parts.push(sql`s.lead_commissioner_id = ${filter.leadId}`)
  if (filter.officeId !== undefined) parts.push(sql`coalesce(d.office_id, s.office_id) = ${filter.officeId}`)
  if (filter.offices !== undefined) parts.push(inOffices(sql`coalesce(d.office_id, s.office_id)`, filter.offices))
  if (filter.areaId !== undefined)
    parts.push(sql`(exists (select 1 from service_areas x where x.service_id = s.id and x.area_id = ${filter.areaId})
      or exists (select 1 from decision_areas x where x.decision_id = d.id and x.area_id = ${filter.areaId}))`)
  if (filter.year !== undefined) {
    const start = `${filter.year}-04-01`
    const end = `${filter.year + 1}-03-31`
    parts.push(sql`(c.financial_year = ${filter.year} or (c.financial_year is null
      and s.start_date <= ${end}::date and coalesce(s.end_date, s.start_date) >= ${start}::date))`)
  }
  return sql<boolean>`${sql.join(parts, sql` and `)}`
}
