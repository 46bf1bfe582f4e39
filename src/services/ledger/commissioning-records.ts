import type { Transaction } from 'kysely'
import type { DB } from '../../db/tables/index.ts'
import type { Database } from '../../db/database.ts'
import { inOfficeScope } from '../../db/repositories/office-scope.ts'
import { OfficeScope } from '../../domain/office-scope.ts'
import {
  ServiceWriteRepository,
  type ServiceChoices,
  type ServiceRecord,
} from '../../db/repositories/ledger/service-writes.ts'
import { slugify } from '../../domain/slug.ts'
import type { Actor, AuditService } from '../audit/audit.ts'
import { FormError } from '../shared/form-error.ts'
import { serviceRecordFromAward } from './service-from-award.ts'
import { checkServiceRecord } from './service-record-check.ts'
import { reachableRecord } from '../../db/repositories/ledger/reachable.ts'

export type { ServiceChoices, ServiceRecord } from '../../db/repositories/ledger/service-writes.ts'

export const END_REASONS = {
  expired: 'It ran to the end of its term',
  terminated: 'It was ended early (break clause or termination)',
  decommissioned: 'It will not be recommissioned',
} as const
export type EndReason = keyof typeof END_REASONS

/** How the end reads after its date on the service's pages. */
export const END_REASON_SUMMARIES: Record<EndReason, string> = {
  expired: 'ran to the end of its term',
  terminated: 'ended early',
  decommissioned: 'not recommissioned',
}

/** Creating and editing commissioned services, and recording what happens at their end. */
export class CommissioningRecordService {
  private readonly writes: ServiceWriteRepository

  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
  ) {
    this.writes = new ServiceWriteRepository(database.db)
  }

  choices(officeId: number | null): Promise<ServiceChoices> {
    return this.writes.choices(officeId)
  }

  /** A service as its edit pages start from; undefined for an unknown address or a service of another office. */
  async record(
    slug: string,
    scope: OfficeScope = OfficeScope.system,
  ): Promise<(ServiceRecord & { id: number }) | undefined> {
    const found = await this.writes.findRecord(slug)
    if (!found || !(await this.inScope(this.database.db, found.id, scope))) return undefined
    return found
  }

  /** A new service started from an award of the scope's offices; see serviceRecordFromAward. */
  recordFromAward(
    awardId: number,
    scope: OfficeScope = OfficeScope.system,
  ): Promise<{ record: ServiceRecord; recipientName: string; decisionTitle: string } | undefined> {
    return serviceRecordFromAward(this.database.db, awardId, scope)
  }

  /** The service, read in the transaction that changes it; refused, on the form's `field`, when gone or not the actor's. */
  private async serviceToChange(trx: Transaction<DB>, serviceId: number, actor: Actor, field: string) {
    const s = await trx.selectFrom('services').selectAll().where('id', '=', serviceId).executeTakeFirst()
    if (!s || !(await this.inScope(trx, serviceId, actor.scope ?? OfficeScope.system)))
      throw new FormError({ [field]: 'This service no longer exists' })
    return s
  }

  /** Whether the service belongs to an office of `scope`, or to no office. */
  private async inScope(
    handle: Pick<Database['db'], 'selectFrom'>,
    serviceId: number,
    scope: OfficeScope,
  ): Promise<boolean> {
    return (await reachableRecord(handle, 'services', serviceId, scope)) !== undefined
  }

  /**
   * Checks a whole record (each page has checked its own fields) and saves it: a new service, or `slug`'s.
   * Creates or updates a service. `forAwardId` names the award a new service was started from: a draft's award
   * is then set to pay for it, as if chosen on the award's own page.
   */
  async save(
    record: ServiceRecord,
    actor: Actor,
    slug?: string,
    forAwardId?: number,
  ): Promise<{ id: number; slug: string; name: string; linkedAward: boolean }> {
    // Checked before the transaction: PGlite has one connection, and the check reads through the outer handle.
    const selfId = slug ? ((await this.writes.findRecord(slug))?.id ?? null) : null
    await this.check(record, selfId)
    return this.database.transaction(async (trx) => {
      const existing = slug ? await this.writes.findRecord(slug, trx) : undefined
      if (slug && (!existing || !(await this.inScope(trx, existing.id, actor.scope ?? OfficeScope.system))))
        throw new FormError({ name: 'This service no longer exists' })
      const newSlug = existing ? slug! : await this.writes.freeSlug(slugify(record.name).slice(0, 80), trx)
      const id = await this.writes.save(record, newSlug, existing?.id ?? null, trx)
      const { id: _id, ...before } = existing ?? { id: 0 }
      await this.audit.recordChange(trx, actor, existing ? 'service.update' : 'service.create', ['service', id], {
        before: existing ? before : undefined,
        after: record,
      })
      const linkedAward =
        !existing && forAwardId !== undefined && (await this.linkDraftAward(trx, forAwardId, id, actor))
      return { id, slug: newSlug, name: record.name, linkedAward }
    })
  }

  private async linkDraftAward(
    trx: Transaction<DB>,
    awardId: number,
    serviceId: number,
    actor: Actor,
  ): Promise<boolean> {
    const award = await trx
      .selectFrom('awards as a')
      .innerJoin('decisions as d', 'd.id', 'a.decision_id')
      .select(['a.id', 'a.decision_id', 'a.service_id'])
      .where('a.id', '=', awardId)
      .where('d.status', '=', 'draft')
      .where(inOfficeScope(actor.scope ?? OfficeScope.system, 'd.office_id'))
      .executeTakeFirst()
    if (!award) return false
    await trx.updateTable('awards').set({ service_id: serviceId }).where('id', '=', award.id).execute()
    await this.audit.recordChange(trx, actor, 'award.service', ['decision', award.decision_id], {
      before: { awardId, serviceId: award.service_id },
      after: { awardId, serviceId },
    })
    return true
  }

  /** Months of extension taken, within the options the contract has left. */
  async recordExtension(serviceId: number, months: number, actor: Actor): Promise<void> {
    await this.database.transaction(async (trx) => {
      const s = await this.serviceToChange(trx, serviceId, actor, 'months')
      const left = Math.max(0, (s.extension_months ?? 0) - s.extension_taken_months)
      if (!s.end_date) throw new FormError({ months: 'Record the service’s end date before an extension' })
      if (s.ended_on) throw new FormError({ months: 'This service has ended: an extension cannot be taken' })
      if (left === 0) throw new FormError({ months: 'This contract has no extension left to take' })
      if (!Number.isInteger(months) || months < 1 || months > left)
        throw new FormError({ months: `Months taken must be a whole number from 1 to ${left}` })
      const taken = s.extension_taken_months + months
      await trx.updateTable('services').set({ extension_taken_months: taken }).where('id', '=', serviceId).execute()
      await this.audit.recordChange(trx, actor, 'service.extension', ['service', serviceId], {
        before: { extensionTakenMonths: s.extension_taken_months },
        after: { extensionTakenMonths: taken, monthsTaken: months },
      })
    })
  }

  /** The published decision that commissions what follows this service. */
  async recordSuccessorDecision(serviceId: number, decisionId: number | null, actor: Actor): Promise<void> {
    if (decisionId === null) throw new FormError({ decisionId: 'Choose the decision that commissions the successor' })
    const office = await this.database.db
      .selectFrom('services')
      .select('office_id')
      .where('id', '=', serviceId)
      .executeTakeFirst()
    const offered = await this.writes.choices(office?.office_id ?? null)
    await this.database.transaction(async (trx) => {
      const s = await this.serviceToChange(trx, serviceId, actor, 'decisionId')
      const decision = offered.decisions.find((d) => d.id === decisionId)
      if (!decision) throw new FormError({ decisionId: 'Choose a published decision of this office' })
      if (decisionId === s.decision_id)
        throw new FormError({ decisionId: 'Choose a later decision: this one commissioned the service itself' })
      await trx.updateTable('services').set({ successor_decision_id: decisionId }).where('id', '=', serviceId).execute()
      await this.audit.recordChange(trx, actor, 'service.successor', ['service', serviceId], {
        before: { successorDecisionId: s.successor_decision_id },
        after: { successorDecisionId: decisionId, reference: decision.reference },
      })
    })
  }

  /** The service has ended (or will, on that date) and is out of the recommissioning pipeline. */
  async recordEnd(
    serviceId: number,
    input: { endedOn: string; reason: EndReason; note: string | null },
    actor: Actor,
  ): Promise<void> {
    await this.database.transaction(async (trx) => {
      const s = await this.serviceToChange(trx, serviceId, actor, 'endedOn')
      if (s.start_date && input.endedOn < s.start_date)
        throw new FormError({ endedOn: 'The date it ended must be on or after the date the service started' })
      await trx
        .updateTable('services')
        .set({ ended_on: input.endedOn, end_reason: input.reason, end_note: input.note })
        .where('id', '=', serviceId)
        .execute()
      await this.audit.recordChange(trx, actor, 'service.end', ['service', serviceId], {
        before: { endedOn: s.ended_on, endReason: s.end_reason, endNote: s.end_note },
        after: input,
      })
    })
  }

  private async check(record: ServiceRecord, selfId: number | null): Promise<void> {
    checkServiceRecord(record, selfId, await this.writes.choices(null))
  }
}
