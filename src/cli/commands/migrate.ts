import type { Command } from 'commander'
import { openConfiguredDatabase } from '../open-database.ts'

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations and exit')
    .action(async () => {
      const { database, applied } = await openConfiguredDatabase()
      await database.close()
      console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date')
    })
}
