import { sql, type Transaction } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { DB } from '../../db/tables/index.ts'
import { inOfficeScope } from '../../db/repositories/office-scope.ts'
import { OfficeScope } from '../../domain/office-scope.ts'
import { isEditable } from '../../domain/workflow.ts'
import { type Actor } from '../audit/audit.ts'
import { WorkflowError, type DecisionRow } from './workflow-types.ts'
import { assertHolds, editorsOf, holderOf } from './workflow-records.ts'
import { DecisionSignOff } from './workflow-sign-off.ts'
import { workQueue, type StaffListRow, type WorkQueue } from './work-queue.ts'
import type { Role } from '../../domain/roles.ts'
import { DECISION_STATUSES } from '../../domain/decision.ts'

const STAFF_LIST_STATUSES = DECISION_STATUSES.filter((status) => status !== 'withdrawn' && status !== 'imported')

export {
  WorkflowError,
  SectionsLeftError,
  ConcurrentEditError,
  SECTION_ORDER,
  SECTION_HEADINGS,
  type Signer,
  type DraftDetails,
  type FinanceDetails,
  type MoneyDetails,
  type ClassificationDetails,
  type SignOffInput,
  type SectionKey,
} from './workflow-types.ts'
export { holderOf } from './workflow-records.ts'
export type { StaffListRow, WorkQueue } from './work-queue.ts'

/** A decision from draft to publication: editing, submission with its reference, the sign-off chain, publication. */
export class WorkflowService extends DecisionSignOff {
  /**
   * The draft's holder hands it to another officer, who may then change and submit it (and the holder no
   * longer may). Audit-logged as a change of the decision.
   */
  async handOver(id: number, version: number, toUserId: number, actor: Actor): Promise<string> {
    let name = ''
    await this.change(id, version, actor, 'hand over', async (trx, before) => {
      if (!isEditable(before.status)) throw new WorkflowError('Only a draft can be handed to another officer')
      assertHolds(before, actor, 'hand over')
      const officers = await this.handOverCandidates(before, trx)
      const target = officers.find((o) => o.id === toUserId)
      if (!target) throw new WorkflowError('Choose an officer to hand this draft to', 'holder')
      name = target.name
      await trx.updateTable('decisions').set({ held_by: toUserId }).where('id', '=', id).execute()
    })
    return name
  }

  /** Active officers of the decision's office, other than the holder, who may be handed a draft. */
  async handOverCandidates(
    decision: Pick<DecisionRow, 'held_by' | 'created_by' | 'office_id'>,
    handle: Transaction<DB> | Database['db'] = this.database.db,
  ): Promise<Array<{ id: number; name: string; email: string }>> {
    const holderId = holderOf(decision)
    let query = handle
      .selectFrom('users as u')
      .innerJoin('office_memberships as m', 'm.user_id', 'u.id')
      .select(['u.id', 'u.name', 'u.email'])
      .where('u.active', '=', true)
      .where('m.office_id', '=', decision.office_id)
      .where(sql<boolean>`'officer' = any(m.roles)`)
    if (holderId !== null) query = query.where('u.id', '<>', holderId)
    return query.orderBy('u.name').execute()
  }

  /** Everyone who wrote or changed the decision: none of them may sign it off. */
  editors(id: number): Promise<number[]> {
    return editorsOf(this.database.db, id)
  }

  /** The decisions a person wrote or changed. */
  async editedBy(userId: number): Promise<Set<number>> {
    const rows = await this.database.db
      .selectFrom('decision_editors')
      .select('decision_id')
      .where('user_id', '=', userId)
      .execute()
    return new Set(rows.map((r) => r.decision_id))
  }

  /** What a member of staff sees of the offices of their scope: their drafts, what waits for a stage they can sign, what is ready to publish. */
  async staffList(scope: OfficeScope = OfficeScope.system): Promise<StaffListRow[]> {
    return this.database.db
      .selectFrom('decisions')
      .select([
        'id',
        'office_id',
        'reference',
        'title',
        'status',
        'created_by',
        'held_by',
        'updated_at',
        'slug',
        'author_name',
        'returned_comment',
        'rejection_reasons',
      ])
      .where(inOfficeScope(scope, 'office_id'))
      .where('status', 'in', STAFF_LIST_STATUSES)
      .where('created_by', 'is not', null)
      .orderBy('updated_at', 'desc')
      .limit(200)
      .execute()
  }

  /** One person's work: what waits for their stage, their drafts (returned or not), what is ready to publish. */
  async workFor(
    user: { id: number; roles: readonly Role[] },
    scope: OfficeScope = OfficeScope.system,
  ): Promise<WorkQueue> {
    const [rows, edited] = await Promise.all([this.staffList(scope), this.editedBy(user.id)])
    const rolesIn = scope === OfficeScope.system ? undefined : (officeId: number) => scope.rolesIn(officeId)
    return workQueue(rows, { ...user, rolesIn }, edited)
  }
}
