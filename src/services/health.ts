import type { Database } from '../db/database.ts'
import { logger } from '../logger.ts'

export interface HealthReport {
  status: 'UP' | 'DOWN'
  components: { database: { status: 'UP' | 'DOWN'; engine: string } }
}

export class HealthService {
  constructor(private readonly database: Database) {}

  async check(timeoutMs = 2000): Promise<HealthReport> {
    try {
      await Promise.race([
        this.database.ping(),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref(),
        ),
      ])
      return { status: 'UP', components: { database: { status: 'UP', engine: this.database.engine } } }
    } catch (error) {
      // The reason (addresses, ports, user names) is for operators, not the public.
      logger.error('health check: the database does not answer', {
        engine: this.database.engine,
        error: (error as Error).message,
      })
      return { status: 'DOWN', components: { database: { status: 'DOWN', engine: this.database.engine } } }
    }
  }
}
