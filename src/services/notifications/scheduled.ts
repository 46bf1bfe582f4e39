import { sql } from 'kysely'
import type { Database } from '../../db/database.ts'
import { homeOffice, staffRecipients } from '../../db/repositories/notifications/recipients.ts'
import { formatUkDate, todayInLondon } from '../../domain/uk-date.ts'
import { workingDaysBetween } from '../../domain/working-days.ts'
import { logger } from '../../logger.ts'
import { AlertService } from './alerts.ts'
import { queueMonthlyDigest } from './scheduled-digest.ts'
import { queueFoiDeadlines } from './scheduled-foi.ts'
import { queueToStaff } from './staff-messages.ts'

/** Imported records wait this many working days for review before officers are told. */
export const IMPORT_WAIT_WORKING_DAYS = 5

export interface SchedulerPass {
  foi: number
  imports: number
  digest: number
  unconfirmedDeleted: number
}

/**
 * Imported records waiting for review more than 5 working days: one email per officer for each day's uploads
 * (keyed by the day they were imported), listing them.
 */
export async function queueImportsWaiting(database: Database, today: string): Promise<number> {
  const rows = await database.db
    .selectFrom('decisions as d')
    .innerJoin('organisations as o', 'o.id', 'd.office_id')
    .select([
      'd.id',
      'd.title',
      'd.reference',
      sql<string>`to_char(d.created_at at time zone 'Europe/London', 'YYYY-MM-DD')`.as('importedOn'),
    ])
    .where('d.review_status', '=', 'unreviewed')
    .where('d.source_document_id', 'is not', null)
    .orderBy('d.id')
    .execute()
  const byDay = new Map<string, typeof rows>()
  for (const row of rows) {
    if (workingDaysBetween(row.importedOn, today) <= IMPORT_WAIT_WORKING_DAYS) continue
    byDay.set(row.importedOn, [...(byDay.get(row.importedOn) ?? []), row])
  }
  let queued = 0
  for (const [day, records] of byDay) {
    await database.transaction(async (trx) => {
      const office = await homeOffice(trx)
      const people = await staffRecipients(trx, 'imports_waiting', { roles: ['officer'], officeId: null })
      const count = records.length === 1 ? '1 imported record' : `${records.length} imported records`
      queued += await queueToStaff(trx, people, {
        eventKey: `imports:${day}`,
        kind: 'imports_waiting',
        senderName: office?.name ?? 'Commissioning Register',
        subject: `${count} imported on ${formatUkDate(day)} ${records.length === 1 ? 'is' : 'are'} waiting for review`,
        content: {
          paragraphs: [
            `${count} imported on ${formatUkDate(day)} ${records.length === 1 ? 'has' : 'have'} waited more than ${IMPORT_WAIT_WORKING_DAYS} working days for review. The public register does not show them until someone confirms them.`,
          ],
          list: records.map((r) => ({
            text: r.reference ? `${r.reference}: ${r.title}` : r.title,
            path: `/staff/imports/${r.id}`,
          })),
          link: { text: 'Review imported records', path: '/staff/imports' },
        },
      })
    })
  }
  return queued
}

/**
 * One pass of the time-based notifications for a day: FOI deadlines, imports waiting, the monthly digest, and
 * the deletion of alert addresses never confirmed. Each email is keyed by its event, so passes can run as
 * often as wanted (the server runs one every hour, `notifications run` one on demand).
 */
export async function runScheduledNotifications(
  database: Database,
  today = todayInLondon(),
  now = new Date(),
): Promise<SchedulerPass> {
  return {
    foi: await queueFoiDeadlines(database, today),
    imports: await queueImportsWaiting(database, today),
    digest: await queueMonthlyDigest(database, today),
    unconfirmedDeleted: await new AlertService(database).purgeUnconfirmed(now),
  }
}

/** Runs a pass now and every hour in the server process; returns a function that stops it. */
export function scheduleNotifications(database: Database, intervalMs = 60 * 60_000): () => void {
  const pass = () =>
    runScheduledNotifications(database).catch((error) =>
      logger.error('the scheduled notifications failed', { error: String(error) }),
    )
  void pass()
  const timer = setInterval(pass, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
