import type { FieldErrors } from './validation.ts'

/** What a form page is drawn with: its status (400 when answers were refused), the answers to show and their errors. */
export interface FormAnswers<Values = Record<string, unknown>> {
  status: number
  values: Values
  errors: FieldErrors
}
