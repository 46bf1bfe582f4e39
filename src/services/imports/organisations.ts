import type { Transaction } from 'kysely'
import { OrganisationRepository } from '../../db/repositories/ledger/organisations.ts'
import type { DB } from '../../db/tables/index.ts'
import type { OrganisationKind } from '../../domain/organisation.ts'
import { looksLikeOffice, type OfficeMatcher } from './offices.ts'

export interface MatchedOrganisation {
  id: number
  name: string
  /** Created by this import: a person must confirm it (organisations.needs_review). */
  created: boolean
}

function kindOf(name: string, fallback: OrganisationKind): OrganisationKind {
  if (/\bcouncil\b|\bborough\b|\bcounty\b.*\bauthority\b/i.test(name)) return 'council'
  if (/\bministry\b|\bhome office\b|\bdepartment\b|\bhm treasury\b/i.test(name)) return 'government_department'
  return fallback
}

/**
 * Names in a document matched to the organisations the register knows, by name and alias, ignoring case
 * and a leading "The". A name that matches none becomes a new organisation marked for review; a name
 * that reads like an office (a contribution from "Essex PFCC") is matched to the office.
 */
export class OrganisationMatcher {
  private readonly organisations: OrganisationRepository
  private readonly seen = new Map<string, MatchedOrganisation>()
  readonly createdNames: string[] = []

  constructor(
    private readonly trx: Transaction<DB>,
    private readonly offices: OfficeMatcher,
  ) {
    this.organisations = new OrganisationRepository(trx)
  }

  async match(name: string, fallbackKind: OrganisationKind): Promise<MatchedOrganisation> {
    const clean = name.replace(/\s+/g, ' ').trim()
    const key = clean.toLowerCase()
    const known = this.seen.get(key)
    if (known) return known
    const found = await this.find(clean)
    const result = found ?? (await this.create(clean, kindOf(clean, fallbackKind)))
    this.seen.set(key, result)
    return result
  }

  private async find(name: string): Promise<MatchedOrganisation | undefined> {
    if (looksLikeOffice(name)) {
      const office = await this.offices.find(name)
      if (office) return { id: office.id, name: office.name, created: false }
    }
    const withoutThe = name.replace(/^the\s+/i, '')
    const organisation =
      (await this.organisations.findByNameOrAlias(name, this.trx)) ??
      (withoutThe !== name ? await this.organisations.findByNameOrAlias(withoutThe, this.trx) : undefined)
    return (
      organisation && { id: organisation.merged_into_id ?? organisation.id, name: organisation.name, created: false }
    )
  }

  private async create(name: string, kind: OrganisationKind): Promise<MatchedOrganisation> {
    const organisation = await this.organisations.create({ name, kind }, this.trx)
    await this.trx.updateTable('organisations').set({ needs_review: true }).where('id', '=', organisation.id).execute()
    this.createdNames.push(organisation.name)
    return { id: organisation.id, name: organisation.name, created: true }
  }
}
