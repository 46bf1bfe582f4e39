import { sql, type Kysely, type Migration } from 'kysely'

/** A migration written as two SQL texts: the one that makes the change and the one that undoes it. */
export function rawSqlMigration(upSql: string, downSql: string): Required<Migration> {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql.raw(upSql).execute(db)
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await sql.raw(downSql).execute(db)
    },
  }
}
