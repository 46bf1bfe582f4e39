import type { Migration } from 'kysely'
import * as schema from './0001_schema.ts'
import * as ledger from './0002_ledger.ts'
import * as foi from './0003_foi.ts'
import * as openData from './0004_open_data.ts'
import * as workflow from './0005_workflow.ts'
import * as importing from './0006_import.ts'
import * as auditHeads from './0008_audit_heads.ts'
import * as accounts from './0007_accounts.ts'
import * as offices from './0009_offices.ts'
import * as decisionJourney from './0010_decision_journey.ts'
import * as staffJourneys from './0011_staff_journeys.ts'
import * as notifications from './0014_notifications.ts'
import * as ledgerDeferral from './0015_ledger_deferral.ts'
import * as importer from './0013_importer.ts'
import * as streamConditions from './0016_stream_conditions.ts'
import * as forwardPlan from './0018_forward_plan.ts'
import * as publicSearch from './0021_public_search.ts'
import * as hotPathIndexes from './0025_hot_path_indexes.ts'
import * as layoutRules from './0026_layout_rules.ts'
import * as ledgerRebuildInOnePass from './0027_ledger_rebuild_in_one_pass.ts'
import * as searchWords from './0028_search_words.ts'
import * as ledgerRebuildGrouped from './0029_ledger_rebuild_grouped.ts'
import * as spending from './0017_spending.ts'
import * as moneyRest from './0023_money_rest.ts'

/** Every migration, in order. A new migration is a new module added to the end of this list. */
export const migrations: Record<string, Migration> = {
  '0001_schema': schema,
  '0002_ledger': ledger,
  '0003_foi': foi,
  '0004_open_data': openData,
  '0005_workflow': workflow,
  '0006_import': importing,
  '0007_accounts': accounts,
  '0008_audit_heads': auditHeads,
  '0009_offices': offices,
  '0010_decision_journey': decisionJourney,
  '0011_staff_journeys': staffJourneys,
  '0013_importer': importer,
  '0014_notifications': notifications,
  '0015_ledger_deferral': ledgerDeferral,
  '0016_stream_conditions': streamConditions,
  '0017_spending': spending,
  '0018_forward_plan': forwardPlan,
  '0021_public_search': publicSearch,
  '0023_money_rest': moneyRest,
  '0025_hot_path_indexes': hotPathIndexes,
  '0026_layout_rules': layoutRules,
  '0027_ledger_rebuild_in_one_pass': ledgerRebuildInOnePass,
  '0028_search_words': searchWords,
  '0029_ledger_rebuild_grouped': ledgerRebuildGrouped,
}
