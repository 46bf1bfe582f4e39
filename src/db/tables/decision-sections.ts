import type { Generated, GeneratedAlways } from 'kysely'

export interface DecisionSectionsTable {
  id: GeneratedAlways<number>
  decision_id: number
  position: number
  key: Generated<string>
  heading: string
  body: string
  withheld: Generated<boolean>
  exemption: string | null
}
