import type { Command } from 'commander'
import { AuditService } from '../../services/audit.ts'
import { openConfiguredDatabase } from '../open-database.ts'

export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('the tamper-evident audit log')
  audit
    .command('verify')
    .description('check the hash chain; exits non-zero at the first entry altered or removed')
    .action(async () => {
      const { database } = await openConfiguredDatabase()
      try {
        const result = await new AuditService(database).verify()
        if (result.ok) {
          console.log(`The audit log is intact: ${result.entries} entries checked`)
        } else {
          console.error(`The audit log has been tampered with: ${result.reason} (first bad entry: ${result.firstBadId})`)
          process.exitCode = 1
        }
      } finally {
        await database.close()
      }
    })
}
