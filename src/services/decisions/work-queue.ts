import { STAGE_FOR_STATUS, isPublishable, mayActOnStage } from '../../domain/workflow.ts'
import type { Role } from '../../domain/roles.ts'
import type { DecisionRow } from './workflow-types.ts'
import { holderOf } from './workflow-records.ts'

export type StaffListRow = Pick<
  DecisionRow,
  | 'id'
  | 'office_id'
  | 'reference'
  | 'title'
  | 'status'
  | 'created_by'
  | 'held_by'
  | 'updated_at'
  | 'slug'
  | 'author_name'
  | 'returned_comment'
  | 'rejection_reasons'
>

export interface WorkQueue {
  /** Waiting for a stage this person may sign (and did not write or change). */
  waiting: StaffListRow[]
  /** Drafts this person holds that a signer returned for changes. */
  returned: StaffListRow[]
  /** Drafts this person holds that nobody has returned. */
  drafts: StaffListRow[]
  /** Approved or rejected, waiting to be published (for officers and administrators). */
  toPublish: StaffListRow[]
  /** In the sign-off chain with somebody else. */
  inProgress: StaffListRow[]
  published: StaffListRow[]
}

/** Sorts the staff list into one person's work. */
export function workQueue(
  rows: readonly StaffListRow[],
  user: { id: number; roles: readonly Role[]; rolesIn?: (officeId: number) => readonly Role[] },
  editedByUser: ReadonlySet<number>,
): WorkQueue {
  const rolesIn = (d: StaffListRow) => user.rolesIn?.(d.office_id) ?? user.roles
  const waiting = rows.filter(
    (d) =>
      STAGE_FOR_STATUS[d.status] !== undefined &&
      !editedByUser.has(d.id) &&
      mayActOnStage({
        signerId: user.id,
        signerRoles: rolesIn(d),
        authorId: d.created_by,
        status: d.status,
        earlierSigners: [],
      }).ok,
  )
  const mine = rows.filter((d) => d.status === 'draft' && holderOf(d) === user.id)
  const publishes = (d: StaffListRow) => rolesIn(d).includes('officer') || rolesIn(d).includes('administrator')
  return {
    waiting,
    returned: mine.filter((d) => d.returned_comment),
    drafts: mine.filter((d) => !d.returned_comment),
    toPublish: rows.filter((d) => isPublishable(d.status) && publishes(d)),
    inProgress: rows.filter((d) => STAGE_FOR_STATUS[d.status] !== undefined && !waiting.includes(d)),
    published: rows.filter((d) => d.status === 'published').slice(0, 20),
  }
}
