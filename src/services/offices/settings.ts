import type { Database } from '../../db/database.ts'

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

export { OfficeSettingsService, SettingsError, officeSettingsSchema, type OfficeSettings } from './office-settings.ts'
