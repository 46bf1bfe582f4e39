import type { Generated } from 'kysely'
import type { Role } from '../../domain/roles.ts'

export interface OfficesTable {
  organisation_id: number
  short_name: string
  /** The office's public address, /offices/{slug}; by default its organisation's slug. */
  slug: Generated<string>
  decision_maker_title: Generated<string>
  reference_format: Generated<string>
  foi_reference_format: Generated<string>
  open_data_prefix: string | null
  area_description: string | null
  copyright_holder: string | null
  governing_body_since: string | null
  contact: string | null
  accent_colour: string | null
  logo: Buffer | null
  logo_media_type: string | null
  successor_id: number | null
  functions_passed_on: string | null
  created_at: Generated<Date>
}

export interface OfficeMembershipsTable {
  user_id: number
  office_id: number
  roles: Role[]
  created_at: Generated<Date>
}

export interface OfficePopulationsTable {
  office_id: number
  year: number
  population: number
  source: string
}
