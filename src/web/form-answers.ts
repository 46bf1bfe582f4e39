import type { FieldErrors } from './validation.ts'

/** What a form page is drawn with: its status (400 when answers were refused), the answers to show and their errors. */
export interface FormAnswers {
  status: number
  values: Record<string, unknown>
  errors: FieldErrors
}
