import { sql } from 'kysely'
import { isIsoDate } from '../../domain/uk-date.ts'
import { AuditedService, type Actor } from '../audit/audit.ts'
import { FormError } from '../shared/form-error.ts'
import {
  loadReferencePopulations,
  officePopulations,
  recordPopulation,
  type PopulationInput,
} from './office-populations.ts'

/** What an office's public register shows of it: its name and branding, and where its functions went. */
export interface PublicOffice {
  id: number
  name: string
  shortName: string
  slug: string
  copyrightHolder: string
  contact: string | null
  accentColour: string | null
  /** The address of its logo (changing when the logo does), or null when it has none. */
  logoHref: string | null
  /** The body its functions passed to, and when; its pages redirect there. */
  successor: { slug: string; name: string; on: string } | null
  /** The office and every office whose functions passed (directly or in turn) to it: its register's records. */
  offices: number[]
  /** The offices whose functions passed to it, by name, with the date. */
  predecessors: Array<{ slug: string; name: string; on: string }>
}

/** A logo may be a PNG or a JPEG of up to this many bytes. */
export const LOGO_MAX_BYTES = 200 * 1024

const LOGO_TYPES: Array<{ mediaType: 'image/png' | 'image/jpeg'; magic: number[] }> = [
  { mediaType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
]

/** The type of a logo file read from its first bytes (not its name or declared type), or an error naming what is wrong. */
export function checkLogo(content: Buffer): { mediaType: 'image/png' | 'image/jpeg' } | { error: string } {
  if (content.length === 0) return { error: 'The selected logo is empty' }
  if (content.length > LOGO_MAX_BYTES) return { error: `The logo must be smaller than ${LOGO_MAX_BYTES / 1024} KB` }
  const type = LOGO_TYPES.find((t) => t.magic.every((byte, i) => content[i] === byte))
  return type ? { mediaType: type.mediaType } : { error: 'The logo must be a PNG or JPEG image' }
}

/** Offices as the public meets them: each office's register, its logo, and the passing of functions to a successor. */
export class PublicOfficeService extends AuditedService {
  /** Every office with a public address, by name: the national pages' list. */
  async all(): Promise<
    Array<{ id: number; name: string; shortName: string; slug: string; successorName: string | null }>
  > {
    return this.database.db
      .selectFrom('offices as f')
      .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
      .leftJoin('organisations as s', 's.id', 'f.successor_id')
      .select(['f.organisation_id as id', 'o.name', 'f.short_name as shortName', 'f.slug', 's.name as successorName'])
      .orderBy('o.name')
      .execute()
  }

  /** One office by its public address. */
  async bySlug(slug: string): Promise<PublicOffice | undefined> {
    const row = await this.database.db
      .selectFrom('offices as f')
      .select('f.organisation_id')
      .where('f.slug', '=', slug)
      .executeTakeFirst()
    return row ? this.byId(row.organisation_id) : undefined
  }

  /** The office a one-office deployment's home page is: the home office when the settings say so, or the only office. */
  async homeRegister(): Promise<PublicOffice | undefined> {
    const settings = await this.database.db
      .selectFrom('register_settings')
      .select(['home_office_id', 'home_is_office'])
      .executeTakeFirst()
    if (settings?.home_is_office && settings.home_office_id !== null) return this.byId(settings.home_office_id)
    const offices = await this.database.db.selectFrom('offices').select('organisation_id').limit(2).execute()
    return offices.length === 1 ? this.byId(offices[0]!.organisation_id) : undefined
  }

  async byId(id: number): Promise<PublicOffice | undefined> {
    const row = await this.database.db
      .selectFrom('offices as f')
      .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
      .leftJoin('offices as sf', 'sf.organisation_id', 'f.successor_id')
      .leftJoin('organisations as so', 'so.id', 'f.successor_id')
      .select([
        'f.organisation_id as id',
        'o.name',
        'f.short_name',
        'f.slug',
        'f.copyright_holder',
        'f.contact',
        'f.accent_colour',
        'f.logo_media_type',
        sql<string | null>`md5(f.logo)`.as('logo_hash'),
        'f.functions_passed_on',
        'sf.slug as successor_slug',
        'so.name as successor_name',
      ])
      .where('f.organisation_id', '=', id)
      .executeTakeFirst()
    if (!row) return undefined
    const predecessors = await sql<{ id: number; slug: string; name: string; on: string; depth: number }>`
      with recursive chain (id, depth) as (
        select f.organisation_id, 1 from offices f where f.successor_id = ${id}
        union
        select f.organisation_id, c.depth + 1 from offices f join chain c on f.successor_id = c.id where c.depth < 20
      )
      select c.id, f.slug, o.name, f.functions_passed_on as "on", c.depth
      from chain c join offices f on f.organisation_id = c.id join organisations o on o.id = c.id
      order by f.functions_passed_on, o.name`.execute(this.database.db)
    return {
      id: row.id,
      name: row.name,
      shortName: row.short_name,
      slug: row.slug,
      copyrightHolder: row.copyright_holder ?? row.name,
      contact: row.contact,
      accentColour: row.accent_colour,
      logoHref:
        row.logo_media_type && row.logo_hash ? `/offices/${row.slug}/logo?v=${row.logo_hash.slice(0, 12)}` : null,
      successor:
        row.successor_slug && row.successor_name && row.functions_passed_on
          ? { slug: row.successor_slug, name: row.successor_name, on: row.functions_passed_on }
          : null,
      offices: [row.id, ...predecessors.rows.map((p) => Number(p.id))],
      predecessors: predecessors.rows.map((p) => ({ slug: p.slug, name: p.name, on: p.on })),
    }
  }

  /** The office's logo, if it has one. */
  async logo(slug: string): Promise<{ content: Buffer; mediaType: string } | undefined> {
    const row = await this.database.db
      .selectFrom('offices')
      .select(['logo', 'logo_media_type'])
      .where('slug', '=', slug)
      .executeTakeFirst()
    return row?.logo && row.logo_media_type ? { content: row.logo, mediaType: row.logo_media_type } : undefined
  }

  /** Sets (or with null, removes) an office's logo; the scope of the actor must reach the office as administrator. */
  async setLogo(officeId: number, content: Buffer | null, actor: Actor): Promise<void> {
    if (actor.scope && !actor.scope.includes(officeId, 'administrator'))
      throw new FormError({ logo: 'There is no such office' })
    let mediaType: string | null = null
    if (content) {
      const checked = checkLogo(content)
      if ('error' in checked) throw new FormError({ logo: checked.error })
      mediaType = checked.mediaType
    }
    await this.database.transaction(async (trx) => {
      const updated = await trx
        .updateTable('offices')
        .set({ logo: content, logo_media_type: mediaType })
        .where('organisation_id', '=', officeId)
        .executeTakeFirst()
      if (!updated.numUpdatedRows) throw new FormError({ logo: 'There is no such office' })
      await this.audit.recordChange(
        trx,
        actor,
        content ? 'upload logo' : 'remove logo',
        ['office_settings', officeId],
        {
          officeId,
          after: content ? { mediaType, bytes: content.length } : null,
        },
      )
    })
  }

  /**
   * Records that an office's functions passed to a successor body on a date (the governance change of May 2028,
   * say). Only a deployment administrator may; an office cannot succeed itself or one of its own successors.
   */
  async recordSuccession(input: { officeId: number; successorId: number; on: string }, actor: Actor): Promise<void> {
    if (actor.scope && !actor.scope.allOffices)
      throw new FormError({ office: 'Only a deployment administrator may record a change of governing body' })
    const errors: Record<string, string> = {}
    if (!isIsoDate(input.on)) errors.on = 'Enter the date the functions passed as a real date'
    if (input.officeId === input.successorId) errors.successor = 'Choose a successor other than the office itself'
    if (Object.keys(errors).length) throw new FormError(errors)
    await this.database.transaction(async (trx) => {
      const found = await trx
        .selectFrom('offices')
        .select(['organisation_id', 'successor_id'])
        .where('organisation_id', 'in', [input.officeId, input.successorId])
        .execute()
      if (!found.some((f) => f.organisation_id === input.officeId))
        throw new FormError({ office: 'Choose an office from the list' })
      if (!found.some((f) => f.organisation_id === input.successorId))
        throw new FormError({ successor: 'Choose a successor from the list' })
      // Following the successor's own successors must never come back to the office.
      const loop = await sql<{ id: number }>`
        with recursive chain (id, depth) as (
          select ${input.successorId}::bigint, 0
          union
          select f.successor_id, c.depth + 1 from offices f join chain c on f.organisation_id = c.id
          where f.successor_id is not null and c.depth < 50
        )
        select id from chain where id = ${input.officeId}`.execute(trx)
      if (loop.rows.length)
        throw new FormError({
          successor: 'That body’s functions already pass to this office: choose another successor',
        })
      const before = found.find((f) => f.organisation_id === input.officeId)!
      await trx
        .updateTable('offices')
        .set({ successor_id: input.successorId, functions_passed_on: input.on })
        .where('organisation_id', '=', input.officeId)
        .execute()
      // The successor takes on what the public needs to reach it where it has not set its own: the contact for
      // enquiries and the accent colour. It keeps its own name, title, reference formats, copyright line (by default
      // its own name), logo and open-data prefix (the predecessor's awards keep the identifiers they were published with).
      const copied = await sql<{ contact: string | null; accent_colour: string | null }>`
        update offices s set contact = coalesce(s.contact, p.contact), accent_colour = coalesce(s.accent_colour, p.accent_colour)
        from offices p where p.organisation_id = ${input.officeId} and s.organisation_id = ${input.successorId}
        returning s.contact, s.accent_colour`.execute(trx)
      await this.audit.recordChange(trx, actor, 'record succession', ['office', input.officeId], {
        officeId: input.officeId,
        before: { successorId: before.successor_id },
        after: {
          successorId: input.successorId,
          on: input.on,
          successorContact: copied.rows[0]?.contact ?? null,
          successorAccentColour: copied.rows[0]?.accent_colour ?? null,
        },
      })
    })
  }

  /** Gives offices their police force area's reference population where they have none for its year; how many. */
  loadReferencePopulations(): Promise<number> {
    return loadReferencePopulations(this.database)
  }

  /** An office's recorded populations, newest year first. */
  populations(officeId: number): Promise<Array<{ year: number; population: number; source: string }>> {
    return officePopulations(this.database, officeId)
  }

  /** Records the population of an office's area for a year, with its source (a deployment administrator's reference data). */
  recordPopulation(input: PopulationInput, actor: Actor): Promise<void> {
    return recordPopulation(this.database, this.audit, input, actor)
  }
}
