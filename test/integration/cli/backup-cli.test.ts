import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { cli, temporaryFolder } from '../../support/cli.ts'

describe('backup and restore on the command line', () => {
  const dir = temporaryFolder('cr-backup-cli-')

  test('a backup is written for its owner only, and restore refuses it once edited or under another key', async () => {
    const env = { DATA_DIR: join(dir(), 'source'), BACKUP_SIGNING_KEY: 'the office backup key' }
    assert.equal((await cli(['migrate'], env)).code, 0)
    const office = await cli(['offices', 'add', '--name', 'Testshire OPCC', '--short-name', 'Testshire'], env)
    assert.equal(office.code, 0, office.stderr)
    assert.equal(
      (
        await cli(
          [
            'users',
            'add',
            '--email',
            'a@example.org',
            '--name',
            'Ann Example',
            '--role',
            'officer',
            '--password',
            'a long enough password',
          ],
          env,
        )
      ).code,
      0,
    )
    const file = join(dir(), 'register.backup')
    const backup = await cli(['backup', file], env)
    assert.equal(backup.code, 0, backup.stderr)
    assert.equal(statSync(file).mode & 0o777, 0o600)

    const edited = join(dir(), 'edited.backup')
    writeFileSync(edited, readFileSync(file, 'utf8').replace('Ann Example', 'Eve Example'))
    const target = { DATA_DIR: join(dir(), 'target'), BACKUP_SIGNING_KEY: 'the office backup key' }
    assert.equal((await cli(['migrate'], target)).code, 0)
    const refused = await cli(['restore', edited], target)
    assert.equal(refused.code, 1)
    assert.match(refused.stderr, /does not match its manifest/)
    const otherKey = await cli(['restore', file], { ...target, BACKUP_SIGNING_KEY: 'someone else' })
    assert.equal(otherKey.code, 1)
    assert.match(otherKey.stderr, /signature does not match/)
    const restored = await cli(['restore', file], target)
    assert.equal(restored.code, 0, restored.stderr)
  })
})
