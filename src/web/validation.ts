export type FieldErrors = Record<string, string>

/** The shape govukErrorSummary wants: each message linked to its field. */
export function errorList(errors: FieldErrors): Array<{ text: string; href: string }> {
  return Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` }))
}
