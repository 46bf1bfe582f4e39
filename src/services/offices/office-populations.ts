import type { Database } from '../../db/database.ts'
import { POPULATION_SOURCE, POPULATION_YEAR, policeForceAreaOf } from '../../domain/police-force-populations.ts'
import type { Actor, AuditService } from '../audit/audit.ts'
import { FormError } from '../shared/form-error.ts'

/** The population of an office's area for a year, with its source. */
export interface PopulationInput {
  officeId: number
  year: number
  population: number
  source: string
}

/**
 * Gives each office whose name names a police force area that area's population from the reference data, for
 * the reference year, where the office has no figure for that year yet: a figure staff recorded is never replaced.
 * Returns how many offices were given one.
 */
export async function loadReferencePopulations(database: Database): Promise<number> {
  const offices = await database.db
    .selectFrom('offices as f')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .select(['f.organisation_id as id', 'o.name', 'f.short_name as shortName'])
    .execute()
  const values = offices.flatMap((office) => {
    const area = policeForceAreaOf(office)
    return area
      ? [{ office_id: office.id, year: POPULATION_YEAR, population: area.population, source: POPULATION_SOURCE }]
      : []
  })
  if (!values.length) return 0
  const inserted = await database.db
    .insertInto('office_populations')
    .values(values)
    .onConflict((oc) => oc.columns(['office_id', 'year']).doNothing())
    .executeTakeFirst()
  return Number(inserted.numInsertedOrUpdatedRows ?? 0)
}

/** An office's recorded populations, newest year first. */
export async function officePopulations(
  database: Database,
  officeId: number,
): Promise<Array<{ year: number; population: number; source: string }>> {
  return database.db
    .selectFrom('office_populations')
    .select(['year', 'population', 'source'])
    .where('office_id', '=', officeId)
    .orderBy('year', 'desc')
    .execute()
}

/** Records the population of an office's area for a year, with its source (a deployment administrator's reference data). */
export async function recordPopulation(
  database: Database,
  audit: AuditService,
  input: PopulationInput,
  actor: Actor,
): Promise<void> {
  if (actor.scope && !actor.scope.includes(input.officeId, 'administrator'))
    throw new FormError({
      office: 'Only the office’s administrator or a deployment administrator may record its population',
    })
  const errors: Record<string, string> = {}
  if (!Number.isInteger(input.year) || input.year < 1990 || input.year > 2100)
    errors.year = 'Enter the year of the estimate, like 2022'
  if (!Number.isSafeInteger(input.population) || input.population <= 0)
    errors.population = 'Enter the population as a whole number greater than 0'
  if (!input.source.trim()) errors.source = 'Name the source of the population figure'
  if (Object.keys(errors).length) throw new FormError(errors)
  await database.transaction(async (trx) => {
    await trx
      .insertInto('office_populations')
      .values({
        office_id: input.officeId,
        year: input.year,
        population: input.population,
        source: input.source.trim(),
      })
      .onConflict((oc) =>
        oc.columns(['office_id', 'year']).doUpdateSet({ population: input.population, source: input.source.trim() }),
      )
      .execute()
    await audit.recordChange(trx, actor, 'record population', ['office', input.officeId], {
      officeId: input.officeId,
      after: { year: input.year, population: input.population, source: input.source.trim() },
    })
  })
}
