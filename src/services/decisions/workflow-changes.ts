import type { Transaction } from 'kysely'
import { DecisionRepository, type DecisionDetail } from '../../db/repositories/decisions/decisions.ts'
import type { DB } from '../../db/tables/index.ts'
import { inOfficeScope } from '../../db/repositories/office-scope.ts'
import { nextFreeReference } from '../../db/repositories/reference-sequences.ts'
import { OfficeScope } from '../../domain/office-scope.ts'
import { referenceScope } from '../../domain/reference-format.ts'
import { todayInLondon } from '../../domain/uk-date.ts'
import { isEditable } from '../../domain/workflow.ts'
import { AuditedService, type Actor } from '../audit/audit.ts'
import { publicTextWithStoredSections } from '../shared/public-text.ts'
import { queueDecisionNotifications } from '../notifications/decision-events.ts'
import { WorkflowError, ConcurrentEditError, type DecisionRow } from './workflow-types.ts'
import { assertHolds, recordEditor, snapshot } from './workflow-records.ts'

/** What one change does to a decision, inside the transaction, given the decision as it was. */
type ApplyChange = (trx: Transaction<DB>, before: DecisionRow) => Promise<void>

/** The base of the workflow: one change to a decision in one transaction, and what every step needs. */
export class DecisionChanges extends AuditedService {
  protected readonly decisions = new DecisionRepository(this.database.db)

  /** A decision the scope reaches (staff pass the request's scope; the system reaches every office). */
  detail(id: number, scope: OfficeScope = OfficeScope.system): Promise<DecisionDetail | undefined> {
    return this.decisions.findById(id, scope)
  }

  /**
   * The office a new draft belongs to: the one chosen, if the actor is an officer there; else the actor's only
   * office as an officer; with no scope (the system), the home office.
   */
  protected async draftOffice(
    actor: Actor,
    chosen?: number,
  ): Promise<{ id: number; shortName: string; decisionMakerTitle: string }> {
    const officeId = actor.scope ? actor.scope.officeFor('officer', chosen) : chosen
    if (actor.scope && officeId === undefined)
      throw new WorkflowError('Choose the office the decision is for', 'officeId')
    let query = this.database.db
      .selectFrom('offices as f')
      .select(['f.organisation_id', 'f.short_name', 'f.decision_maker_title'])
    query =
      officeId === undefined
        ? query.innerJoin('register_settings as s', 's.home_office_id', 'f.organisation_id')
        : query.where('f.organisation_id', '=', officeId)
    const row = await query.executeTakeFirst()
    if (!row) throw new WorkflowError('This register has no office yet: an administrator must set it up first')
    return { id: row.organisation_id, shortName: row.short_name, decisionMakerTitle: row.decision_maker_title }
  }

  protected async nextReference(trx: Transaction<DB>, officeId: number): Promise<string> {
    const office = await trx
      .selectFrom('offices')
      .select('reference_format')
      .where('organisation_id', '=', officeId)
      .executeTakeFirstOrThrow()
    const year = Number(todayInLondon().slice(0, 4))
    const scope = referenceScope(office.reference_format, year)
    const sequence = { officeId, scope, format: office.reference_format, year }
    // A reference typed in by an import may already hold this number: take the next one.
    return nextFreeReference(trx, sequence, async (reference) => {
      const taken = await trx
        .selectFrom('decisions')
        .select('id')
        .where('office_id', '=', officeId)
        .where('reference', '=', reference)
        .executeTakeFirst()
      return taken !== undefined
    })
  }

  protected editDraft(id: number, version: number, actor: Actor, action: string, apply: ApplyChange): Promise<void> {
    return this.change(id, version, actor, action, async (trx, before) => {
      if (!isEditable(before.status))
        throw new WorkflowError('This decision has been submitted and can no longer be edited')
      assertHolds(before, actor, 'change')
      await apply(trx, before)
      await recordEditor(trx, id, actor)
    })
  }

  /** One change to a decision: version checked, applied, public text recomputed, audit entry written, all in one transaction. */
  protected async change(id: number, version: number, actor: Actor, action: string, apply: ApplyChange): Promise<void> {
    await this.database.transaction(async (trx) => {
      const before = await trx
        .selectFrom('decisions')
        .selectAll()
        .where('id', '=', id)
        .where(inOfficeScope(actor.scope ?? OfficeScope.system, 'office_id'))
        .forUpdate()
        .executeTakeFirst()
      if (!before) throw new WorkflowError('There is no such decision')
      if (before.version !== version) throw new ConcurrentEditError()
      const beforeSnapshot = await snapshot(trx, id)
      await apply(trx, before)
      const current = await trx
        .selectFrom('decisions')
        .select(['classification', 'executive_summary', 'decision_text'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      await trx
        .updateTable('decisions')
        .set({
          version: before.version + 1,
          updated_at: new Date(),
          public_text: await publicTextWithStoredSections(trx, id, {
            classification: current.classification,
            executiveSummary: current.executive_summary,
            decisionText: current.decision_text,
          }),
        })
        .where('id', '=', id)
        .execute()
      await queueDecisionNotifications(trx, before, id)
      await this.audit.recordChange(trx, actor, action, ['decision', id], {
        before: beforeSnapshot,
        after: await snapshot(trx, id),
      })
    })
  }
}
