import type { Generated, GeneratedAlways } from 'kysely'

/** A task-list section the officer marked as completed. */
export interface DecisionTasksCompletedTable {
  decision_id: number
  task: 'areas' | 'awards' | 'contributions' | 'appendices' | 'classification' | 'links'
}

/** A document attached to a decision, public or withheld under an exemption. */
export interface DecisionAppendicesTable {
  id: GeneratedAlways<number>
  decision_id: number
  title: string
  file_name: string
  media_type: string
  size_bytes: number
  sha256: string
  content: Buffer
  withheld: Generated<boolean>
  exemption: string | null
  created_at: Generated<Date>
}
