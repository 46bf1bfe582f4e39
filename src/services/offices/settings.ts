import { z } from 'zod'
import type { Database } from '../../db/database.ts'
import { validateReferenceFormat } from '../../domain/reference-format.ts'
import { AuditService, type Actor } from '../audit/audit.ts'

export interface SiteSettings {
  registerName: string
  officeName: string
  copyrightHolder: string
  decisionMakerTitle: string
}

const FALLBACK: SiteSettings = {
  registerName: 'Commissioning Register',
  officeName: 'Commissioning Register',
  copyrightHolder: 'Commissioning Register',
  decisionMakerTitle: 'Police and Crime Commissioner',
}

/** What every page shows of the office that runs this register: its name in the header, its copyright in the footer. */
export class SettingsService {
  private cached: { at: number; value: SiteSettings } | null = null

  constructor(private readonly database: Database) {}

  async site(): Promise<SiteSettings> {
    if (this.cached && Date.now() - this.cached.at < 5000) return this.cached.value
    const row = await this.database.db
      .selectFrom('register_settings as s')
      .leftJoin('offices as f', 'f.organisation_id', 's.home_office_id')
      .leftJoin('organisations as o', 'o.id', 's.home_office_id')
      .select(['s.register_name', 'o.name', 'f.copyright_holder', 'f.decision_maker_title'])
      .executeTakeFirst()
    const value: SiteSettings = row
      ? {
          registerName: row.register_name,
          officeName: row.name ?? row.register_name,
          copyrightHolder: row.copyright_holder ?? row.name ?? row.register_name,
          decisionMakerTitle: row.decision_maker_title ?? FALLBACK.decisionMakerTitle,
        }
      : FALLBACK
    this.cached = { at: Date.now(), value }
    return value
  }

  forget(): void {
    this.cached = null
  }
}

export const DECISION_MAKER_TITLES = [
  'Police and Crime Commissioner',
  'Police, Fire and Crime Commissioner',
  'Mayor',
  'Deputy Mayor for Policing and Crime',
  'Chair of the Policing and Crime Board',
]

export interface OfficeSettings {
  officeId: number
  name: string
  shortName: string
  decisionMakerTitle: string
  referenceFormat: string
}

export const officeSettingsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'Enter the office’s name' })
    .max(200, { message: 'The office’s name must be 200 characters or fewer' }),
  decisionMakerTitle: z
    .string()
    .trim()
    .min(1, { message: 'Enter the decision maker’s title' })
    .max(100, { message: 'The title must be 100 characters or fewer' }),
  referenceFormat: z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      try {
        validateReferenceFormat(value)
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message })
      }
    }),
})

export class SettingsError extends Error {
  constructor(readonly errors: Record<string, string>) {
    super(Object.values(errors).join('; '))
  }
}

/** The settings of the office that runs this register, changed only by administrators. */
export class OfficeSettingsService {
  private readonly audit: AuditService

  constructor(
    private readonly database: Database,
    private readonly site: SettingsService,
  ) {
    this.audit = new AuditService(database)
  }

  async get(): Promise<OfficeSettings | undefined> {
    const row = await this.database.db
      .selectFrom('register_settings as s')
      .innerJoin('offices as f', 'f.organisation_id', 's.home_office_id')
      .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
      .select(['f.organisation_id', 'o.name', 'f.short_name', 'f.decision_maker_title', 'f.reference_format'])
      .executeTakeFirst()
    return (
      row && {
        officeId: row.organisation_id,
        name: row.name,
        shortName: row.short_name,
        decisionMakerTitle: row.decision_maker_title,
        referenceFormat: row.reference_format,
      }
    )
  }

  async update(input: unknown, actor: Actor): Promise<OfficeSettings> {
    const parsed = officeSettingsSchema.safeParse(input)
    if (!parsed.success)
      throw new SettingsError(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])))
    const before = await this.get()
    if (!before) throw new SettingsError({ name: 'This register has no office yet' })
    const after = { ...before, ...parsed.data }
    await this.database.transaction(async (trx) => {
      await trx.updateTable('organisations').set({ name: after.name }).where('id', '=', before.officeId).execute()
      await trx
        .updateTable('offices')
        .set({
          decision_maker_title: after.decisionMakerTitle,
          reference_format: after.referenceFormat,
          copyright_holder: after.name,
        })
        .where('organisation_id', '=', before.officeId)
        .execute()
      await this.audit.record(trx, {
        actor,
        action: 'update',
        entityType: 'office_settings',
        entityId: before.officeId,
        before,
        after,
      })
    })
    this.site.forget()
    return after
  }
}
