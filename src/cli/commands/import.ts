/** `commissioning-register import FILE…|FOLDER…`: stores each document and an unreviewed record made from it. */
import cliProgress from 'cli-progress'
import type { Command } from 'commander'
import { readFile } from 'node:fs/promises'
import { ImportError, documentsIn, type ImportOutcome } from '../../services/imports/index.ts'
import { documentsInArchive, isArchive } from '../../services/imports/archive.ts'
import { services } from '../../services/index.ts'
import type { Actor } from '../../services/audit/audit.ts'
import { UserError } from '../errors.ts'
import { openConfiguredDatabase } from '../open-database.ts'

const ACTOR: Actor = { userId: null, label: 'command line' }

interface Output {
  info(line: string): void
  error(line: string): void
  advance(): void
  stop(): void
}

/** Lines to stdout and errors to stderr; on a terminal, with a batch, a progress bar that the lines print above. */
function output(total: number): Output {
  if (!process.stdout.isTTY || total < 2) {
    return {
      info: (line) => process.stdout.write(`${line}\n`),
      error: (line) => process.stderr.write(`${line}\n`),
      advance: () => {},
      stop: () => {},
    }
  }
  const bars = new cliProgress.MultiBar(
    {
      stream: process.stdout,
      format: 'Importing [{bar}] {value}/{total} documents',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  )
  const bar = bars.create(total, 0)
  return {
    info: (line) => bars.log(`${line}\n`),
    error: (line) => bars.log(`${line}\n`),
    advance: () => bar.increment(),
    stop: () => bars.stop(),
  }
}

function describe(file: string, outcome: ImportOutcome): string {
  if (outcome.status === 'unchanged')
    return `unchanged ${file}: the same document was imported before (record ${outcome.decisionId}); nothing changed`
  return `imported  ${file} → record ${outcome.decisionId}, awaiting review`
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'Import published decision documents (PDF, Word, HTML, text): store each with an unreviewed record for a person to confirm at /staff/imports',
    )
    .argument('<paths...>', 'documents, folders of documents, or ZIP archives of them')
    .action(async (paths: string[]) => {
      const files = await documentsIn(paths)
      if (!files.length)
        throw new UserError(
          `No documents to import in ${paths.join(', ')}: give PDF, Word (.docx), HTML or text files, or folders that hold them`,
        )
      const { database } = await openConfiguredDatabase()
      const counts = { imported: 0, unchanged: 0, failed: 0 }
      const out = output(files.length)
      try {
        const imports = services(database).imports
        const importOne = async (file: string, read: () => Promise<ImportOutcome>) => {
          try {
            const outcome = await read()
            counts[outcome.status]++
            out.info(describe(file, outcome))
            for (const note of outcome.notes) out.info(`  note: ${note}`)
          } catch (error) {
            counts.failed++
            out.error(
              `error: ${error instanceof ImportError ? error.message : `${file}: unexpected error: ${(error as Error).message}`}`,
            )
          }
        }
        for (const file of files) {
          if (isArchive(file)) {
            const documents = await readFile(file)
              .then((bytes) => documentsInArchive(file, bytes, { maxBytes: imports.maxBytes }))
              .catch((error: unknown) => {
                counts.failed++
                out.error(
                  `error: ${error instanceof ImportError ? error.message : `${file}: ${(error as Error).message}`}`,
                )
                return []
              })
            for (const document of documents)
              await importOne(document.name, () => imports.importDocument(document.bytes, document.name, ACTOR))
          } else await importOne(file, () => imports.importFile(file, ACTOR))
          out.advance()
        }
      } finally {
        out.stop()
        await database.close()
      }
      process.stdout.write(
        `Imported ${counts.imported}, unchanged ${counts.unchanged}, failed ${counts.failed}.${counts.imported ? ' Review the new records at /staff/imports.' : ''}\n`,
      )
      if (counts.failed) process.exitCode = 1
    })
}
