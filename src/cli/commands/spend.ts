import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Command } from 'commander'
import { FormError } from '../../services/shared/form-error.ts'
import { SpendFileError, SpendingService } from '../../services/spending/spending.ts'
import { callerOf, officeOption } from '../caller.ts'
import { UserError } from '../errors.ts'
import { withConfiguredDatabase } from '../open-database.ts'

export function registerSpendCommand(program: Command): void {
  const spend = program.command('spend').description('spending over £500: the office’s published payments')
  spend
    .command('import')
    .description(
      'import a spending file (Date,Supplier,Amount,Expense Type,Transaction Number): refused whole if any line is bad; the same file twice adds nothing',
    )
    .argument('<file>', 'the CSV file')
    .requiredOption('--office <office>', 'the office: its id, address slug, short name or name')
    .option('--as <email>', 'run as this member of staff, who must work for the office')
    .action(async (file: string, options: { office: string; as?: string }) => {
      const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new UserError(`Cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`)
      })
      await withConfiguredDatabase(async (database) => {
        const caller = await callerOf(database, options.as)
        const officeId = (await officeOption(database, options.office, caller))!
        const result = await new SpendingService(database)
          .import({ officeId, fileName: basename(file), text }, caller)
          .catch((error: unknown) => {
            if (error instanceof SpendFileError) throw new UserError(`${file} was not imported. ${error.message}`)
            if (error instanceof FormError) throw new UserError(Object.values(error.errors).join('; '))
            throw error
          })
        if (result.status === 'already imported')
          console.log(`${basename(file)} was already imported (${result.rows} payments): nothing changed`)
        else
          console.log(
            `Imported ${result.rows} payments from ${basename(file)}: ${result.added} new, ${result.repeated} already held; ` +
              `${result.matched} matched to awards, ${result.unmatched} to review`,
          )
      })
    })
}
