import type { Generated, GeneratedAlways } from 'kysely'
import type { SignOffStage } from '../../domain/decision.ts'

export interface SignOffsTable {
  id: GeneratedAlways<number>
  decision_id: number
  stage: SignOffStage
  outcome: 'approved' | 'rejected' | 'returned'
  signer_user_id: number | null
  signer_name: string | null
  signer_title: string | null
  signed_on: string
  comment: string | null
  created_at: Generated<Date>
  round: Generated<number>
  declaration: 'no_interest' | 'interest_declared' | null
  declared_interest: string | null
}
