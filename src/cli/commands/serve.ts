import cluster from 'node:cluster'
import type { Command } from 'commander'
import type { Server } from 'node:http'
import { loadConfig, type Config } from '../../config.ts'
import type { Database } from '../../db/database.ts'
import { logger, setLogLevel } from '../../logger.ts'
import { loadDemonstrationData } from '../../services/demo/load.ts'
import { scheduleExpiredSessionRemoval } from '../../services/accounts/session-cleanup.ts'
import { watchAccountRequests } from '../../services/accounts/account-requests.ts'
import { AccountService } from '../../services/accounts/accounts.ts'
import { scheduleFoiPersonalDataPurge } from '../../services/foi/retention.ts'
import { AuditService } from '../../services/audit/audit.ts'
import { scheduleAuditHeadPublication } from '../../services/audit/audit-head-schedule.ts'
import { services } from '../../services/index.ts'
import { createApp } from '../../web/app.ts'
import { UserError, reportAndExit } from '../errors.ts'
import { keepServingOnUnexpectedErrors } from '../process-guards.ts'
import { openConfiguredDatabase } from '../open-database.ts'
import { printDemoAccounts } from './demo.ts'
import { startWorkers, workerCount } from './serve-workers.ts'
import { outboxWorker } from './notifications.ts'
import { scheduleOutboxWorker } from '../../services/notifications/outbox-worker.ts'
import { scheduleNotifications } from '../../services/notifications/scheduled.ts'

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('start the web application (migrates the database; a new embedded database gets demonstration data)')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)')
    .option('-w, --workers <count>', 'processes answering requests, on PostgreSQL only (default: one per core)')
    .action(async (options: { port?: string; workers?: string }) => {
      if (options.port) process.env.PORT = options.port
      const config = loadConfig()
      setLogLevel(config.logLevel)
      const { database, applied } = await openConfiguredDatabase(config)
      if (cluster.isWorker) return listen(database, config)
      const workers = (() => {
        try {
          return workerCount(options.workers, database.engine)
        } catch (error) {
          void database.close()
          return reportAndExit(error)
        }
      })()
      if (database.engine === 'pglite' && applied.includes('0001_schema')) {
        const { decisions, accounts } = await loadDemonstrationData(database)
        logger.info('loaded demonstration data into the new embedded database', { decisions })
        printDemoAccounts(accounts)
      }
      // The schedules start once the port is taken, so that a server that cannot listen stops without them.
      let stopSchedules = () => undefined as void
      const startOnce = () => {
        stopSchedules = startSchedules(database, config)
      }
      if (workers === 1) return listen(database, config, startOnce, () => stopSchedules())
      cluster.once('listening', startOnce)
      const stopWorkers = startWorkers(workers)
      cluster.on('message', (_worker, message: { type?: string; error?: string }) => {
        if (message?.type !== 'listen-error') return
        void stopWorkers().then(() => {
          stopSchedules()
          return database.close().then(() => reportAndExit(new UserError(message.error ?? 'could not listen')))
        })
      })
      announce(config, database, workers)
      const stop = () => {
        stopSchedules()
        void stopWorkers().finally(() => database.close().finally(() => process.exit(0)))
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
}

/** The jobs that run once per deployment, in the primary process only. */
function startSchedules(database: Database, config: Config): () => void {
  const stopFoiPurge = scheduleFoiPersonalDataPurge(database, {
    retentionDays: config.foiPersonalDataRetentionDays,
  })
  const stopSessionRemoval = scheduleExpiredSessionRemoval(database)
  // `users add` cannot open a data directory this server holds: it leaves requests for it instead.
  const stopAccountRequests =
    database.engine === 'pglite' ? watchAccountRequests(config.dataDir, new AccountService(database)) : () => undefined
  const stopNotifications = scheduleNotifications(database)
  const stopOutbox = scheduleOutboxWorker(outboxWorker(database, config))
  const stopAuditHeads = scheduleAuditHeadPublication(new AuditService(database), (error) =>
    logger.error('could not publish the audit log head', { error: String(error) }),
  )
  return () => {
    stopFoiPurge()
    stopSessionRemoval()
    stopAccountRequests()
    stopNotifications()
    stopOutbox()
    stopAuditHeads()
  }
}

function listenError(error: NodeJS.ErrnoException, config: Config): Error {
  if (error.code === 'EADDRINUSE')
    return new UserError(
      `Port ${config.port} is already in use. Stop the program using it or set PORT to another port.`,
    )
  if (error.code === 'EACCES')
    return new UserError(`Port ${config.port} needs privileges this user lacks. Set PORT to a port above 1024.`)
  return error
}

function listen(
  database: Database,
  config: Config,
  onListening: () => void = () => undefined,
  stopSchedules: () => void = () => undefined,
): void {
  const app = createApp(services(database, { publicBaseUrl: config.publicBaseUrl }), config)
  const server: Server = app.listen(config.port, config.host)
  server.on('error', async (error: NodeJS.ErrnoException) => {
    stopSchedules()
    await database.close()
    const reported = listenError(error, config)
    if (cluster.isWorker) {
      process.send?.({ type: 'listen-error', error: reported.message })
      process.exit(1)
    }
    reportAndExit(reported)
  })
  server.on('listening', () => {
    keepServingOnUnexpectedErrors()
    onListening()
    if (!cluster.isWorker) announce(config, database, 1)
  })
  const stop = () => {
    stopSchedules()
    server.close()
    server.closeAllConnections()
    database.close().finally(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

function announce(config: Config, database: Database, workers: number): void {
  logger.info('Commissioning Register is running', {
    url: `http://localhost:${config.port}`,
    engine: database.engine,
    workers,
    dataDir: database.engine === 'pglite' ? config.dataDir : undefined,
  })
  if (process.stdout.isTTY) process.stdout.write(`\nCommissioning Register: http://localhost:${config.port}\n`)
}
