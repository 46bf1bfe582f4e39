import type { GeneratedAlways } from 'kysely'

export interface FoiQuestionsTable {
  id: GeneratedAlways<number>
  request_id: number
  position: number
  question: string
  answer: string | null
  exemption: string | null
  register_link: string | null
  search: GeneratedAlways<string>
}
