import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { Database } from '../../../src/db/database.ts'
import { migrateToLatest } from '../../../src/db/migrate.ts'
import { cli, temporaryFolder } from '../../support/cli.ts'

describe('the command line', () => {
  const dir = temporaryFolder('cr-cli-')

  test('--help lists the commands', async () => {
    const run = await cli(['--help'])
    assert.equal(run.code, 0)
    for (const command of ['serve', 'migrate', 'demo']) assert.match(run.stdout, new RegExp(`\\b${command}\\b`))
  })

  test('migrate, then demo loads the demonstration register once and refuses a second time', async () => {
    const dataDir = join(dir(), 'demo')
    const migrate = await cli(['migrate'], { DATA_DIR: dataDir })
    assert.equal(migrate.code, 0, migrate.stderr)
    assert.match(migrate.stdout, /Applied 0001_schema/)
    const first = await cli(['demo'], { DATA_DIR: dataDir })
    assert.equal(first.code, 0, first.stderr)
    assert.match(first.stdout, /Loaded the demonstration register: 5 decisions/)
    assert.match(first.stdout, /admin@demo\.example +[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}/)
    const second = await cli(['demo'], { DATA_DIR: dataDir })
    assert.equal(second.code, 1)
    assert.equal(second.stderr.trim().split('\n').length, 1)
    assert.match(second.stderr, /already holds records/)
  })

  test('users add makes an account, refuses a duplicate, and the audit log verifies', async () => {
    const dataDir = join(dir(), 'users')
    const office = await cli(['offices', 'add', '--name', 'Testshire OPCC', '--short-name', 'Testshire'], {
      DATA_DIR: dataDir,
    })
    assert.equal(office.code, 0, office.stderr)
    const added = await cli(
      ['users', 'add', '--email', 'Kim@Example.org', '--name', 'Kim Lee', '--role', 'officer,finance_officer'],
      { DATA_DIR: dataDir },
    )
    assert.equal(added.code, 0, added.stderr)
    assert.match(added.stdout, /Added Kim Lee <kim@example\.org> as officer, finance_officer/)
    assert.match(added.stdout, /Password \(shown once\): \S+/)
    const duplicate = await cli(['users', 'add', '--email', 'kim@example.org', '--name', 'Kim', '--role', 'officer'], {
      DATA_DIR: dataDir,
    })
    assert.equal(duplicate.code, 1)
    assert.match(duplicate.stderr, /already exists/)
    const badRole = await cli(['users', 'add', '--email', 'x@example.org', '--name', 'X', '--role', 'king'], {
      DATA_DIR: dataDir,
    })
    assert.equal(badRole.code, 1)
    assert.match(badRole.stderr, /Unknown role king/)
    const verify = await cli(['audit', 'verify'], { DATA_DIR: dataDir })
    assert.equal(verify.code, 0, verify.stderr)
    assert.match(verify.stdout, /intact: 2 entries checked/)
  })

  test('a second process on the same data directory stops with a message naming the lock, and nothing is corrupted', async () => {
    const dataDir = join(dir(), 'locked')
    const holder = await Database.open({ dataDir })
    try {
      await migrateToLatest(holder)
      await holder.db.insertInto('organisations').values({ kind: 'provider', name: 'Kept', slug: 'kept' }).execute()
      const run = await cli(['migrate'], { DATA_DIR: dataDir })
      assert.equal(run.code, 1)
      assert.match(run.stderr, /in use by another process .*commissioning-register\.lock/)
      assert.equal(run.stderr.trim().split('\n').length, 1)
    } finally {
      await holder.close()
    }
    const reopened = await Database.open({ dataDir })
    try {
      const rows = await reopened.db.selectFrom('organisations').select('name').execute()
      assert.deepEqual(
        rows.map((r) => r.name),
        ['Kept'],
      )
    } finally {
      await reopened.close()
    }
  })

  test('an unreachable DATABASE_URL ends with one line saying what to do', async () => {
    const run = await cli(['migrate'], { DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:9/none' })
    assert.equal(run.code, 1)
    assert.equal(run.stderr.trim().split('\n').length, 1)
    assert.match(run.stderr, /Cannot connect to the PostgreSQL server at 127\.0\.0\.1:9\/none.*Check DATABASE_URL/)
    assert.doesNotMatch(run.stderr, /secret/)
  })

  test('an unwritable DATA_DIR ends with one line saying what to do', async () => {
    const file = join(dir(), 'a-file')
    writeFileSync(file, 'not a directory')
    const run = await cli(['migrate'], { DATA_DIR: join(file, 'data') })
    assert.equal(run.code, 1)
    assert.equal(run.stderr.trim().split('\n').length, 1)
    assert.match(run.stderr, /cannot be written\. Set DATA_DIR/)
  })

  test('a port in use ends with one line saying what to do', async () => {
    const blocker: Server = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '0.0.0.0', resolve))
    const port = (blocker.address() as { port: number }).port
    try {
      const run = await cli(['serve'], { DATA_DIR: join(dir(), 'port'), PORT: String(port) })
      assert.equal(run.code, 1)
      assert.equal(run.stderr.trim().split('\n').length, 1)
      assert.match(run.stderr, new RegExp(`Port ${port} is already in use`))
    } finally {
      blocker.close()
    }
  })
})
