import { Migrator, type MigrationProvider } from 'kysely'
import type { Database } from './database.ts'
import { migrations } from './migrations/index.ts'

const provider: MigrationProvider = { getMigrations: async () => migrations }

export class MigrationError extends Error {}

/** Applies every pending migration; returns the names applied. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  // Migrations from parallel streams of work may land out of name order; each still runs exactly once.
  const migrator = new Migrator({ db: database.db, provider, allowUnorderedMigrations: true })
  const { error, results = [] } = await migrator.migrateToLatest()
  if (error) {
    const failed = results.find((r) => r.status === 'Error')
    throw new MigrationError(`Migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message}`)
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
