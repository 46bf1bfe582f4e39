import { FormError } from '../services/shared/form-error.ts'

export type FieldErrors = Record<string, string>

/** The shape govukErrorSummary wants: each message linked to its field. */
export function errorList(errors: FieldErrors): Array<{ text: string; href: string }> {
  return Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` }))
}

/** Runs a save that may refuse the form: true once saved; a refusal's errors join `errors`. Anything else is thrown on. */
export async function savedOrRefused(errors: FieldErrors, save: () => Promise<unknown>): Promise<boolean> {
  try {
    await save()
    return true
  } catch (error) {
    if (!(error instanceof FormError)) throw error
    Object.assign(errors, error.errors)
    return false
  }
}
