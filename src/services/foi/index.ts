import type { Database } from '../../db/database.ts'
import { FoiService } from './requests.ts'
import { FoiDashboardService } from './dashboard.ts'
import { DisclosureLogService } from './disclosure-log.ts'
import { FoiImporter } from './import.ts'
import { FoiRegisterSearch } from './register-search.ts'
import { RegisterService } from '../decisions/register.ts'

/** The FOI use cases, built together: services(database).foi. */
export function foiServices(database: Database, register: RegisterService = new RegisterService(database)) {
  return {
    requests: new FoiService(database),
    dashboard: new FoiDashboardService(database),
    search: new FoiRegisterSearch(database, register),
    disclosureLog: new DisclosureLogService(database),
    importer: new FoiImporter(database),
  }
}

export type FoiServices = ReturnType<typeof foiServices>
