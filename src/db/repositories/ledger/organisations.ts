import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { OrganisationKind } from '../../../domain/organisation.ts'
import { slugify } from '../../../domain/slug.ts'
import type { DB, OrganisationsTable } from '../../tables/index.ts'
import { publicOrganisation } from '../public.ts'
import { freeSlug } from '../free-slug.ts'
import { ORGANISATION_REFERENCES, moveProvider } from './organisation-merges.ts'

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
          eb(
            'id',
            'in',
            eb
              .selectFrom('organisation_aliases')
              .select('organisation_id')
              .where(sql<string>`lower(alias)`, '=', key),
          ),
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
        slug: await freeSlug(handle, 'organisations', slugify(input.name) || 'organisation'),
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

  async findBySlug(slug: string): Promise<Organisation | undefined> {
    return this.db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst()
  }

  /**
   * The organisation with this slug when the public may know of it: it, or the one it was merged into, has a
   * public part. Otherwise undefined, exactly as for a slug nobody has, so a page cannot confirm a name.
   */
  async findPublicBySlug(slug: string): Promise<Organisation | undefined> {
    const organisation = await this.findBySlug(slug)
    if (!organisation) return undefined
    let current: Organisation | undefined = organisation
    for (let hops = 0; current && current.merged_into_id !== null && hops < 20; hops++)
      current = await this.findById(current.merged_into_id)
    if (!current || current.merged_into_id !== null) return undefined
    const visible = await this.db
      .selectFrom('organisations as o')
      .select('o.id')
      .where('o.id', '=', current.id)
      .where(publicOrganisation)
      .executeTakeFirst()
    return visible ? organisation : undefined
  }

  async findById(id: number, handle: Handle = this.db): Promise<Organisation | undefined> {
    return handle.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst()
  }

  async aliases(organisationId: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('organisation_aliases')
      .select('alias')
      .where('organisation_id', '=', organisationId)
      .orderBy('alias')
      .execute()
    return rows.map((row) => row.alias)
  }

  /** Organisations that are still themselves (not merged into another), by name. */
  async listCurrent(): Promise<Array<{ id: number; name: string; kind: OrganisationKind; needsReview: boolean }>> {
    const rows = await this.db
      .selectFrom('organisations')
      .select(['id', 'name', 'kind', 'needs_review'])
      .where('merged_into_id', 'is', null)
      .orderBy('name')
      .execute()
    return rows.map((row) => ({ id: row.id, name: row.name, kind: row.kind, needsReview: row.needs_review }))
  }

  /** Names met on import that matched no known organisation, oldest first. */
  async needingReview(): Promise<Organisation[]> {
    return this.db
      .selectFrom('organisations')
      .selectAll()
      .where('needs_review', '=', true)
      .where('merged_into_id', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute()
  }

  async markReviewed(id: number, handle: Handle): Promise<void> {
    await handle.updateTable('organisations').set({ needs_review: false }).where('id', '=', id).execute()
  }

  async addAlias(organisationId: number, alias: string, handle: Handle): Promise<void> {
    const taken = await handle
      .selectFrom('organisation_aliases')
      .select('id')
      .where(sql<string>`lower(alias)`, '=', alias.trim().toLowerCase())
      .executeTakeFirst()
    if (!taken)
      await handle
        .insertInto('organisation_aliases')
        .values({ organisation_id: organisationId, alias: alias.trim() })
        .execute()
  }

  /**
   * Makes `sourceId` part of `targetId`: every award, contribution, service and funding stream that names
   * the source names the target, the source's name and aliases become the target's aliases, and the source
   * is kept, marked as merged, so old links can be redirected. Returns how many rows moved, per table.
   */
  async merge(sourceId: number, targetId: number, handle: Handle): Promise<Record<string, number>> {
    const moved: Record<string, number> = {}
    const source = await handle
      .selectFrom('organisations')
      .select(['name', 'kind'])
      .where('id', '=', sourceId)
      .executeTakeFirstOrThrow()
    for (const { key, table, column } of ORGANISATION_REFERENCES) {
      const result =
        await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${targetId} where ${sql.ref(column)} = ${sourceId}`.execute(
          handle,
        )
      moved[key] = Number(result.numAffectedRows ?? 0n)
    }
    const providedServices = await handle
      .selectFrom('service_providers')
      .select('service_id')
      .where('organisation_id', '=', sourceId)
      .execute()
    for (const { service_id } of providedServices) await moveProvider(handle, service_id, sourceId, targetId)
    moved.servicesProvided = providedServices.length
    await handle
      .updateTable('organisation_aliases')
      .set({ organisation_id: targetId })
      .where('organisation_id', '=', sourceId)
      .execute()
    await handle
      .updateTable('organisations')
      .set({ merged_into_id: targetId })
      .where('merged_into_id', '=', sourceId)
      .execute()
    await handle
      .updateTable('organisations')
      .set({ merged_into_id: targetId, needs_review: false })
      .where('id', '=', sourceId)
      .execute()
    await this.addAlias(targetId, source.name, handle)
    return moved
  }
}
