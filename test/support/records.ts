import type { Insertable } from 'kysely'
import type { Database } from '../../src/db/database.ts'
import type { OrganisationsTable } from '../../src/db/tables/organisations.ts'
import { DecisionRepository, type NewDecision } from '../../src/db/repositories/decisions/decisions.ts'

/**
 * Stores a decision in one transaction and returns its id: a published decision of Nottinghamshire, decided on
 * 20 May 2024 and published on 1 June 2024, titled after its reference, unless `decision` says otherwise.
 */
export function addDecision(
  database: Database,
  decision: Partial<NewDecision> & Pick<NewDecision, 'officeId' | 'reference'>,
): Promise<number> {
  const repo = new DecisionRepository(database.db)
  return database.transaction((trx) =>
    repo.create(
      {
        officeShortName: 'Nottinghamshire',
        kind: 'decision',
        title: `Test ${decision.reference}`,
        status: 'published',
        datePublished: '2024-06-01',
        dateDecided: '2024-05-20',
        awards: [],
        ...decision,
      },
      trx,
    ),
  )
}

/** The organisation id of the office with this short name ('Nottinghamshire', 'Essex'); throws if there is none. */
export async function officeIdOf(database: Database, shortName: string): Promise<number> {
  const office = await database.db
    .selectFrom('offices')
    .select('organisation_id')
    .where('short_name', '=', shortName)
    .executeTakeFirstOrThrow()
  return office.organisation_id
}

/** The id of the organisation with this exact name; throws if there is none. */
export async function organisationIdOf(database: Database, name: string): Promise<number> {
  return (await database.db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow())
    .id
}

/** The id of the service with this slug; throws if there is none. */
export async function serviceIdOf(database: Database, slug: string): Promise<number> {
  return (await database.db.selectFrom('services').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id
}

/** The id of the organisation with this slug; throws if there is none. */
export async function organisationIdWithSlug(database: Database, slug: string): Promise<number> {
  return (await database.db.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirstOrThrow())
    .id
}

/** The id of the register's home office (the office of a register with one). */
export async function homeOfficeId(database: Database): Promise<number> {
  return (await database.db.selectFrom('register_settings').select('home_office_id').executeTakeFirstOrThrow())
    .home_office_id!
}

/** The id of the funding stream with this name; throws if there is none. */
export async function fundingStreamIdOf(database: Database, name: string): Promise<number> {
  return (
    await database.db.selectFrom('funding_streams').select('id').where('name', '=', name).executeTakeFirstOrThrow()
  ).id
}

/** The fields of a decision of `office` published on 9 May 2025 (decided on 1 May): the base of the crawl fixtures. */
export function publishedMay2025(office: { organisation_id: number; short_name: string }) {
  return {
    officeId: office.organisation_id,
    officeShortName: office.short_name,
    kind: 'decision',
    status: 'published',
    dateDecided: '2025-05-01',
    datePublished: '2025-05-09',
  } as const
}

/** Adds an organisation as `values` give it and returns its id. */
export async function addOrganisation(database: Database, values: Insertable<OrganisationsTable>): Promise<number> {
  return (await database.db.insertInto('organisations').values(values).returning('id').executeTakeFirstOrThrow()).id
}
