import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { once } from 'node:events'
import type { Command } from 'commander'
import { loadConfig } from '../../config.ts'
import { writeBackup } from '../../db/backup.ts'
import { openConfiguredDatabase } from '../open-database.ts'

export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .argument('<file>', 'where to write the backup (JSON lines)')
    .description('write the whole register, every table, to a file that restore can load into either engine')
    .action(async (file: string) => {
      const config = loadConfig()
      const { database } = await openConfiguredDatabase(config)
      const partial = `${file}.partial`
      try {
        const out = createWriteStream(partial, { mode: 0o600 })
        const summary = await writeBackup(database, out, config.backupSigningKey)
        out.end()
        await once(out, 'close')
        await rename(partial, file)
        console.log(`Backed up ${summary.rows} rows from ${summary.tables} tables to ${file}`)
      } finally {
        await rm(partial, { force: true })
        await database.close()
      }
    })
}
