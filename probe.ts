import { Database } from './src/db/database.ts'
import { migrateToLatest } from './src/db/migrate.ts'
for (const opts of [{ dataDir: 'memory://' }, { databaseUrl: 'postgres://postgres:postgres@127.0.0.1:5432/postgres' }]) {
  const db = await Database.open(opts)
  if (db.engine === 'postgres') { const { sql } = await import('kysely'); await sql`drop schema public cascade; create schema public`.execute(db.db) }
  console.log(db.engine, await migrateToLatest(db))
  await db.close()
}
