import cluster from 'node:cluster'
import { availableParallelism } from 'node:os'
import { logger } from '../../logger.ts'
import { UserError } from '../errors.ts'

/** How many processes answer requests: one on the embedded engine (it is one process's files), else `--workers`. */
export function workerCount(requested: string | undefined, engine: 'pglite' | 'postgres'): number {
  if (engine === 'pglite') {
    if (requested !== undefined && requested !== '1')
      throw new UserError('--workers needs PostgreSQL (DATABASE_URL): the embedded database is one process.')
    return 1
  }
  if (requested === undefined) return availableParallelism()
  if (!/^\d{1,3}$/.test(requested) || Number(requested) < 1)
    throw new UserError(`--workers must be a whole number from 1 to 999, not "${requested}".`)
  return Number(requested)
}

/**
 * Starts `count` worker processes that each serve the same port, and starts a new one when a worker dies
 * (at most one a second, so a worker that cannot start does not spin). Returns a function that stops them all.
 */
export function startWorkers(count: number): () => Promise<void> {
  let stopping = false
  let lastRestart = 0
  for (let i = 0; i < count; i++) cluster.fork()
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return
    logger.error('a worker stopped; starting another', { pid: worker.process.pid, code, signal })
    const wait = Math.max(0, lastRestart + 1000 - Date.now())
    lastRestart = Date.now() + wait
    setTimeout(() => cluster.fork(), wait)
  })
  return async () => {
    stopping = true
    const workers = Object.values(cluster.workers ?? {})
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (!worker || worker.isDead()) return resolve()
            worker.once('exit', () => resolve())
            worker.kill('SIGTERM')
          }),
      ),
    )
  }
}
