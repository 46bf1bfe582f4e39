import type { Generated } from 'kysely'

export interface RegisterSettingsTable {
  id: Generated<boolean>
  home_office_id: number | null
  register_name: Generated<string>
  updated_at: Generated<Date>
}
