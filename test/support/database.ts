import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Database } from '../../src/db/database.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'
import { loadDemonstrationData } from '../../src/services/demo/load.ts'
import { createThrowawayDatabase } from './throwaway-postgres.ts'

export type TestEngine = 'pglite' | 'postgres'

/** The engines an integration test runs on: always the embedded one, PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngines(): TestEngine[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']
}

const templates = new Map<string, Promise<Blob>>()
const TEMPLATE_CACHE = 'node_modules/.cache/test-databases'

/** Every file under `dir`, in a stable order. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]))
}

/**
 * What a template is made from: the application's source (its migrations and demonstration data, and all they
 * use) and the locked dependencies (the embedded engine's version). A change to any of them makes a new template.
 */
function templateKey(): string {
  const hash = createHash('sha256')
  for (const path of [...filesUnder('src'), 'package-lock.json'])
    hash.update(path).update('\0').update(readFileSync(path))
  return hash.digest('hex').slice(0, 16)
}

/** Makes a template database: migrated, and with the demonstration register when `withDemo`. */
async function makeTemplate(withDemo: boolean): Promise<Blob> {
  const database = await Database.open({ dataDir: 'memory://' })
  await migrateToLatest(database)
  if (withDemo) await loadDemonstrationData(database)
  const blob = await database.dumpDataDir()
  await database.close()
  return blob
}

/**
 * A template kept on disk between test files (each file is its own process), so that only the first file to need
 * it migrates and loads the demonstration data; the others copy it. Written under another name and renamed, so a
 * file running at the same time never reads half a template.
 */
async function cachedTemplate(kind: string, make: () => Promise<Blob>): Promise<Blob> {
  const name = `${kind}-${templateKey()}`
  const path = join(TEMPLATE_CACHE, `${name}.tar`)
  try {
    return new Blob([readFileSync(path)])
  } catch {
    const blob = await make()
    try {
      mkdirSync(TEMPLATE_CACHE, { recursive: true })
      for (const old of readdirSync(TEMPLATE_CACHE).filter(
        (file) => file.startsWith(`${kind}-`) && !file.startsWith(name),
      ))
        rmSync(join(TEMPLATE_CACHE, old), { force: true }) // templates of an earlier source
      const partial = `${path}.${process.pid}`
      writeFileSync(partial, Buffer.from(await blob.arrayBuffer()))
      renameSync(partial, path)
    } catch {
      // The cache only saves time: a file that cannot be written leaves the next test file to make its own.
    }
    return blob
  }
}

/** A migrated embedded database (optionally with demonstration data), made once and copied per test. */
function pgliteTemplate(withDemo: boolean): Promise<Blob> {
  const key = withDemo ? 'demo' : 'empty'
  let template = templates.get(key)
  if (!template) {
    template = cachedTemplate(key, () => makeTemplate(withDemo))
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
  const throwaway = await createThrowawayDatabase(serverUrl, `cr_test_${randomBytes(6).toString('hex')}`)
  const database = await Database.open({ databaseUrl: throwaway.url, poolSize: 5 })
  if (migrate) await migrateToLatest(database)
  if (options.demo) await loadDemonstrationData(database)
  return {
    database,
    engine,
    url: throwaway.url,
    async dispose() {
      await database.close()
      await throwaway.drop()
    },
  }
}

/** Runs `use` with a test database of its own on `engine` (as openTestDatabase makes it), disposed of afterwards. */
export async function withTestDatabase<T>(
  engine: TestEngine,
  use: (t: TestDatabase) => Promise<T>,
  options: { demo?: boolean; migrate?: boolean } = {},
): Promise<T> {
  const t = await openTestDatabase(engine, options)
  return use(t).finally(() => t.dispose())
}
