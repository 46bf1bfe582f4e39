import type { Transaction } from 'kysely'
import { financialYearOf } from '../../domain/financial-year.ts'
import { parsePoundsInput } from '../../domain/money.ts'
import { slugify } from '../../domain/slug.ts'
import type { Database } from '../../db/database.ts'
import type { Role } from '../../domain/roles.ts'
import { AccountService } from '../accounts/accounts.ts'
import { SYSTEM_ACTOR } from '../audit/audit.ts'
import { DecisionRepository } from '../../db/repositories/decisions/decisions.ts'
import { OrganisationRepository } from '../../db/repositories/ledger/organisations.ts'
import type { DB } from '../../db/tables/index.ts'
import {
  demoAreas,
  demoDecisions,
  demoFoiRequest,
  demoForwardPlan,
  demoFundingStreams,
  demoOffices,
  demoOrganisations,
  demoServices,
} from './records.ts'

export class RegisterNotEmptyError extends Error {}

/** Loads the demonstration register into an empty database, all or nothing. */
export interface DemoAccount {
  email: string
  name: string
  roles: Role[]
  password: string
}

const DEMO_PEOPLE: Array<Omit<DemoAccount, 'password'>> = [
  { email: 'officer@demo.example', name: 'Olivia Officer', roles: ['officer'] },
  { email: 'finance@demo.example', name: 'Farid Finance', roles: ['finance_officer'] },
  { email: 'chief.executive@demo.example', name: 'Chloe Chief', roles: ['chief_executive'] },
  { email: 'commissioner@demo.example', name: 'Dev Decider', roles: ['decision_maker'] },
  { email: 'admin@demo.example', name: 'Ada Admin', roles: ['administrator'] },
]

/**
 * Loads the demonstration register into an empty database, all or nothing, then one staff account per
 * role with a fresh password, returned so that it can be shown once.
 */
export async function loadDemonstrationData(
  database: Database,
): Promise<{ decisions: number; accounts: DemoAccount[] }> {
  await database.transaction(async (trx) => {
    const existing = await trx.selectFrom('organisations').select('id').limit(1).executeTakeFirst()
    if (existing)
      throw new RegisterNotEmptyError(
        'The database already holds records; demonstration data is only loaded into an empty register.',
      )
    const loader = new DemoLoader(trx)
    await loader.load()
  })
  const accountService = new AccountService(database)
  const accounts: DemoAccount[] = []
  for (const person of DEMO_PEOPLE) {
    const { password } = await accountService.create({ ...person }, SYSTEM_ACTOR)
    accounts.push({ ...person, password })
  }
  return { decisions: demoDecisions.length, accounts }
}

class DemoLoader {
  private readonly organisations: OrganisationRepository
  private readonly decisions: DecisionRepository
  private readonly officeIds = new Map<string, number>()
  private readonly officeNames = new Map<string, string>()
  private readonly areaIds = new Map<string, number>()
  private readonly streamIds = new Map<string, number>()
  private readonly serviceIds = new Map<string, number>()

  constructor(private readonly trx: Transaction<DB>) {
    this.organisations = new OrganisationRepository(trx)
    this.decisions = new DecisionRepository(trx)
  }

  async load(): Promise<void> {
    await this.loadOffices()
    for (const org of demoOrganisations) await this.organisations.create(org, this.trx)
    await this.loadAreas()
    await this.loadFundingStreams()
    await this.loadServices()
    const decisionIds = await this.loadDecisions()
    await this.loadFoiRequest(decisionIds)
    await this.loadForwardPlan(decisionIds)
  }

  private async loadForwardPlan(decisionIds: Map<string, number>): Promise<void> {
    for (const p of demoForwardPlan) {
      const decisionId = p.takenBy ? decisionIds.get(p.takenBy) : undefined
      if (p.takenBy && decisionId === undefined)
        throw new Error(`The forward plan names an unknown decision: ${p.takenBy}`)
      await this.trx
        .insertInto('planned_decisions')
        .values({
          office_id: this.office(p.office),
          title: p.title,
          expected_month: `${p.expected}-01`,
          estimated_value_pence: p.estimate ? parsePoundsInput(p.estimate) : null,
          service_id: p.service ? (this.serviceIds.get(p.service) ?? null) : null,
          key_decision: p.key ?? false,
          status: decisionId !== undefined ? 'taken' : p.dropped ? 'dropped' : 'planned',
          decision_id: decisionId ?? null,
          dropped_reason: p.dropped?.reason ?? null,
          dropped_on: p.dropped?.on ?? null,
        })
        .execute()
    }
  }

  private async org(name: string): Promise<number> {
    return (await this.organisations.findOrCreate({ name, kind: 'other' }, this.trx)).id
  }

  private office(shortName: string): number {
    return named(this.officeIds, 'office', shortName)
  }

  private async loadOffices(): Promise<void> {
    for (const office of demoOffices) {
      const org = await this.organisations.create({ name: office.name, kind: 'office' }, this.trx)
      await this.trx
        .insertInto('offices')
        .values({
          organisation_id: org.id,
          short_name: office.shortName,
          decision_maker_title: office.decisionMakerTitle,
          reference_format: office.referenceFormat,
          open_data_prefix: office.openDataPrefix,
          area_description: office.areaDescription,
          copyright_holder: office.name,
        })
        .execute()
      this.officeIds.set(office.shortName, org.id)
      this.officeNames.set(office.shortName, office.name)
    }
    await this.trx
      .insertInto('register_settings')
      .values({ home_office_id: this.office('Nottinghamshire'), register_name: 'Commissioning Register' })
      .execute()
  }

  private async loadAreas(): Promise<void> {
    for (const area of demoAreas) {
      const row = await this.trx
        .insertInto('areas')
        .values({ name: area.name, slug: slugify(area.name), kind: area.kind })
        .returning('id')
        .executeTakeFirstOrThrow()
      this.areaIds.set(area.name, row.id)
    }
  }

  /** The columns of an office's named record (a funding stream, a service): the office, the name and its slug. */
  private officeNamed(office: string, name: string) {
    return { office_id: this.office(office), name, slug: slugify(name) }
  }

  private area(name: string): number {
    return named(this.areaIds, 'area', name)
  }

  private async loadFundingStreams(): Promise<void> {
    for (const stream of demoFundingStreams) {
      const row = await this.trx
        .insertInto('funding_streams')
        .values({
          ...this.officeNamed(stream.office, stream.name),
          funder_id: 'funder' in stream && stream.funder ? await this.org(stream.funder) : null,
          description: stream.description,
          conditions: 'conditions' in stream ? (stream.conditions ?? null) : null,
          match_funding_required: 'matchFunding' in stream ? Boolean(stream.matchFunding) : false,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      this.streamIds.set(stream.name, row.id)
      if ('terms' in stream && stream.terms) await this.loadStreamTerms(row.id, stream.terms)
    }
  }

  /** A stream's conditions: its grant period, spend-by date, ring-fences, agreement and match funding. */
  private async loadStreamTerms(
    id: number,
    terms: {
      grantStart?: string
      grantEnd?: string
      spendBy?: string
      fundingStatus?: 'confirmed' | 'expected'
      agreementReference?: string
      ringFencedServiceTypes?: string[]
      ringFenceNames?: string[]
      matchFunding?: Array<{ financialYear: number; fromName: string; amountPence: number }>
    },
  ): Promise<void> {
    await this.trx
      .updateTable('funding_streams')
      .set({
        grant_start: terms.grantStart ?? null,
        grant_end: terms.grantEnd ?? null,
        spend_by: terms.spendBy ?? null,
        funding_status: terms.fundingStatus ?? 'confirmed',
        agreement_reference: terms.agreementReference ?? null,
        ring_fenced_service_types: terms.ringFencedServiceTypes ?? [],
        ring_fence_names: terms.ringFenceNames ?? [],
        match_funding_required: Boolean(terms.matchFunding?.length),
      })
      .where('id', '=', id)
      .execute()
    for (const m of terms.matchFunding ?? [])
      await this.trx
        .insertInto('funding_stream_match_funding')
        .values({
          funding_stream_id: id,
          financial_year: m.financialYear,
          from_organisation_id: await this.org(m.fromName),
          from_name: m.fromName,
          amount_pence: m.amountPence,
        })
        .execute()
  }

  private async loadServices(): Promise<void> {
    for (const service of demoServices) {
      const row = await this.trx
        .insertInto('services')
        .values({
          ...this.officeNamed(service.office, service.name),
          service_type: service.type,
          description: service.description,
          lead_commissioner_id: service.lead ? await this.org(service.lead) : null,
          predecessor_id: service.predecessor ? (this.serviceIds.get(service.predecessor) ?? null) : null,
          start_date: service.start,
          end_date: service.end,
          extension_months: service.extensionMonths ?? null,
          extension_text: service.extensionText ?? null,
          break_notice_months: service.breakNoticeMonths ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      this.serviceIds.set(service.name, row.id)
      for (const area of service.areas)
        await this.trx
          .insertInto('service_areas')
          .values({ service_id: row.id, area_id: this.area(area) })
          .execute()
      for (const provider of service.providers ?? []) {
        await this.trx
          .insertInto('service_providers')
          .values({ service_id: row.id, organisation_id: await this.org(provider) })
          .execute()
      }
    }
  }

  private async loadDecisions(): Promise<Map<string, number>> {
    const ids = new Map<string, number>()
    for (const d of demoDecisions) {
      const awards = []
      for (const a of d.awards ?? []) {
        const recipient = await this.organisations.findOrCreate({ name: a.recipient, kind: 'provider' }, this.trx)
        awards.push({
          recipientId: recipient.id,
          recipientName: recipient.name,
          amountPence: parsePoundsInput(a.pounds),
          periodLabel: a.period?.label ?? null,
          periodStart: a.period?.start ?? null,
          periodEnd: a.period?.end ?? null,
          financialYear: a.period ? financialYearOf(a.period.start).startYear : null,
          perAnnum: a.perAnnum,
          upTo: a.upTo,
          viaId: a.via ? await this.org(a.via) : null,
          route: a.route ?? null,
          routeJustification: a.routeJustification ?? null,
          fundingStreamId: a.stream ? (this.streamIds.get(a.stream) ?? null) : null,
          serviceId: a.service ? (this.serviceIds.get(a.service) ?? null) : null,
          purpose: a.purpose ?? null,
        })
      }
      const contributions = []
      for (const c of d.contributions ?? []) {
        const organisation = await this.organisations.findOrCreate({ name: c.organisation, kind: 'council' }, this.trx)
        contributions.push({
          organisationId: organisation.id,
          organisationName: organisation.name,
          amountPence: parsePoundsInput(c.pounds),
          perAnnum: c.perAnnum,
          upTo: c.upTo,
          condition: c.condition ?? null,
          proRataWithPartners: c.proRata,
          serviceId: c.service ? (this.serviceIds.get(c.service) ?? null) : null,
        })
      }
      const id = await this.decisions.create(
        {
          officeId: this.office(d.office),
          officeShortName: d.office,
          reference: d.reference,
          kind: d.kind,
          title: d.title,
          status: 'published',
          dateReceived: d.received ?? null,
          dateDecided: d.decided,
          datePublished: d.published,
          authorName: d.author ?? null,
          authorContact: d.authorContact ?? null,
          executiveSummary: d.summary,
          decisionText: d.decisionText ?? null,
          revenueOrCapital: d.revenueOrCapital ?? null,
          inBudget: d.inBudget ?? null,
          declaration: d.kind === 'foi_response' ? null : 'no_interest',
          decisionMakerTitle: d.decisionMaker ?? null,
          decisionMakerName: d.signOffs.find((s) => s.stage === 'decision_maker')?.name ?? null,
          statedTotalPence: d.statedTotal ? parsePoundsInput(d.statedTotal) : null,
          statedTotalPerAnnum: d.statedTotalPerAnnum ?? false,
          sections: d.sections,
          awards,
          contributions,
          findings: d.findings,
          signOffs: d.signOffs.map((s) => ({
            stage: s.stage,
            outcome: 'approved' as const,
            signerName: s.name ?? null,
            signerTitle: s.title,
            signedOn: s.on,
          })),
          areaIds: (d.areas ?? []).map((name) => this.area(name)),
        },
        this.trx,
      )
      ids.set(d.reference, id)
      const serviceNames = new Set(
        [...(d.awards ?? []), ...(d.contributions ?? [])].map((part) => part.service).filter(Boolean),
      )
      for (const name of serviceNames) {
        const serviceId = this.serviceIds.get(name!)
        if (serviceId)
          await this.trx
            .updateTable('services')
            .set({ decision_id: id })
            .where('id', '=', serviceId)
            .where('decision_id', 'is', null)
            .execute()
      }
    }
    return ids
  }

  private async loadFoiRequest(decisionIds: Map<string, number>): Promise<void> {
    const r = demoFoiRequest
    const request = await this.trx
      .insertInto('foi_requests')
      .values({
        office_id: this.office(r.office),
        reference: r.reference,
        received_on: r.received,
        channel: r.channel,
        requester_name: r.requesterName,
        requester_contact: r.requesterContact,
        status: 'answered',
        outcome: r.outcome,
        answered_on: r.answered,
        published_on: r.published,
        decision_id: decisionIds.get(r.decisionReference) ?? null,
        summary: 'Commissioning of a medium risk domestic abuse service in Nottingham',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await this.trx
      .insertInto('foi_questions')
      .values(
        r.questions.map((q, position) => ({
          request_id: request.id,
          position,
          question: q.question,
          answer: q.answer,
        })),
      )
      .execute()
  }
}

/** The id loaded for a name the demonstration data uses; a name it never loaded is a mistake in the data. */
function named(ids: Map<string, number>, what: string, name: string): number {
  const id = ids.get(name)
  if (id === undefined) throw new Error(`Demonstration data names an unknown ${what}: ${name}`)
  return id
}
