import type { Kysely } from 'kysely'
import type { DB } from '../../../db/tables/index.ts'
import { fundingStreamsWithNames } from '../../../db/repositories/ledger/funding.ts'
import { type Page, type PageRequest, newestFirstPage } from './page.ts'

export interface FundingStreamFilter extends PageRequest {
  officeId?: number
}

export interface ApiFundingStream {
  id: number
  name: string
  slug: string
  office: { id: number; name: string } | null
  funder: { id: number; name: string } | null
  description: string | null
  conditions: string | null
  matchFundingRequired: boolean
}

export class ApiFundingStreamQueries {
  constructor(private readonly db: Kysely<DB>) {}

  async list(filter: FundingStreamFilter): Promise<Page<ApiFundingStream>> {
    let query = this.base()
    if (filter.officeId) query = query.where('f.office_id', '=', filter.officeId)
    return newestFirstPage(query, 'f.id', filter, (items) => items.map(shape))
  }

  async find(id: number): Promise<ApiFundingStream | undefined> {
    const row = await this.base().where('f.id', '=', id).executeTakeFirst()
    return row && shape(row)
  }

  private base() {
    return fundingStreamsWithNames(this.db).select([
      'f.id',
      'f.name',
      'f.slug',
      'f.office_id',
      'oo.name as office_name',
      'f.funder_id',
      'fo.name as funder_name',
      'f.description',
      'f.conditions',
      'f.match_funding_required',
    ])
  }
}

function shape(r: {
  id: number
  name: string
  slug: string
  office_id: number | null
  office_name: string | null
  funder_id: number | null
  funder_name: string | null
  description: string | null
  conditions: string | null
  match_funding_required: boolean
}): ApiFundingStream {
  return {
    id: r.id,
    name: r.name,
    slug: r.slug,
    office: r.office_id === null || r.office_name === null ? null : { id: r.office_id, name: r.office_name },
    funder: r.funder_id === null || r.funder_name === null ? null : { id: r.funder_id, name: r.funder_name },
    description: r.description,
    conditions: r.conditions,
    matchFundingRequired: r.match_funding_required,
  }
}
