import { loadConfig, type Config } from '../config.ts'
import { Database } from '../db/database.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { PublicOfficeService } from '../services/offices/public-offices.ts'

/** Opens the configured database (PostgreSQL with DATABASE_URL, else the embedded engine in DATA_DIR) and migrates it. */
export async function openConfiguredDatabase(
  config: Config = loadConfig(),
): Promise<{ database: Database; applied: string[] }> {
  const database = await Database.open({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  try {
    const applied = await migrateToLatest(database)
    // Offices named after a police force area get its population (reference data) where they have none for its year.
    await new PublicOfficeService(database).loadReferencePopulations()
    return { database, applied }
  } catch (error) {
    await database.close()
    throw error
  }
}

/** Runs `work` against the configured database, and closes the database afterwards however the work ends. */
export async function withConfiguredDatabase<T>(
  work: (database: Database) => Promise<T>,
  config: Config = loadConfig(),
): Promise<T> {
  const { database } = await openConfiguredDatabase(config)
  try {
    return await work(database)
  } finally {
    await database.close()
  }
}
