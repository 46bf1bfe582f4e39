import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely'
import pg from 'pg'
import { lockDataDirectory } from './lock.ts'
import type { DB } from './tables/index.ts'

// Dates stay YYYY-MM-DD strings (pg would make local-midnight Dates); int8 ids and pence become numbers.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value)
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value))
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value))

export type Engine = 'pglite' | 'postgres'

export class DatabaseUnavailableError extends Error {}

export interface DatabaseOptions {
  /** postgres://… for a PostgreSQL server; otherwise the embedded engine in dataDir. */
  databaseUrl?: string | null
  /** A directory, or 'memory://' for a throwaway embedded database. */
  dataDir?: string
  /** A tarball from dumpDataDir() to start an in-memory embedded database from (tests). */
  loadDataDir?: Blob | File
  poolSize?: number
}

export class Database {
  private constructor(
    readonly db: Kysely<DB>,
    readonly engine: Engine,
    private readonly closeResources: () => Promise<void>,
    private readonly pglite: PGlite | null,
  ) {}

  static async open(options: DatabaseOptions): Promise<Database> {
    if (options.databaseUrl) return Database.openPostgres(options.databaseUrl, options.poolSize ?? 10)
    return Database.openEmbedded(options.dataDir ?? './data', options.loadDataDir)
  }

  private static async openPostgres(url: string, poolSize: number): Promise<Database> {
    const pool = new pg.Pool({
      connectionString: url,
      max: poolSize,
      connectionTimeoutMillis: 5000,
      options: '-c jit=off',
    })
    pool.on('error', () => undefined)
    try {
      const client = await pool.connect()
      client.release()
    } catch (error) {
      await pool.end().catch(() => undefined)
      const host = safeHost(url)
      throw new DatabaseUnavailableError(
        `Cannot connect to the PostgreSQL server at ${host}: ${(error as Error).message}. Check DATABASE_URL and that the server is running.`,
      )
    }
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
    return new Database(db, 'postgres', () => db.destroy(), null)
  }

  private static async openEmbedded(dataDir: string, loadDataDir?: Blob | File): Promise<Database> {
    const inMemory = dataDir.startsWith('memory://')
    const unlock = inMemory ? () => undefined : lockDataDirectory(dataDir)
    let pglite: PGlite
    try {
      pglite = new PGlite({ dataDir: inMemory ? undefined : dataDir, extensions: { pg_trgm, unaccent }, loadDataDir })
      await pglite.waitReady
    } catch (error) {
      unlock()
      throw new DatabaseUnavailableError(`Cannot open the embedded database in ${dataDir}: ${(error as Error).message}`)
    }
    const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig)
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
    const close = async () => {
      await db.destroy()
      await pglite.close()
      unlock()
    }
    return new Database(db, 'pglite', close, pglite)
  }

  /** Runs fn in one transaction. Inside it, use only the handle it is given (PGlite has one connection). */
  transaction<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn)
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db)
  }

  /** A tarball of the embedded database, to start in-memory copies from (tests). */
  async dumpDataDir(): Promise<Blob> {
    if (!this.pglite) throw new Error('Only the embedded engine can be dumped')
    return this.pglite.dumpDataDir('none')
  }

  async close(): Promise<void> {
    await this.closeResources()
  }
}

function safeHost(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`
  } catch {
    return 'the address in DATABASE_URL (which is not a valid URL)'
  }
}
