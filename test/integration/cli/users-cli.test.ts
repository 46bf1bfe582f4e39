import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cli } from '../../support/cli.ts'

describe('users deactivate, activate, roles and reset-password', () => {
  let dir: string
  let env: Record<string, string>

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cr-users-cli-'))
    env = { DATA_DIR: join(dir, 'data') }
    assert.equal((await cli(['migrate'], env)).code, 0)
    const office = await cli(['offices', 'add', '--name', 'Testshire OPCC', '--short-name', 'Testshire'], env)
    assert.equal(office.code, 0, office.stderr)
    const added = await cli(
      [
        'users',
        'add',
        '--email',
        'sam@example.org',
        '--name',
        'Sam Green',
        '--role',
        'officer',
        '--password',
        'a long enough password',
      ],
      env,
    )
    assert.equal(added.code, 0, added.stderr)
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  test('each changes the account and says what it did; mistakes get one plain line', async () => {
    const roles = await cli(['users', 'roles', '--email', 'Sam@Example.org', '--role', 'officer,finance_officer'], env)
    assert.equal(roles.code, 0, roles.stderr)
    assert.match(roles.stdout, /now has the roles officer, finance_officer/)

    const deactivated = await cli(['users', 'deactivate', '--email', 'sam@example.org'], env)
    assert.equal(deactivated.code, 0, deactivated.stderr)
    assert.match(deactivated.stdout, /Deactivated Sam Green/)
    assert.equal((await cli(['users', 'activate', '--email', 'sam@example.org'], env)).code, 0)

    const weak = await cli(['users', 'reset-password', '--email', 'sam@example.org', '--password', '            '], env)
    assert.notEqual(weak.code, 0)
    assert.match(weak.stderr, /at least 12 characters/)
    const reset = await cli(['users', 'reset-password', '--email', 'sam@example.org'], env)
    assert.equal(reset.code, 0, reset.stderr)
    assert.match(reset.stdout, /Password \(shown once\): \S{12,}/)

    const unknown = await cli(['users', 'deactivate', '--email', 'nobody@example.org'], env)
    assert.notEqual(unknown.code, 0)
    assert.match(unknown.stderr, /No account has the email address nobody@example.org/)
    const badRole = await cli(['users', 'roles', '--email', 'sam@example.org', '--role', 'king'], env)
    assert.match(badRole.stderr, /Unknown role king/)

    const verify = await cli(['audit', 'verify'], env)
    assert.equal(verify.code, 0, verify.stdout + verify.stderr)
  })
})
