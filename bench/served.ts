/**
 * The register as deployed on PostgreSQL: `serve --workers N` in its own processes, loaded with the mixed addresses,
 * with the resident memory of each worker read from /proc while under load.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { execFileSync } from 'node:child_process'
import { freePort } from '../test/support/free-port.ts'
import { mixedRequestsPerSecond } from './mixed.ts'
import type { Report } from './measure.ts'

function residentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
}

function workerPids(primary: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(primary)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number)
  } catch {
    return []
  }
}

export async function benchServedWorkers(
  databaseUrl: string,
  addresses: string[],
  seconds: number,
  report: Report,
): Promise<void> {
  const port = await freePort()
  const workers = availableParallelism()
  const child = spawn(process.execPath, ['bin/commissioning-register.js', 'serve', '--workers', String(workers)], {
    // As deployed: in production, templates are compiled once rather than read again for every page.
    env: {
      ...process.env,
      NODE_ENV: 'production',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      BACKUP_SIGNING_KEY: randomBytes(32).toString('hex'),
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      PUBLIC_CACHE_SECONDS: '0',
    },
    stdio: 'ignore',
  })
  const base = `http://127.0.0.1:${port}`
  try {
    for (let waited = 0; ; waited += 250) {
      if (waited > 60_000) throw new Error('serve --workers did not start within a minute')
      if (
        await fetch(`${base}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    let peak = 0
    const sampler = setInterval(() => {
      for (const pid of workerPids(child.pid!)) peak = Math.max(peak, residentMegabytes(pid))
    }, 500)
    const rps = await mixedRequestsPerSecond(base, addresses, seconds).finally(() => clearInterval(sampler))
    report('served_workers', workers)
    report('register_mixed_served_rps', rps)
    report('served_worker_peak_rss_mb', peak)
  } finally {
    child.kill('SIGTERM')
  }
}
