import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openTestDatabase } from '../../support/database.ts'
import { cli } from '../../support/cli.ts'
import { freePort } from '../../support/free-port.ts'

async function waitForHealth(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} did not answer in time`)
}

function childrenOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number)
  } catch {
    return []
  }
}

describe('serve --workers', () => {
  test('on the embedded engine more than one worker is refused in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cr-workers-'))
    try {
      const run = await cli(['serve', '--workers', '2'], {
        DATA_DIR: join(dir, 'data'),
        PORT: String(await freePort()),
      })
      assert.equal(run.code, 1)
      assert.equal(run.stderr.trim().split('\n').length, 1)
      assert.match(run.stderr, /--workers needs PostgreSQL/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test(
    'on PostgreSQL the register is served by as many processes as asked, which all stop together',
    {
      skip: !process.env.TEST_DATABASE_URL && 'needs TEST_DATABASE_URL',
    },
    async () => {
      const t = await openTestDatabase('postgres')
      const url = await t.database.db.selectNoFrom((eb) => eb.fn<string>('current_database', []).as('name')).execute()
      const databaseUrl = new URL(process.env.TEST_DATABASE_URL!)
      databaseUrl.pathname = `/${url[0]!.name}`
      const port = await freePort()
      const child = spawn(process.execPath, ['bin/commissioning-register.js', 'serve', '--workers', '2'], {
        env: { ...process.env, DATABASE_URL: databaseUrl.toString(), PORT: String(port), LOG_LEVEL: 'warn' },
        stdio: 'ignore',
      })
      try {
        await waitForHealth(`http://127.0.0.1:${port}/health`, Date.now() + 60_000)
        const responses = await Promise.all(Array.from({ length: 8 }, () => fetch(`http://127.0.0.1:${port}/`)))
        assert.ok(responses.every((response) => response.status === 200))
        assert.equal(childrenOf(child.pid!).length, 2)
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
        assert.deepEqual(childrenOf(child.pid!), [])
      } finally {
        child.kill('SIGKILL')
        await t.dispose()
      }
    },
  )
})
