import type { Command } from 'commander'
import { loadConfig, type Config } from '../../config.ts'
import type { Database } from '../../db/database.ts'
import { isIsoDate } from '../../domain/uk-date.ts'
import { setLogLevel } from '../../logger.ts'
import { mailerFor } from '../../services/notifications/mailer.ts'
import { OutboxWorker } from '../../services/notifications/outbox-worker.ts'
import { runScheduledNotifications } from '../../services/notifications/scheduled.ts'
import { UserError } from '../errors.ts'
import { withConfiguredDatabase } from '../open-database.ts'

/** The outbox worker as the server runs it: SMTP_URL's server, or the log without one. */
export function outboxWorker(database: Database, config: Config): OutboxWorker {
  return new OutboxWorker(database, {
    mailer: mailerFor(config.smtpUrl),
    baseUrl: config.publicBaseUrl,
    mailFrom: config.mailFrom,
  })
}

export function registerNotificationsCommand(program: Command): void {
  const notifications = program.command('notifications').description('staff notifications and public alerts by email')
  notifications
    .command('run')
    .description(
      'one pass: queue the time-based notifications that are due (FOI deadlines, imports waiting, the monthly digest), then send everything waiting in the outbox',
    )
    .option('--date <YYYY-MM-DD>', 'the day to judge deadlines on (default: today in London)')
    .action(async (options: { date?: string }) => {
      if (options.date && !isIsoDate(options.date)) throw new UserError('--date must be a date like 2026-12-02')
      const config = loadConfig()
      setLogLevel(config.logLevel)
      await withConfiguredDatabase(async (database) => {
        const queued = await runScheduledNotifications(database, options.date)
        const worker = outboxWorker(database, config)
        const sent = await worker.runOnce()
        console.log(
          `Queued ${queued.foi} FOI, ${queued.imports} import and ${queued.digest} digest emails; deleted ${queued.unconfirmedDeleted} unconfirmed alert addresses.`,
        )
        console.log(
          config.smtpUrl
            ? `Sent ${sent.sent}; ${sent.retrying} to try again later; ${sent.failed} failed.`
            : `SMTP_URL is not set: ${sent.logged} written to the log (see /staff/notifications/outbox).`,
        )
      }, config)
    })
}
