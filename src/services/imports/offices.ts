import { sql, type Transaction } from 'kysely'
import { OrganisationRepository } from '../../db/repositories/ledger/organisations.ts'
import type { DB } from '../../db/tables/index.ts'

export interface ImportOffice {
  id: number
  name: string
  shortName: string
  decisionMakerTitle: string
  created: boolean
}

const ROLE_WORDS = [
  /\bthe\s+office\s+of\s+the\b/gi,
  /\boffice\s+of\s+the\b/gi,
  /\bpolice,?\s+fire\s+(?:and|&)\s+crime\s+commissioner(?:'s|’s)?(?:\s+office)?\b/gi,
  /\bpolice\s+(?:and|&)\s+crime\s+commissioner(?:'s|’s)?(?:\s+office)?\b/gi,
  /\bdeputy\s+mayor\s+for\s+policing\s+(?:and|&)\s+crime\b/gi,
  /\bmayor(?:'s|’s)?\s+(?:office\s+)?for\s+policing\s+(?:and|&)\s+crime\b/gi,
  /\bcombined\s+authority\b/gi,
  /\bcommissioner\b/gi,
  /\bmayor(?:'s|’s)?\b/gi,
  /\b(?:o?p?f?cc|opcc|opfcc|mopac)\b/gi,
]

/** What an office's name says about its place: "Nottinghamshire PCC" and "Office of the PCC for Nottinghamshire" both give "Nottinghamshire". */
export function officePlace(name: string): string {
  let place = name
  for (const words of ROLE_WORDS) place = place.replace(words, ' ')
  place = place
    .replace(/^\s*(?:the|for|of)\b/gi, ' ')
    .replace(/\b(?:for|of|the)\s*$/gi, ' ')
    .replace(/^[\s,.;:–-]+|[\s,.;:–-]+$/g, '')
    .replace(/\s+/g, ' ')
  return place.replace(/^(?:for|of|the)\s+/i, '').trim()
}

const placeKey = (name: string) => officePlace(name).toLowerCase()

/** A name that reads like an office (a commissioner or mayor), not a council or a provider. */
export function looksLikeOffice(name: string): boolean {
  return /\b(?:o?p?f?cc|opcc|opfcc|commissioner|mayor)\b/i.test(name)
}

function decisionMakerTitle(name: string): string {
  if (/\bfire\b|\bpfcc\b/i.test(name)) return 'Police, Fire and Crime Commissioner'
  if (/\bmayor\b/i.test(name)) return 'Mayor'
  return 'Police and Crime Commissioner'
}

/** The offices known to the register, matched by name, alias or the place they serve. */
export class OfficeMatcher {
  private offices?: Array<{
    id: number
    name: string
    shortName: string
    decisionMakerTitle: string
    keys: Set<string>
  }>

  constructor(private readonly trx: Transaction<DB>) {}

  async find(name: string): Promise<ImportOffice | undefined> {
    const key = placeKey(name)
    const exact = name.trim().toLowerCase()
    const offices = await this.load()
    const match = offices.find((o) => o.keys.has(exact)) ?? (key ? offices.find((o) => o.keys.has(key)) : undefined)
    return (
      match && {
        id: match.id,
        name: match.name,
        shortName: match.shortName,
        decisionMakerTitle: match.decisionMakerTitle,
        created: false,
      }
    )
  }

  /** The office of this name; a new office (an organisation and its settings) when none matches. */
  async findOrCreate(name: string): Promise<ImportOffice> {
    const found = await this.find(name)
    if (found) return found
    const organisations = new OrganisationRepository(this.trx)
    const existing = await organisations.findByNameOrAlias(name, this.trx)
    const organisation =
      existing?.kind === 'office'
        ? existing
        : await organisations.create({ name: existing ? `${name.trim()} (office)` : name, kind: 'office' }, this.trx)
    const shortName = officePlace(name) || name.trim()
    const title = decisionMakerTitle(name)
    await this.trx
      .insertInto('offices')
      .values({
        organisation_id: organisation.id,
        short_name: shortName,
        decision_maker_title: title,
        copyright_holder: organisation.name,
      })
      .execute()
    this.offices = undefined
    return { id: organisation.id, name: organisation.name, shortName, decisionMakerTitle: title, created: true }
  }

  /** The register's own office, for a document that does not say who published it. */
  async homeOffice(): Promise<ImportOffice | undefined> {
    const settings = await this.trx.selectFrom('register_settings').select('home_office_id').executeTakeFirst()
    const offices = await this.load()
    const home =
      offices.find((o) => o.id === settings?.home_office_id) ?? (offices.length === 1 ? offices[0] : undefined)
    return (
      home && {
        id: home.id,
        name: home.name,
        shortName: home.shortName,
        decisionMakerTitle: home.decisionMakerTitle,
        created: false,
      }
    )
  }

  private async load() {
    if (!this.offices) {
      const rows = await this.trx
        .selectFrom('offices as f')
        .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
        .select(['o.id', 'o.name', 'f.short_name', 'f.decision_maker_title'])
        .select(
          sql<
            string[]
          >`coalesce((select array_agg(a.alias) from organisation_aliases a where a.organisation_id = o.id), '{}')`.as(
            'aliases',
          ),
        )
        .where('o.merged_into_id', 'is', null)
        .orderBy('o.id')
        .execute()
      this.offices = rows.map((r) => {
        const names = [r.name, r.short_name, ...r.aliases]
        const keys = new Set([...names.map((n) => n.trim().toLowerCase()), ...names.map(placeKey).filter(Boolean)])
        return { id: r.id, name: r.name, shortName: r.short_name, decisionMakerTitle: r.decision_maker_title, keys }
      })
    }
    return this.offices
  }
}
