import type { GeneratedAlways } from 'kysely'
import type { LinkKind } from '../../domain/decision.ts'

export interface DecisionLinksTable {
  id: GeneratedAlways<number>
  from_decision_id: number
  to_decision_id: number
  kind: LinkKind
}
