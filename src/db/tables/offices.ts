import type { Generated } from 'kysely'

export interface OfficesTable {
  organisation_id: number
  short_name: string
  decision_maker_title: Generated<string>
  reference_format: Generated<string>
  foi_reference_format: Generated<string>
  open_data_prefix: string | null
  area_description: string | null
  copyright_holder: string | null
  governing_body_since: string | null
  created_at: Generated<Date>
}
