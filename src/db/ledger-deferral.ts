import { sql, type Transaction } from 'kysely'
import type { Database } from './database.ts'
import type { DB } from './tables/index.ts'
import { withTablesLoadedInBulk } from './bulk-load.ts'

/** The read model's tables: rebuilt whole, so their indexes are built once after the rows are in. */
const LEDGER_TABLES = ['ledger_awards', 'ledger_years']

/** The search's words of each decision (migration 0028_search_words), held off with the ledger. */
const SEARCH_TABLES = ['decision_words']

/**
 * Runs bulk work in one transaction with the ledger's read model and the search's words held off, then rebuilds
 * them once, so that loading thousands of awards costs one rebuild rather than one refresh per statement.
 */
export function withLedgerDeferred<T>(database: Database, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return database.transaction(async (trx) => {
    await sql`select set_config('cr.ledger_deferred', 'on', true)`.execute(trx)
    const result = await work(trx)
    await sql`select set_config('cr.ledger_deferred', 'off', true)`.execute(trx)
    await withTablesLoadedInBulk(trx, LEDGER_TABLES, () => sql`select ledger_rebuild()`.execute(trx))
    await withTablesLoadedInBulk(trx, SEARCH_TABLES, () => sql`select search_words_rebuild()`.execute(trx))
    return result
  })
}
