import type { Database } from '../db/database.ts'

export interface HealthReport {
  status: 'UP' | 'DOWN'
  components: { database: { status: 'UP' | 'DOWN'; engine: string; details?: string } }
}

export class HealthService {
  constructor(private readonly database: Database) {}

  async check(timeoutMs = 2000): Promise<HealthReport> {
    try {
      await Promise.race([
        this.database.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref()),
      ])
      return { status: 'UP', components: { database: { status: 'UP', engine: this.database.engine } } }
    } catch (error) {
      return { status: 'DOWN', components: { database: { status: 'DOWN', engine: this.database.engine, details: (error as Error).message } } }
    }
  }
}
