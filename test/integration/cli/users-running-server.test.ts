import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cli } from '../../support/cli.ts'
import { StaffClient } from '../../support/staff-client.ts'

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port
      server.close(() => resolve(port))
    })
  })
}

describe('users add while the server holds the embedded data directory', () => {
  let dir: string
  let env: Record<string, string>
  let server: ChildProcess
  let baseUrl: string

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cr-users-running-'))
    const port = await freePort()
    env = { DATA_DIR: join(dir, 'data'), PORT: String(port) }
    baseUrl = `http://127.0.0.1:${port}`
    server = spawn(process.execPath, ['bin/commissioning-register.js', 'serve'], {
      env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the server did not start')), 120_000)
      server.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Commissioning Register is running')) {
          clearTimeout(timer)
          resolve()
        }
      })
    })
  })
  after(async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve))
      server.kill('SIGTERM')
      await exited
    }
    rmSync(dir, { recursive: true, force: true })
  })

  test('the command line adds an administrator through the running server, who can sign in at once', async () => {
    const added = await cli(
      ['users', 'add', '--email', 'new.admin@example.org', '--name', 'New Admin', '--role', 'administrator'],
      env,
    )
    assert.equal(added.code, 0, added.stderr)
    assert.match(
      added.stdout,
      /Added New Admin <new\.admin@example\.org> as administrator \(through the running server\)/,
    )
    const password = /Password \(shown once\): (\S+)/.exec(added.stdout)?.[1]
    assert.ok(password)
    const client = new StaffClient(baseUrl)
    assert.equal((await client.signIn('new.admin@example.org', password)).status, 302)
    assert.equal((await client.get('/staff/users')).status, 200)
    // Nothing is left behind in the data directory: the request and its answer are both removed.
    assert.deepEqual(readdirSync(join(dir, 'data', 'account-requests')), [])
  })

  test('a refusal comes back as one plain line, and a weak password is refused before anything is sent', async () => {
    const again = await cli(
      ['users', 'add', '--email', 'new.admin@example.org', '--name', 'Twice', '--role', 'officer'],
      env,
    )
    assert.notEqual(again.code, 0)
    assert.match(again.stderr, /already exists/)
    const weak = await cli(
      ['users', 'add', '--email', 'weak@example.org', '--name', 'Weak', '--role', 'officer', '--password', 'password'],
      env,
    )
    assert.notEqual(weak.code, 0)
    assert.match(weak.stderr, /at least 12 characters/)
  })
})
