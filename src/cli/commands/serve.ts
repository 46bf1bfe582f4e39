import type { Command } from 'commander'
import type { Server } from 'node:http'
import { loadConfig } from '../../config.ts'
import { logger, setLogLevel } from '../../logger.ts'
import { loadDemonstrationData } from '../../services/demo/load.ts'
import { scheduleExpiredSessionRemoval } from '../../services/accounts/session-cleanup.ts'
import { watchAccountRequests } from '../../services/accounts/account-requests.ts'
import { AccountService } from '../../services/accounts/accounts.ts'
import { scheduleFoiPersonalDataPurge } from '../../services/foi/retention.ts'
import { AuditService, scheduleAuditHeadPublication } from '../../services/audit/audit.ts'
import { services } from '../../services/index.ts'
import { createApp } from '../../web/app.ts'
import { UserError, reportAndExit } from '../errors.ts'
import { keepServingOnUnexpectedErrors } from '../process-guards.ts'
import { openConfiguredDatabase } from '../open-database.ts'
import { printDemoAccounts } from './demo.ts'

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('start the web application (migrates the database; a new embedded database gets demonstration data)')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)')
    .action(async (options: { port?: string }) => {
      if (options.port) process.env.PORT = options.port
      const config = loadConfig()
      setLogLevel(config.logLevel)
      const { database, applied } = await openConfiguredDatabase(config)
      const freshEmbedded = database.engine === 'pglite' && applied.includes('0001_schema')
      if (freshEmbedded) {
        const { decisions, accounts } = await loadDemonstrationData(database)
        logger.info('loaded demonstration data into the new embedded database', { decisions })
        printDemoAccounts(accounts)
      }
      let stopPurge = () => undefined as void
      let stopAuditHeads = () => undefined as void
      const app = createApp(services(database), config)
      const server: Server = app.listen(config.port, config.host)
      server.on('error', async (error: NodeJS.ErrnoException) => {
        await database.close()
        if (error.code === 'EADDRINUSE')
          reportAndExit(
            new UserError(
              `Port ${config.port} is already in use. Stop the program using it or set PORT to another port.`,
            ),
          )
        if (error.code === 'EACCES')
          reportAndExit(
            new UserError(`Port ${config.port} needs privileges this user lacks. Set PORT to a port above 1024.`),
          )
        reportAndExit(error)
      })
      server.on('listening', () => {
        keepServingOnUnexpectedErrors()
        const stopFoiPurge = scheduleFoiPersonalDataPurge(database, {
          retentionDays: config.foiPersonalDataRetentionDays,
        })
        const stopSessionRemoval = scheduleExpiredSessionRemoval(database)
        // `users add` cannot open a data directory this server holds: it leaves requests for it instead.
        const stopAccountRequests =
          database.engine === 'pglite'
            ? watchAccountRequests(config.dataDir, new AccountService(database))
            : () => undefined
        stopPurge = () => {
          stopFoiPurge()
          stopSessionRemoval()
          stopAccountRequests()
        }
        stopAuditHeads = scheduleAuditHeadPublication(new AuditService(database), (error) =>
          logger.error('could not publish the audit log head', { error: String(error) }),
        )
        logger.info('Commissioning Register is running', {
          url: `http://localhost:${config.port}`,
          engine: database.engine,
          dataDir: database.engine === 'pglite' ? config.dataDir : undefined,
        })
        if (!process.stdout.isTTY) return
        process.stdout.write(`\nCommissioning Register: http://localhost:${config.port}\n`)
      })
      const stop = () => {
        stopPurge()
        stopAuditHeads()
        server.close()
        server.closeAllConnections()
        database.close().finally(() => process.exit(0))
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
}
