import type { Database } from '../db/database.ts'
import { HealthService } from './health.ts'
import { RegisterService } from './register.ts'
import { SettingsService } from './settings.ts'

/** Every use case, built from the database. Tests pass their own database or fakes. */
export function services(database: Database) {
  return {
    database,
    health: new HealthService(database),
    register: new RegisterService(database),
    settings: new SettingsService(database),
  }
}

export type Services = ReturnType<typeof services>
