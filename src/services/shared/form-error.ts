import type { ZodError } from 'zod'

/** Input that cannot be accepted, with a message per field (or per line of an upload) for the error summary. */
export class FormError extends Error {
  constructor(readonly errors: Record<string, string>) {
    super(Object.values(errors)[0] ?? 'The form has errors')
  }

  static fromZod(error: ZodError): FormError {
    const errors: Record<string, string> = {}
    for (const issue of error.issues) {
      const field = String(issue.path[0] ?? 'form')
      if (!(field in errors)) errors[field] = issue.message
    }
    return new FormError(errors)
  }
}
