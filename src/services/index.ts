import type { Database } from '../db/database.ts'
import { AccountService } from './accounts.ts'
import { AuditService } from './audit.ts'
import { HealthService } from './health.ts'
import { RegisterService } from './register.ts'
import { OfficeSettingsService, SettingsService } from './settings.ts'
import { WorkflowService } from './workflow.ts'

/** Every use case, built from the database. Tests pass their own database or fakes. */
export function services(database: Database) {
  const settings = new SettingsService(database)
  return {
    database,
    accounts: new AccountService(database),
    audit: new AuditService(database),
    health: new HealthService(database),
    register: new RegisterService(database),
    settings,
    officeSettings: new OfficeSettingsService(database, settings),
    workflow: new WorkflowService(database),
  }
}

export type Services = ReturnType<typeof services>
