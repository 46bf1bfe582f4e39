import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { Migrator, sql } from 'kysely'
import { restoreBackup } from '../../../src/db/backup-restore.ts'
import type { Database } from '../../../src/db/database.ts'
import { migrateToLatest } from '../../../src/db/migrate.ts'
import { migrations } from '../../../src/db/migrations/index.ts'
import { backupOf } from '../../support/backup.ts'
import { openTestDatabase, testEngines, type TestDatabase } from '../../support/database.ts'
import { rowOf, rowsOf } from '../../support/rows.ts'

const SIGNING_KEY = 'a test backup signing key'
const BEFORE_OFFICES = '0008_audit_heads'

/** Migrates to the last migration before many offices, as a register of that version was. */
async function migrateToSingleOffice(database: Database): Promise<void> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  })
  const { error } = await migrator.migrateTo(BEFORE_OFFICES)
  if (error) throw error
}

/**
 * A single-office register as it was before migration 0009: two offices, the home one Nottinghamshire; staff
 * with roles and (for one) an office of their own; an administrator when no office can be found would be none.
 */
async function singleOfficeRegister(database: Database): Promise<void> {
  await sql
    .raw(
      `
    insert into organisations (id, kind, name, slug) overriding system value values
      (1, 'office', 'Nottinghamshire Office of the Police and Crime Commissioner', 'nottinghamshire-opcc'),
      (2, 'office', 'Essex Police, Fire and Crime Commissioner', 'essex-pfcc');
    select setval(pg_get_serial_sequence('organisations', 'id'), 2);
    insert into offices (organisation_id, short_name, decision_maker_title) values
      (1, 'Nottinghamshire', 'Police and Crime Commissioner'), (2, 'Essex', 'Police, Fire and Crime Commissioner');
    insert into register_settings (home_office_id) values (1);
    insert into users (id, email, name, password_hash, roles, office_id) overriding system value values
      (10, 'officer@notts.example', 'Officer', 'x', '{officer}', null),
      (11, 'signer@notts.example', 'Signer', 'x', '{finance_officer,decision_maker}', null),
      (12, 'admin@notts.example', 'Admin', 'x', '{administrator,officer}', null),
      (13, 'essex@essex.example', 'Essex Officer', 'x', '{officer}', 2),
      (14, 'retired@notts.example', 'Nobody', 'x', '{}', null);
    insert into audit_log (actor_user_id, actor_label, action, entity_type, entity_id, previous_hash, hash) values
      (12, 'Admin', 'update', 'office_settings', '1', repeat('0', 64), repeat('a', 64)),
      (12, 'Admin', 'create', 'user', '13', repeat('a', 64), repeat('b', 64));
  `,
    )
    .execute(database.db)
}

for (const engine of testEngines()) {
  describe(`migration 0009_offices on a backup of a single-office register, on ${engine}`, () => {
    let source: TestDatabase
    let target: TestDatabase
    before(async () => {
      source = await openTestDatabase(engine, { migrate: false })
      target = await openTestDatabase(engine, { migrate: false })
    })
    after(async () => {
      await source.dispose()
      await target.dispose()
    })

    test('every account keeps its roles, in its own office or the home office, and nothing is lost', async () => {
      await migrateToSingleOffice(source.database)
      await singleOfficeRegister(source.database)
      const backup = await backupOf(source.database, SIGNING_KEY)

      await migrateToSingleOffice(target.database)
      await restoreBackup(target.database, Readable.from([backup]), SIGNING_KEY)
      const applied = await migrateToLatest(target.database)
      assert.ok(applied.includes('0009_offices'))

      const memberships = await rowsOf(
        target.database,
        'office_memberships',
        ['user_id', 'office_id', 'roles'],
        {},
        'user_id',
      )
      assert.deepEqual(
        memberships.map((m) => [m.user_id, m.office_id, [...m.roles].sort()]),
        [
          [10, 1, ['officer']],
          [11, 1, ['decision_maker', 'finance_officer']],
          [12, 1, ['administrator', 'officer']],
          [13, 2, ['officer']],
        ],
      )
      const users = await rowsOf(target.database, 'users', ['id', 'email', 'deployment_admin'], {}, 'id')
      assert.equal(users.length, 5, 'every account is kept, the one without roles too')
      assert.ok(users.every((u) => !u.deployment_admin))
      const offices = await rowsOf(target.database, 'offices', ['organisation_id', 'slug'], {}, 'organisation_id')
      assert.deepEqual(
        offices.map((o) => o.slug),
        ['nottinghamshire-opcc', 'essex-pfcc'],
      )
      const audit = await rowsOf(target.database, 'audit_log', ['entity_type', 'office_id', 'hash'], {}, 'id')
      assert.deepEqual(
        audit.map((a) => [a.entity_type, a.office_id]),
        [
          ['office_settings', 1],
          ['user', null],
        ],
      )
      assert.equal(audit[0]!.hash, 'a'.repeat(64), 'the entries themselves are unchanged')
    })

    test('an administrator no office can be found for becomes a deployment administrator; down migrates back', async () => {
      const db = target.database.db
      await sql`insert into office_memberships (user_id, office_id, roles) values (14, 2, '{officer}')`.execute(db)
      const migrator = new Migrator({
        db,
        provider: { getMigrations: async () => migrations },
        allowUnorderedMigrations: true,
      })
      const down = await migrator.migrateTo(BEFORE_OFFICES)
      assert.equal(down.error, undefined)
      const rows = await sql<{ id: number; roles: string[]; office_id: number | null }>`
        select id, roles, office_id from users order by id`.execute(db)
      assert.deepEqual(
        rows.rows.map((r) => [Number(r.id), [...r.roles].sort(), r.office_id === null ? null : Number(r.office_id)]),
        [
          [10, ['officer'], 1],
          [11, ['decision_maker', 'finance_officer'], 1],
          [12, ['administrator', 'officer'], 1],
          [13, ['officer'], 2],
          [14, ['officer'], 2],
        ],
      )
      await sql`update register_settings set home_office_id = null`.execute(db)
      await sql`update users set office_id = null where id = 12`.execute(db)
      await migrateToLatest(target.database)
      const admin = await rowOf(target.database, 'users', ['deployment_admin'], { id: 12 })
      assert.equal(admin.deployment_admin, true)
    })
  })
}
