import { slugify } from '../../../domain/slug.ts'

export interface OrganisationIdentity {
  /** The register's own id, when the name is linked to a known organisation. */
  id: number | null
  name: string
  orgId: string | null
  charityNumber: string | null
  companyNumber: string | null
}

/**
 * An org-id.guide identifier: the one recorded, else one built from a charity or company number, else
 * the 360Giving convention for an organisation without a registered identifier: the publisher's own
 * prefix and its internal id (`360G-<prefix>-org-<id>`), or the name when it is linked to no record.
 */
export function organisationIdentifier(org: OrganisationIdentity, prefix: string): string {
  if (org.orgId?.trim()) return org.orgId.trim()
  const charity = org.charityNumber?.replace(/\s+/g, '').toUpperCase()
  if (charity) {
    if (charity.startsWith('SC')) return `GB-SC-${charity}`
    if (charity.startsWith('NIC')) return `GB-NIC-${charity.slice(3)}`
    return `GB-CHC-${charity}`
  }
  const company = org.companyNumber?.replace(/\s+/g, '').toUpperCase()
  if (company) return `GB-COH-${/^\d+$/.test(company) ? company.padStart(8, '0') : company}`
  if (org.id !== null) return `360G-${prefix}-org-${org.id}`
  return `360G-${prefix}-org-${slugify(org.name) || 'unnamed'}`
}
