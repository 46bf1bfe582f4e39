import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'

export interface ThrowawayDatabase {
  /** The new database's address on the same server. */
  url: string
  /** Drops the database, closing whatever is still connected to it. */
  drop(): Promise<void>
}

/** Creates an empty database called `name` on the PostgreSQL server at `serverUrl`, for one test or benchmark run. */
export async function createThrowawayDatabase(serverUrl: string, name: string): Promise<ThrowawayDatabase> {
  const admin = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: serverUrl, max: 1 }) }),
  })
  await sql.raw(`create database ${name}`).execute(admin)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin)
      await admin.destroy()
    },
  }
}
