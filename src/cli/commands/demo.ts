import type { Command } from 'commander'
import { loadDemonstrationData, type DemoAccount } from '../../services/demo/load.ts'
import { withConfiguredDatabase } from '../open-database.ts'

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('load the demonstration register into an empty database (refuses one that holds records)')
    .action(async () => {
      await withConfiguredDatabase(async (database) => {
        const { decisions, accounts } = await loadDemonstrationData(database)
        console.log(`Loaded the demonstration register: ${decisions} decisions`)
        printDemoAccounts(accounts)
      })
    })
}

/** Shown once, when the accounts are made: the passwords are stored only as hashes. */
export function printDemoAccounts(accounts: DemoAccount[]): void {
  console.log('\nDemonstration staff accounts (sign in at /staff; these passwords are not shown again):')
  for (const a of accounts) console.log(`  ${a.roles.join(', ').padEnd(16)} ${a.email.padEnd(30)} ${a.password}`)
  console.log('')
}
