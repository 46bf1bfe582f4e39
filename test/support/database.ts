import { randomBytes } from 'node:crypto'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { Database } from '../../src/db/database.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'
import { loadDemonstrationData } from '../../src/services/demo/load.ts'

export type TestEngine = 'pglite' | 'postgres'

/** The engines an integration test runs on: always the embedded one, PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngines(): TestEngine[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']
}

const templates = new Map<string, Promise<Blob>>()

/** A migrated embedded database (optionally with demonstration data), made once and copied per test. */
function pgliteTemplate(withDemo: boolean): Promise<Blob> {
  const key = withDemo ? 'demo' : 'empty'
  let template = templates.get(key)
  if (!template) {
    template = (async () => {
      const database = await Database.open({ dataDir: 'memory://' })
      await migrateToLatest(database)
      if (withDemo) await loadDemonstrationData(database)
      const blob = await database.dumpDataDir()
      await database.close()
      return blob
    })()
    templates.set(key, template)
  }
  return template
}

export interface TestDatabase {
  database: Database
  engine: TestEngine
  /** On PostgreSQL, the throwaway database's address (to open it again, as after a restart). */
  url?: string
  /** Closes the database and, on PostgreSQL, drops the throwaway database. */
  dispose(): Promise<void>
}

export async function openTestDatabase(
  engine: TestEngine,
  options: { demo?: boolean; migrate?: boolean } = {},
): Promise<TestDatabase> {
  const migrate = options.migrate ?? true
  if (engine === 'pglite') {
    const database = migrate
      ? await Database.open({ dataDir: 'memory://', loadDataDir: await pgliteTemplate(Boolean(options.demo)) })
      : await Database.open({ dataDir: 'memory://' })
    return { database, engine, dispose: () => database.close() }
  }
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set')
  const name = `cr_test_${randomBytes(6).toString('hex')}`
  const admin = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: serverUrl, max: 1 }) }),
  })
  await sql.raw(`create database ${name}`).execute(admin)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const database = await Database.open({ databaseUrl: url.toString(), poolSize: 5 })
  if (migrate) await migrateToLatest(database)
  if (options.demo) await loadDemonstrationData(database)
  return {
    database,
    engine,
    url: url.toString(),
    async dispose() {
      await database.close()
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin)
      await admin.destroy()
    },
  }
}
