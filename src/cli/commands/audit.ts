import { readFile } from 'node:fs/promises'
import type { Command } from 'commander'
import {
  AuditService,
  parsePublishedHeads,
  PublishedHeadsFileError,
  type PublishedHead,
} from '../../services/audit/audit.ts'
import { UserError } from '../errors.ts'
import { withConfiguredDatabase } from '../open-database.ts'

async function readHeadsFile(file: string): Promise<PublishedHead[]> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UserError(`Cannot read ${file}`)
  })
  try {
    return parsePublishedHeads(text)
  } catch (error) {
    if (error instanceof PublishedHeadsFileError) throw new UserError(`${file}: ${error.message}`)
    throw error
  }
}

export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('the tamper-evident audit log')
  audit
    .command('verify')
    .description(
      'check the hash chain against every published head; exits non-zero at the first entry altered or removed, or a head that no longer matches',
    )
    .option(
      '--heads <file>',
      'compare with heads saved outside the database (the JSON of /audit-heads.json) instead of the heads table',
    )
    .action(async (options: { heads?: string }) => {
      const heads = options.heads ? await readHeadsFile(options.heads) : undefined
      await withConfiguredDatabase(async (database) => {
        const result = await new AuditService(database).verify(heads)
        if (result.ok) {
          console.log(
            `The audit log is intact: ${result.entries} entries checked against ${result.headsChecked} published heads`,
          )
        } else {
          console.error(
            `The audit log has been tampered with: ${result.reason}${result.firstBadId === null ? '' : ` (first bad entry: ${result.firstBadId})`}`,
          )
          process.exitCode = 1
        }
      })
    })
  audit
    .command('publish-head')
    .description("record the log's current head (entry count and hash) as published, for /audit-heads and its feed")
    .action(async () => {
      await withConfiguredDatabase(async (database) => {
        const { head, published } = await new AuditService(database).publishHead()
        console.log(
          `${published ? 'Published' : 'Already published'}: ${head.entries} entries, head ${head.hash} (${head.publishedAt})`,
        )
      })
    })
}
