import type { OrganisationMergesTable, OrganisationsTable } from './organisations.ts'
import type { OrganisationAliasesTable } from './organisation-aliases.ts'
import type { OfficeMembershipsTable, OfficePopulationsTable, OfficesTable } from './offices.ts'
import type { RegisterSettingsTable } from './register-settings.ts'
import type { ReferenceSequencesTable } from './reference-sequences.ts'
import type { AreasTable } from './areas.ts'
import type { UsersTable } from './users.ts'
import type { SessionsTable } from './sessions.ts'
import type { ApiTokensTable } from './api-tokens.ts'
import type { DecisionEditorsTable, SignInAttemptsTable } from './accounts.ts'
import type { DocumentsTable } from './documents.ts'
import type { FundingStreamMatchFundingTable, FundingStreamsTable } from './funding-streams.ts'
import type { FundingStreamReceiptsTable } from './funding-stream-receipts.ts'
import type { DecisionsTable } from './decisions.ts'
import type { DecisionSectionsTable } from './decision-sections.ts'
import type { DecisionLinksTable } from './decision-links.ts'
import type { DecisionAreasTable } from './decision-areas.ts'
import type { DecisionAppendicesTable, DecisionTasksCompletedTable } from './decision-journey.ts'
import type { SignOffsTable } from './sign-offs.ts'
import type { ServicesTable } from './services.ts'
import type { ServiceAreasTable } from './service-areas.ts'
import type { ServiceProvidersTable } from './service-providers.ts'
import type { AwardsTable } from './awards.ts'
import type { ContributionsTable } from './contributions.ts'
import type { OutcomeReturnsTable } from './outcome-returns.ts'
import type { FindingsTable } from './findings.ts'
import type { FoiRequestsTable } from './foi-requests.ts'
import type { FoiQuestionsTable } from './foi-questions.ts'
import type { AuditLogTable } from './audit-log.ts'
import type { AuditHeadsTable } from './audit-heads.ts'
import type { AlertSubscriptionsTable, NotificationPreferencesTable, OutboxMessagesTable } from './notifications.ts'
import type { PlannedDecisionsTable } from './planned-decisions.ts'
import type {
  SpendAwardPaymentsTable,
  SpendBatchesTable,
  SpendPaymentPartsTable,
  SpendPaymentsTable,
  SpendUploadsTable,
} from './spending.ts'
import type { PublicFiguresStateTable } from './public-figures-state.ts'
import type { LayoutRulesTable } from './layout-rules.ts'
import type { LedgerAwardsTable, LedgerCubeTable, LedgerYearsTable } from './ledger.ts'

export interface DB {
  organisations: OrganisationsTable
  organisation_aliases: OrganisationAliasesTable
  organisation_merges: OrganisationMergesTable
  offices: OfficesTable
  office_memberships: OfficeMembershipsTable
  office_populations: OfficePopulationsTable
  register_settings: RegisterSettingsTable
  reference_sequences: ReferenceSequencesTable
  areas: AreasTable
  users: UsersTable
  sessions: SessionsTable
  api_tokens: ApiTokensTable
  sign_in_attempts: SignInAttemptsTable
  decision_editors: DecisionEditorsTable
  documents: DocumentsTable
  funding_streams: FundingStreamsTable
  funding_stream_receipts: FundingStreamReceiptsTable
  funding_stream_match_funding: FundingStreamMatchFundingTable
  decisions: DecisionsTable
  decision_sections: DecisionSectionsTable
  decision_links: DecisionLinksTable
  decision_areas: DecisionAreasTable
  decision_tasks_completed: DecisionTasksCompletedTable
  decision_appendices: DecisionAppendicesTable
  sign_offs: SignOffsTable
  services: ServicesTable
  service_areas: ServiceAreasTable
  service_providers: ServiceProvidersTable
  awards: AwardsTable
  contributions: ContributionsTable
  outcome_returns: OutcomeReturnsTable
  findings: FindingsTable
  foi_requests: FoiRequestsTable
  foi_questions: FoiQuestionsTable
  audit_log: AuditLogTable
  audit_heads: AuditHeadsTable
  ledger_awards: LedgerAwardsTable
  ledger_years: LedgerYearsTable
  ledger_cube: LedgerCubeTable
  public_figures_state: PublicFiguresStateTable
  layout_rules: LayoutRulesTable
  outbox_messages: OutboxMessagesTable
  alert_subscriptions: AlertSubscriptionsTable
  notification_preferences: NotificationPreferencesTable
  planned_decisions: PlannedDecisionsTable
  spend_batches: SpendBatchesTable
  spend_payments: SpendPaymentsTable
  spend_payment_parts: SpendPaymentPartsTable
  spend_award_payments: SpendAwardPaymentsTable
  spend_uploads: SpendUploadsTable
}

export type {
  OrganisationsTable,
  OrganisationAliasesTable,
  OfficesTable,
  RegisterSettingsTable,
  ReferenceSequencesTable,
  AreasTable,
  UsersTable,
  SessionsTable,
  ApiTokensTable,
  DocumentsTable,
  FundingStreamsTable,
  FundingStreamReceiptsTable,
  DecisionsTable,
  DecisionSectionsTable,
  DecisionLinksTable,
  DecisionAreasTable,
  SignOffsTable,
  ServicesTable,
  ServiceAreasTable,
  ServiceProvidersTable,
  AwardsTable,
  ContributionsTable,
  OutcomeReturnsTable,
  FindingsTable,
  FoiRequestsTable,
  FoiQuestionsTable,
  AuditLogTable,
  AuditHeadsTable,
  LedgerAwardsTable,
  LedgerYearsTable,
  LedgerCubeTable,
  OutboxMessagesTable,
  AlertSubscriptionsTable,
  NotificationPreferencesTable,
  PlannedDecisionsTable,
}
