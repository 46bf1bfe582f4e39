import type { Command } from 'commander'
import { z } from 'zod'
import { isIsoDate } from '../../domain/uk-date.ts'
import { InvalidExportError, OpenDataService } from '../../services/open-data/index.ts'
import { UserError } from '../errors.ts'
import { withConfiguredDatabase } from '../open-database.ts'

const isoDate = (label: string) =>
  z
    .string()
    .refine(isIsoDate, { message: `${label} must be a date written YYYY-MM-DD` })
    .optional()

const exportOptions = z
  .object({
    from: isoDate('--from'),
    to: isoDate('--to'),
    format: z.enum(['json', 'csv'], { message: '--format must be json or csv' }).default('json'),
    output: z.string().min(1).optional(),
    office: z.string().min(1).optional(),
  })
  .refine((o) => !o.from || !o.to || o.from <= o.to, { message: '--from must not be after --to' })

export function registerExportCommand(program: Command): void {
  const exporter = program.command('export').description('export open data')
  exporter
    .command('360giving')
    .description(
      'the published awards as a 360Giving data package, validated against the 360Giving schema before it is written',
    )
    .option('--from <date>', 'only awards decided on or after this date (YYYY-MM-DD)')
    .option('--to <date>', 'only awards decided on or before this date (YYYY-MM-DD)')
    .option('--format <format>', 'json (a data package) or csv (the 360Giving spreadsheet layout)', 'json')
    .option('--office <office>', 'only this office: its 360Giving prefix, short name or id')
    .option('--output <file>', 'write to this file (default: standard output)')
    .action(async (raw: Record<string, string | undefined>) => {
      const parsed = exportOptions.safeParse(raw)
      if (!parsed.success) throw new UserError(parsed.error.issues.map((i) => i.message).join('; '))
      const options = parsed.data
      await withConfiguredDatabase(async (database) => {
        const openData = new OpenDataService(database)
        let officeId: number | undefined
        if (options.office) {
          const office = await openData.findOffice(options.office)
          if (!office) throw new UserError(`No office is known as "${options.office}"`)
          officeId = office.id
        }
        const request = { format: options.format, from: options.from, to: options.to, officeId }
        const summary = options.output
          ? await openData.export360ToFile(options.output, request)
          : await openData.export360ToStream(process.stdout, request)
        if (options.output)
          console.error(`Wrote ${summary.grants} ${summary.grants === 1 ? 'grant' : 'grants'} to ${options.output}`)
      }).catch((error: unknown) => {
        if (error instanceof InvalidExportError) throw new UserError(error.message)
        throw error
      })
    })
}
