import type { Command } from 'commander'
import { loadConfig } from '../../config.ts'
import { STATUTORY_WORKING_DAYS } from '../../domain/foi-clock.ts'
import { parseUkDate } from '../../domain/uk-date.ts'
import { addWorkingDays } from '../../domain/working-days.ts'
import { purgeFoiPersonalData } from '../../services/foi/retention.ts'
import { UserError } from '../errors.ts'
import { withConfiguredDatabase } from '../open-database.ts'

interface DeadlineOptions {
  received?: string
  clarificationSought?: string
  clarificationReceived?: string
  review?: string
  workingDays: string
}

export function registerFoiCommand(program: Command): void {
  const foi = program.command('foi').description('Freedom of Information requests')

  foi
    .command('deadline')
    .description(
      'the date a response (or an internal review) is due: the 20th UK working day after receipt, which is day zero',
    )
    .option('--received <date>', 'the date the request was received (YYYY-MM-DD or 17 October 2013)')
    .option('--clarification-sought <date>', 'the date clarification was asked for: the clock stops')
    .option('--clarification-received <date>', 'the date the requester replied: a new 20 working days start')
    .option('--review <date>', 'instead of --received: the date an internal review was asked for')
    .option(
      '--working-days <n>',
      'count this many working days instead (40: very late, or the longest internal review)',
      String(STATUTORY_WORKING_DAYS),
    )
    .action((options: DeadlineOptions) => {
      console.log(deadlineFor(options))
    })

  foi
    .command('purge-personal-data')
    .description(
      'delete requesters’ names and contact details from finished requests older than the retention period; responses are kept',
    )
    .option(
      '--retention-days <n>',
      'days to keep them after a request’s last activity (default: FOI_PERSONAL_DATA_RETENTION_DAYS or 730)',
    )
    .action(async (options: { retentionDays?: string }) => {
      const config = loadConfig()
      const retentionDays =
        options.retentionDays === undefined
          ? config.foiPersonalDataRetentionDays
          : wholeNumber(options.retentionDays, '--retention-days', 0)
      await withConfiguredDatabase(async (database) => {
        const { purged, cutoff } = await purgeFoiPersonalData(database, {
          retentionDays,
          actor: { userId: null, label: 'command line' },
        })
        const which = purged.length ? `: ${purged.map((p) => p.reference).join(', ')}` : ''
        console.log(
          `Deleted the requester’s name and contact from ${purged.length} ${purged.length === 1 ? 'request' : 'requests'} last active before ${cutoff}${which}`,
        )
      }, config)
    })
}

/** The due date the options ask for, or a UserError saying which option is wrong. */
export function deadlineFor(options: DeadlineOptions): string {
  const days = wholeNumber(options.workingDays, '--working-days', 1)
  if (options.review) {
    if (options.received || options.clarificationSought || options.clarificationReceived)
      throw new UserError('Give either --review or --received (with any clarification dates), not both')
    return addWorkingDays(date(options.review, '--review'), days)
  }
  if (!options.received) throw new UserError('Give the date the request was received: --received YYYY-MM-DD')
  const received = date(options.received, '--received')
  if (options.clarificationReceived && !options.clarificationSought)
    throw new UserError('Give --clarification-sought as well as --clarification-received')
  if (!options.clarificationSought) return addWorkingDays(received, days)
  const sought = date(options.clarificationSought, '--clarification-sought')
  if (sought < received) throw new UserError('--clarification-sought cannot be before --received')
  if (!options.clarificationReceived)
    throw new UserError(
      `The clock stopped on ${sought} until the requester replies: give --clarification-received to start it again`,
    )
  const reply = date(options.clarificationReceived, '--clarification-received')
  if (reply < sought) throw new UserError('--clarification-received cannot be before --clarification-sought')
  return addWorkingDays(reply, days)
}

function date(text: string, option: string): string {
  const iso = parseUkDate(text)
  if (!iso)
    throw new UserError(`${option} must be a real date, written YYYY-MM-DD (for example 2013-10-17), not "${text}"`)
  return iso
}

function wholeNumber(text: string, option: string, min: number): number {
  const value = Number(text)
  if (!/^\d+$/.test(text.trim()) || value < min || value > 1000)
    throw new UserError(`${option} must be a whole number from ${min} to 1000, not "${text}"`)
  return value
}
