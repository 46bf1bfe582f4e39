import type { Generated } from 'kysely'

export interface RegisterSettingsTable {
  id: Generated<boolean>
  home_office_id: number | null
  register_name: Generated<string>
  /** A deployment serving one office: its home page is that office's register. */
  home_is_office: Generated<boolean>
  updated_at: Generated<Date>
}
