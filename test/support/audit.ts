/** Tampering with the audit log, as the tests that show it is found out do. */
import type { Transaction } from 'kysely'
import type { DB } from '../../src/db/tables/index.ts'

/** Deletes the last `count` entries of the audit log inside `trx`, whose append-only trigger the caller has disabled. */
export async function deleteLastAuditEntries(trx: Transaction<DB>, count: number): Promise<void> {
  const last = await trx.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(count).execute()
  await trx
    .deleteFrom('audit_log')
    .where(
      'id',
      'in',
      last.map((r) => r.id),
    )
    .execute()
}
