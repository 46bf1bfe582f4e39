import type { DecisionStatus, SignOffStage } from './decision.ts'
import type { Role } from './roles.ts'

interface SignOffStep {
  stage: SignOffStage
  /** The status of a decision waiting for this stage. */
  waitingIn: DecisionStatus
  /** The role that signs the stage. */
  role: Role
  /** The status a decision moves to once the stage approves it. */
  approvedAs: DecisionStatus
  label: string
}

/** The sign-off chain, a step a row in order: finance, then the chief executive, then the decision maker. */
const SIGN_OFF_CHAIN: readonly SignOffStep[] = [
  {
    stage: 'finance',
    waitingIn: 'submitted',
    role: 'finance_officer',
    approvedAs: 'finance_approved',
    label: 'Finance sign-off',
  },
  {
    stage: 'chief_executive',
    waitingIn: 'finance_approved',
    role: 'chief_executive',
    approvedAs: 'executive_approved',
    label: 'Chief executive approval',
  },
  {
    stage: 'decision_maker',
    waitingIn: 'executive_approved',
    role: 'decision_maker',
    approvedAs: 'approved',
    label: 'Decision',
  },
]

/** One column of the chain, keyed by the stage. */
function byStage<K extends keyof SignOffStep>(column: K): Record<SignOffStage, SignOffStep[K]> {
  return Object.fromEntries(SIGN_OFF_CHAIN.map((step) => [step.stage, step[column]])) as Record<
    SignOffStage,
    SignOffStep[K]
  >
}

export const STAGE_FOR_STATUS: Partial<Record<DecisionStatus, SignOffStage>> = Object.fromEntries(
  SIGN_OFF_CHAIN.map((step) => [step.waitingIn, step.stage]),
)
export const ROLE_FOR_STAGE: Record<SignOffStage, Role> = byStage('role')
export const STATUS_AFTER_APPROVAL: Record<SignOffStage, DecisionStatus> = byStage('approvedAs')
export const STAGE_LABELS: Record<SignOffStage, string> = byStage('label')

export interface SignerCheck {
  signerId: number
  signerRoles: readonly Role[]
  authorId: number | null
  status: DecisionStatus
  /** Everyone who has approved a stage of this decision, in any round, with the stage. */
  earlierSigners: ReadonlyArray<{ userId: number | null; stage: SignOffStage }>
  /** Everyone who wrote or changed any part of the decision: its details, awards, classification or links. */
  editorIds?: readonly number[]
}

export type SignerVerdict = { ok: true; stage: SignOffStage } | { ok: false; reason: string }

/**
 * Segregation of duties: only the role of the current stage signs it, nobody signs a decision they
 * wrote or changed, and nobody signs two different stages of one decision.
 */
export function mayActOnStage(check: SignerCheck): SignerVerdict {
  const stage = STAGE_FOR_STATUS[check.status]
  if (!stage) return { ok: false, reason: 'This decision is not waiting for a sign-off' }
  if (!check.signerRoles.includes(ROLE_FOR_STAGE[stage]))
    return {
      ok: false,
      reason: `Only a ${ROLE_FOR_STAGE[stage].replace('_', ' ')} can give the ${STAGE_LABELS[stage].toLowerCase()}`,
    }
  if (check.authorId !== null && check.signerId === check.authorId)
    return { ok: false, reason: 'You wrote this decision, so someone else must sign it off' }
  if (check.editorIds?.includes(check.signerId))
    return {
      ok: false,
      reason: 'You changed this decision while it was being drafted, so someone else must sign it off',
    }
  const other = check.earlierSigners.find((s) => s.userId === check.signerId && s.stage !== stage)
  if (other)
    return {
      ok: false,
      reason: `You gave the ${STAGE_LABELS[other.stage].toLowerCase()} of this decision, so someone else must give the ${STAGE_LABELS[stage].toLowerCase()}`,
    }
  return { ok: true, stage }
}

export function isEditable(status: DecisionStatus): boolean {
  return status === 'draft'
}

export function isPublishable(status: DecisionStatus): boolean {
  return status === 'approved' || status === 'rejected'
}
