import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import type { Database } from '../../src/db/database.ts'
import { services, type Services } from '../../src/services/index.ts'
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
