import type { Command } from 'commander'
import { loadDemonstrationData } from '../../services/demo/load.ts'
import { openConfiguredDatabase } from '../open-database.ts'

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('load the demonstration register into an empty database (refuses one that holds records)')
    .action(async () => {
      const { database } = await openConfiguredDatabase()
      try {
        const { decisions } = await loadDemonstrationData(database)
        console.log(`Loaded the demonstration register: ${decisions} decisions`)
      } finally {
        await database.close()
      }
    })
}
