import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import type { Database } from '../../src/db/database.ts'
import { services, type Services } from '../../src/services/index.ts'
import { HealthService } from '../../src/services/health.ts'
import { createApp } from '../../src/web/app.ts'

export interface RunningApp {
  baseUrl: string
  stop(): Promise<void>
}

/** The web application on a free port of localhost. */
export async function startApp(database: Database, overrides: Partial<Services> = {}): Promise<RunningApp> {
  const app = createApp({ ...services(database), ...overrides }, { production: false })
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Runs `use` with the web application over `database` on a free port, stopped afterwards. */
export async function withApp<T>(
  database: Database,
  use: (app: RunningApp) => Promise<T>,
  overrides: Partial<Services> = {},
): Promise<T> {
  const app = await startApp(database, overrides)
  return use(app).finally(() => app.stop())
}

/**
 * The services' health check over `database` when its server cannot be reached: the ping fails with `reason`
 * (`seen` overrides what else the check reads of the database, such as its engine).
 */
export function healthWithDatabaseDown(
  database: Database,
  reason: string,
  seen: Partial<Database> = {},
): HealthService {
  const unreachable = Object.assign(Object.create(database) as Database, {
    ...seen,
    ping: () => Promise.reject(new Error(reason)),
  })
  return new HealthService(unreachable)
}
