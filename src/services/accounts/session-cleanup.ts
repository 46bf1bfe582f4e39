import type { Database } from '../../db/database.ts'
import { logger } from '../../logger.ts'
import { AccountService } from './accounts.ts'

/** Removes expired sessions now and then every interval (hourly by default); returns a function that stops it. */
export function scheduleExpiredSessionRemoval(database: Database, options: { intervalMs?: number } = {}): () => void {
  const accounts = new AccountService(database)
  const run = () =>
    accounts
      .removeExpiredSessions()
      .then((removed) => {
        if (removed) logger.info('removed expired sessions', { removed })
      })
      .catch((error: Error) => logger.error('could not remove expired sessions', { error: error.message }))
  void run()
  const timer = setInterval(run, options.intervalMs ?? 3_600_000)
  timer.unref()
  return () => clearInterval(timer)
}
