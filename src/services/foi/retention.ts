import type { Database } from '../../db/database.ts'
import { FoiRepository } from '../../db/repositories/foi/foi.ts'
import { addDays, todayInLondon } from '../../domain/uk-date.ts'
import { logger } from '../../logger.ts'
import { AuditService, SYSTEM_ACTOR, type Actor } from '../audit/audit.ts'

export const DEFAULT_FOI_PERSONAL_DATA_RETENTION_DAYS = 730

export interface PurgeResult {
  /** Requests whose last activity was before this day lost their requester's name and contact. */
  cutoff: string
  purged: Array<{ id: number; reference: string }>
}

/**
 * Deletes the requester's name and contact from every finished request (answered or closed) whose
 * last activity is more than `retentionDays` old, keeping the questions and the response. Requests
 * still open, in internal review or with the Information Commissioner keep them.
 */
export async function purgeFoiPersonalData(
  database: Database,
  options: { retentionDays: number; today?: string; actor?: Actor },
): Promise<PurgeResult> {
  if (!Number.isInteger(options.retentionDays) || options.retentionDays < 0)
    throw new RangeError('The retention period must be a whole number of days, 0 or more')
  const cutoff = addDays(options.today ?? todayInLondon(), -options.retentionDays)
  const audit = new AuditService(database)
  const purged = await database.transaction(async (trx) => {
    const rows = await new FoiRepository(database.db).purgePersonalData(cutoff, trx)
    for (const row of rows) {
      await audit.recordChange(trx, options.actor ?? SYSTEM_ACTOR, 'purge_personal_data', ['foi_request', row.id], {
        before: { requester_name_held: true },
        after: { requester_name_held: false, requester_contact_held: false, retention_days: options.retentionDays },
      })
    }
    return rows
  })
  return { cutoff, purged }
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Runs the purge now and then once a day, for a long-running server. Failures are logged, not thrown.
 * Returns a function that stops the schedule.
 */
export function scheduleFoiPersonalDataPurge(
  database: Database,
  options: { retentionDays: number; intervalMs?: number },
): () => void {
  const run = () =>
    purgeFoiPersonalData(database, { retentionDays: options.retentionDays })
      .then(({ purged, cutoff }) => {
        if (purged.length)
          logger.info('deleted FOI requesters’ personal data past the retention period', {
            requests: purged.length,
            cutoff,
          })
      })
      .catch((error: Error) => logger.error('could not delete FOI requesters’ personal data', { error: error.message }))
  void run()
  const timer = setInterval(run, options.intervalMs ?? DAY_MS)
  timer.unref()
  return () => clearInterval(timer)
}
