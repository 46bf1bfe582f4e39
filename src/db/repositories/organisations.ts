import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { OrganisationKind } from '../../domain/decision.ts'
import { slugify } from '../../domain/slug.ts'
import type { DB, OrganisationsTable } from '../tables/index.ts'

export type Organisation = Selectable<OrganisationsTable>
type Handle = Kysely<DB> | Transaction<DB>

export interface NewOrganisation {
  name: string
  kind: OrganisationKind
  aliases?: string[]
  charityNumber?: string
  companyNumber?: string
  orgId?: string
}

export class OrganisationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The organisation known by this name or one of its aliases, ignoring case. */
  async findByNameOrAlias(name: string, handle: Handle = this.db): Promise<Organisation | undefined> {
    const key = name.trim().toLowerCase()
    return handle
      .selectFrom('organisations')
      .selectAll()
      .where('merged_into_id', 'is', null)
      .where((eb) =>
        eb.or([
          eb(sql<string>`lower(name)`, '=', key),
          eb('id', 'in', eb.selectFrom('organisation_aliases').select('organisation_id').where(sql<string>`lower(alias)`, '=', key)),
        ]),
      )
      .executeTakeFirst()
  }

  async create(input: NewOrganisation, handle: Handle = this.db): Promise<Organisation> {
    const organisation = await handle
      .insertInto('organisations')
      .values({
        name: input.name.trim(),
        kind: input.kind,
        slug: await this.freeSlug(slugify(input.name) || 'organisation', handle),
        charity_number: input.charityNumber ?? null,
        company_number: input.companyNumber ?? null,
        org_id: input.orgId ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    for (const alias of input.aliases ?? []) {
      await handle.insertInto('organisation_aliases').values({ organisation_id: organisation.id, alias }).execute()
    }
    return organisation
  }

  async findOrCreate(input: NewOrganisation, handle: Handle = this.db): Promise<Organisation> {
    return (await this.findByNameOrAlias(input.name, handle)) ?? this.create(input, handle)
  }

  async listOffices(): Promise<Array<{ id: number; name: string; shortName: string }>> {
    const rows = await this.db
      .selectFrom('offices')
      .innerJoin('organisations', 'organisations.id', 'offices.organisation_id')
      .select(['organisations.id', 'organisations.name', 'offices.short_name'])
      .orderBy('organisations.name')
      .execute()
    return rows.map((row) => ({ id: row.id, name: row.name, shortName: row.short_name }))
  }

  private async freeSlug(base: string, handle: Handle): Promise<string> {
    const taken = await handle
      .selectFrom('organisations')
      .select('slug')
      .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
      .execute()
    const used = new Set(taken.map((row) => row.slug))
    if (!used.has(base)) return base
    for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`
  }
}
