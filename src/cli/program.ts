import { Command } from 'commander'
import { registerAuditCommand } from './commands/audit.ts'
import { registerDemoCommand } from './commands/demo.ts'
import { registerExtractCommand } from './commands/extract.ts'
import { registerBackupCommand } from './commands/backup.ts'
import { registerExportCommand } from './commands/export.ts'
import { registerRestoreCommand } from './commands/restore.ts'
import { registerImportCommand } from './commands/import.ts'
import { registerOfficesCommand } from './commands/offices.ts'
import { registerMigrateCommand } from './commands/migrate.ts'
import { registerServeCommand } from './commands/serve.ts'
import { registerUsersCommand } from './commands/users.ts'
import { registerFoiCommand } from './commands/foi.ts'
import { registerNotificationsCommand } from './commands/notifications.ts'
import { registerSpendCommand } from './commands/spend.ts'

/** The command-line interface: one module per command, over the same services as the web application. */
export function buildProgram(): Command {
  const program = new Command('commissioning-register')
    .description(
      'Commissioning Register: decisions, awards, contracts and FOI responses of an Office of a Police and Crime Commissioner',
    )
    .showHelpAfterError()
  registerServeCommand(program)
  registerMigrateCommand(program)
  registerDemoCommand(program)
  registerUsersCommand(program)
  registerOfficesCommand(program)
  registerExtractCommand(program)
  registerImportCommand(program)
  registerAuditCommand(program)
  registerFoiCommand(program)
  registerNotificationsCommand(program)
  registerSpendCommand(program)
  registerExportCommand(program)
  registerBackupCommand(program)
  registerRestoreCommand(program)
  return program
}
