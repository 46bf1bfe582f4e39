import { PublicFiguresMemo } from './shared/public-figures-memo.ts'
import type { Database } from '../db/database.ts'
import { AccountService } from './accounts/accounts.ts'
import { ApiTokenService } from './accounts/api-tokens.ts'
import { OwnPasswordService } from './accounts/own-password.ts'
import { AuditService } from './audit/audit.ts'
import { HealthService } from './health.ts'
import { ImportService } from './imports/index.ts'
import { OpenDataService } from './open-data/index.ts'
import { RegisterService } from './decisions/register.ts'
import { OfficeService } from './offices/offices.ts'
import { NationalService } from './offices/national.ts'
import { PublicOfficeService } from './offices/public-offices.ts'
import { OfficeSettingsService, SettingsService } from './offices/settings.ts'
import { WorkflowService } from './decisions/workflow.ts'
import { ChartsService } from './ledger/charts.ts'
import { CoFundingService } from './ledger/co-funding.ts'
import { CommissioningService } from './ledger/commissioning.ts'
import { CommissioningRecordService } from './ledger/commissioning-records.ts'
import { ContributionService } from './ledger/contributions.ts'
import { FundingService } from './ledger/funding.ts'
import { StreamConditionsService } from './ledger/stream-conditions.ts'
import { LedgerService } from './ledger/ledger.ts'
import { OrganisationService } from './ledger/organisations.ts'
import { OutcomeService } from './ledger/outcomes.ts'
import { foiServices } from './foi/index.ts'
import { FoiImportError } from './foi/import.ts'
import { NotificationService } from './notifications/index.ts'
import { ForwardPlanService } from './forward-plan/forward-plan.ts'
import { SpendingService } from './spending/spending.ts'

/** Every use case, built from the database. Tests pass their own database or fakes. */
export function services(database: Database, options: { publicBaseUrl?: string } = {}) {
  const settings = new SettingsService(database)
  const figures = new PublicFiguresMemo(database)
  const foi = foiServices(database)
  return {
    database,
    accounts: new AccountService(database),
    ownPassword: new OwnPasswordService(database),
    audit: new AuditService(database),
    health: new HealthService(database),
    register: new RegisterService(database),
    settings,
    officeSettings: new OfficeSettingsService(database, settings),
    offices: new OfficeService(database),
    publicOffices: new PublicOfficeService(database),
    national: new NationalService(database),
    openData: new OpenDataService(database),
    apiTokens: new ApiTokenService(database),
    workflow: new WorkflowService(database),
    imports: new ImportService(database, { foiResponses: foi.importer, foiExpectedErrors: [FoiImportError] }),
    ledger: new LedgerService(database, figures),
    charts: new ChartsService(database, figures),
    coFunding: new CoFundingService(database, figures),
    commissioning: new CommissioningService(database),
    commissioningRecords: new CommissioningRecordService(database, new AuditService(database)),
    funding: new FundingService(database, figures),
    streamConditions: new StreamConditionsService(database, figures),
    organisations: new OrganisationService(database),
    outcomes: new OutcomeService(database, new AuditService(database)),
    contributions: new ContributionService(database, new AuditService(database)),
    forwardPlan: new ForwardPlanService(database, new AuditService(database)),
    foi,
    spending: new SpendingService(database),
    notifications: new NotificationService(database, {
      publicBaseUrl: options.publicBaseUrl ?? 'http://localhost:3000',
    }),
  }
}

export type Services = ReturnType<typeof services>
