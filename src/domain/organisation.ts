/** The vocabulary of the organisations the ledger names. */
import { labelledWords } from './words.ts'

/** What kind of body an organisation is: a police office, a council, a provider of services. */
export const { words: ORGANISATION_KINDS, labels: ORGANISATION_KIND_LABELS } = labelledWords({
  office: 'Office',
  council: 'Council',
  provider: 'Provider',
  government_department: 'Government department',
  other: 'Other',
})
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]
