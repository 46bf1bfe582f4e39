import { sql, type Kysely } from 'kysely'
import type { OrganisationKind } from '../../../domain/organisation.ts'
import type { DB } from '../../../db/tables/index.ts'
import { publicOrganisation } from '../public-scope.ts'
import { type Page, type PageRequest, newestFirstPage } from './page.ts'

export interface OrganisationFilter extends PageRequest {
  q?: string
  kind?: OrganisationKind
}

export interface ApiOrganisation {
  id: number
  name: string
  slug: string
  kind: OrganisationKind
  orgId: string | null
  charityNumber: string | null
  companyNumber: string | null
  website: string | null
  aliases: string[]
}

/**
 * Organisations with a public part in the register: offices, councils and government departments, and
 * anyone named by a public award, service, contribution or funding stream. A name that appears only in a
 * withheld award or an unpublished record is not listed. Merged organisations and names awaiting review are
 * left out.
 */
export class ApiOrganisationQueries {
  constructor(private readonly db: Kysely<DB>) {}

  async list(filter: OrganisationFilter): Promise<Page<ApiOrganisation>> {
    let query = this.base()
    if (filter.kind) query = query.where('o.kind', '=', filter.kind)
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      query = query.where((eb) =>
        eb.or([
          eb('o.name', 'ilike', like),
          eb.exists(
            eb
              .selectFrom('organisation_aliases as x')
              .select('x.id')
              .whereRef('x.organisation_id', '=', 'o.id')
              .where('x.alias', 'ilike', like),
          ),
        ]),
      )
    }
    return newestFirstPage(query, 'o.id', filter, (items) => items.map(shape))
  }

  async find(id: number): Promise<ApiOrganisation | undefined> {
    const row = await this.base().where('o.id', '=', id).executeTakeFirst()
    return row && shape(row)
  }

  private base() {
    return this.db
      .selectFrom('organisations as o')
      .where('o.merged_into_id', 'is', null)
      .where('o.needs_review', '=', false)
      .where(publicOrganisation)
      .select(['o.id', 'o.name', 'o.slug', 'o.kind', 'o.org_id', 'o.charity_number', 'o.company_number', 'o.website'])
      .select(
        sql<
          string[]
        >`coalesce((select array_agg(x.alias order by x.alias) from organisation_aliases x where x.organisation_id = o.id), '{}')`.as(
          'aliases',
        ),
      )
  }
}

function shape(row: {
  id: number
  name: string
  slug: string
  kind: OrganisationKind
  org_id: string | null
  charity_number: string | null
  company_number: string | null
  website: string | null
  aliases: string[]
}): ApiOrganisation {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    kind: row.kind,
    orgId: row.org_id,
    charityNumber: row.charity_number,
    companyNumber: row.company_number,
    website: row.website,
    aliases: row.aliases,
  }
}
