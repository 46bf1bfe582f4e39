import { z } from 'zod'
import type { Database } from '../../db/database.ts'
import { inOfficeScope } from '../../db/repositories/office-scope.ts'
import { OfficeScope } from '../../domain/office-scope.ts'
import { validateReferenceFormat } from '../../domain/reference-format.ts'
import { AuditService, type Actor } from '../audit/audit.ts'
import type { SettingsService } from './settings.ts'

/** One office's settings: what its pages, notices, references and open data carry. */
export interface OfficeSettings {
  officeId: number
  name: string
  shortName: string
  decisionMakerTitle: string
  referenceFormat: string
  foiReferenceFormat: string
  openDataPrefix: string
  contact: string
  copyrightHolder: string
  accentColour: string
}

const referenceFormat = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `Enter the ${what} reference format` })
    .superRefine((value, ctx) => {
      try {
        validateReferenceFormat(value)
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message })
      }
    })

const text = (label: string, max: number, required = true) =>
  required
    ? z
        .string()
        .trim()
        .min(1, { message: `Enter the ${label}` })
        .max(max, { message: `The ${label} must be ${max} characters or fewer` })
    : z
        .string()
        .trim()
        .max(max, { message: `The ${label} must be ${max} characters or fewer` })

export const officeSettingsSchema = z.object({
  name: text('office’s name', 200),
  shortName: text('short name', 60),
  decisionMakerTitle: text('decision maker’s title', 100),
  referenceFormat: referenceFormat('decision'),
  foiReferenceFormat: referenceFormat('FOI request'),
  openDataPrefix: z
    .string()
    .trim()
    .max(60, { message: 'The open-data prefix must be 60 characters or fewer' })
    .regex(/^([A-Za-z0-9-]+)?$/, { message: 'The open-data prefix may hold only letters, digits and hyphens' }),
  contact: text('contact details', 500, false),
  copyrightHolder: text('copyright line', 200, false),
  accentColour: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(#[0-9a-f]{6})?$/, { message: 'Enter the accent colour as # and six hexadecimal digits, like #1d70b8' }),
})

export class SettingsError extends Error {
  constructor(readonly errors: Record<string, string>) {
    super(Object.values(errors).join('; '))
  }
}

/** The settings of each office, changed only by that office's administrators (or a deployment administrator). */
export class OfficeSettingsService {
  private readonly audit: AuditService

  constructor(
    private readonly database: Database,
    private readonly site: SettingsService,
  ) {
    this.audit = new AuditService(database)
  }

  /** The offices whose settings the scope may change, by name. */
  async offices(scope: OfficeScope): Promise<Array<{ id: number; name: string }>> {
    return this.database.db
      .selectFrom('offices as f')
      .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
      .select(['f.organisation_id as id', 'o.name'])
      .where(inOfficeScope(scope, 'f.organisation_id'))
      .orderBy('o.name')
      .execute()
  }

  /** One office's settings, if the scope reaches it; by default the home office (or the scope's first). */
  async get(officeId?: number, scope: OfficeScope = OfficeScope.system): Promise<OfficeSettings | undefined> {
    let query = this.database.db
      .selectFrom('offices as f')
      .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
      .select([
        'f.organisation_id',
        'o.name',
        'f.short_name',
        'f.decision_maker_title',
        'f.reference_format',
        'f.foi_reference_format',
        'f.open_data_prefix',
        'f.contact',
        'f.copyright_holder',
        'f.accent_colour',
      ])
      .where(inOfficeScope(scope, 'f.organisation_id'))
    if (officeId !== undefined) query = query.where('f.organisation_id', '=', officeId)
    else
      query = query
        .leftJoin('register_settings as s', 's.home_office_id', 'f.organisation_id')
        .orderBy((eb) => eb.case().when('s.id', 'is not', null).then(0).else(1).end())
        .orderBy('o.name')
    const row = await query.executeTakeFirst()
    return (
      row && {
        officeId: row.organisation_id,
        name: row.name,
        shortName: row.short_name,
        decisionMakerTitle: row.decision_maker_title,
        referenceFormat: row.reference_format,
        foiReferenceFormat: row.foi_reference_format,
        openDataPrefix: row.open_data_prefix ?? '',
        contact: row.contact ?? '',
        copyrightHolder: row.copyright_holder ?? '',
        accentColour: row.accent_colour ?? '',
      }
    )
  }

  /** Saves an office's settings; an actor whose scope does not reach the office is refused as if it did not exist. */
  async update(officeId: number | undefined, input: Record<string, unknown>, actor: Actor): Promise<OfficeSettings> {
    const before = await this.get(officeId, actor.scope ?? OfficeScope.system)
    if (!before) throw new SettingsError({ name: 'There is no such office' })
    // A field left out keeps its value; one sent empty is checked as empty.
    const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined))
    const parsed = officeSettingsSchema.safeParse({ ...before, ...given })
    if (!parsed.success)
      throw new SettingsError(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])))
    const after: OfficeSettings = { ...before, ...parsed.data }
    await this.database.transaction(async (trx) => {
      await trx.updateTable('organisations').set({ name: after.name }).where('id', '=', before.officeId).execute()
      await trx
        .updateTable('offices')
        .set({
          short_name: after.shortName,
          decision_maker_title: after.decisionMakerTitle,
          reference_format: after.referenceFormat,
          foi_reference_format: after.foiReferenceFormat,
          open_data_prefix: after.openDataPrefix || null,
          contact: after.contact || null,
          copyright_holder: after.copyrightHolder || after.name,
          accent_colour: after.accentColour || null,
        })
        .where('organisation_id', '=', before.officeId)
        .execute()
      await this.audit.recordChange(trx, actor, 'update', ['office_settings', before.officeId], {
        officeId: before.officeId,
        before,
        after,
      })
    })
    this.site.forget()
    return after
  }
}
