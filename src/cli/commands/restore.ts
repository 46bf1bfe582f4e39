import { createReadStream } from 'node:fs'
import { access } from 'node:fs/promises'
import type { Command } from 'commander'
import { loadConfig } from '../../config.ts'
import { restoreBackup, RestoreError } from '../../db/backup-restore.ts'
import { UserError } from '../errors.ts'
import { withConfiguredDatabase } from '../open-database.ts'

export function registerRestoreCommand(program: Command): void {
  program
    .command('restore')
    .argument('<file>', 'a file written by backup')
    .description('load a backup into an empty database (either engine); all or nothing')
    .action(async (file: string) => {
      await access(file).catch(() => {
        throw new UserError(`Cannot read ${file}`)
      })
      const config = loadConfig()
      await withConfiguredDatabase(async (database) => {
        const summary = await restoreBackup(database, createReadStream(file), config.backupSigningKey)
        console.log(`Restored ${summary.rows} rows into ${summary.tables} tables from ${file}`)
      }, config).catch((error: unknown) => {
        if (error instanceof RestoreError) throw new UserError(error.message)
        throw error
      })
    })
}
