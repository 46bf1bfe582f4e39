import type { Command } from 'commander'
import type { Database } from '../../db/database.ts'
import type { Actor } from '../../services/audit/audit.ts'
import { AccountError } from '../../services/accounts/accounts.ts'
import { PublicOfficeService } from '../../services/offices/public-offices.ts'
import { OfficeService } from '../../services/offices/offices.ts'
import { FormError } from '../../services/shared/form-error.ts'
import { callerOf, officeOption } from '../caller.ts'
import { UserError } from '../errors.ts'
import { withConfiguredDatabase } from '../open-database.ts'

function plain(error: unknown): never {
  if (error instanceof FormError) throw new UserError(Object.values(error.errors).join('; '))
  if (error instanceof AccountError) throw new UserError(`${error.field ? `${error.field}: ` : ''}${error.message}`)
  throw error
}

export function registerOfficesCommand(program: Command): void {
  const offices = program.command('offices').description('the offices of this deployment')
  offices
    .command('list')
    .description('every office, its address and staff; an office with no staff is an archive')
    .action(listOffices)
  offices
    .command('add')
    .description('add an office (deployment administrators only); it is an archive until someone is appointed')
    .requiredOption('--name <name>', 'the office’s full name')
    .requiredOption('--short-name <name>', 'its short name, such as the place it serves')
    .option('--title <title>', 'the decision maker’s title', 'Police and Crime Commissioner')
    .option('--as <email>', 'run as this member of staff, who must administer the deployment')
    .action(addOffice)
  offices
    .command('appoint')
    .description('appoint an office’s administrator: a new account (password printed once) or an existing one')
    .requiredOption('--office <office>', 'the office: its id, address slug, short name or name')
    .requiredOption('--email <email>', 'the person’s email address')
    .requiredOption('--name <name>', 'the person’s full name (for a new account)')
    .option('--password <password>', 'a password of at least 12 characters (default: generated)')
    .option('--as <email>', 'run as this member of staff, who must administer the deployment')
    .action(appointAdministrator)
  offices
    .command('succession')
    .description(
      'record that an office’s functions passed to a successor body on a date (deployment administrators only)',
    )
    .requiredOption('--office <office>', 'the office whose functions passed: its id, address slug, short name or name')
    .requiredOption('--successor <office>', 'the body they passed to, already an office of the register')
    .requiredOption('--on <date>', 'the date they passed, YYYY-MM-DD')
    .option('--as <email>', 'run as this member of staff, who must administer the deployment')
    .action(recordSuccession)
  offices
    .command('population')
    .description('record the population of an office’s area for a year, with its source (for per-head figures)')
    .requiredOption('--office <office>', 'the office: its id, address slug, short name or name')
    .requiredOption('--year <year>', 'the year of the estimate, such as 2022')
    .requiredOption('--population <count>', 'the number of people')
    .requiredOption('--source <source>', 'where the figure comes from, such as “ONS mid-year estimates, mid-2022”')
    .option('--as <email>', 'run as this member of staff, who must administer the deployment')
    .action(recordPopulation)
}

async function listOffices(): Promise<void> {
  await withConfiguredDatabase(async (database) => {
    for (const o of await new OfficeService(database).list())
      console.log(
        `${String(o.id).padStart(4)}  /offices/${o.slug.padEnd(30)} ${o.archive ? 'archive' : `${o.staff} staff`.padEnd(7)}  ${o.name}`,
      )
  })
}

async function addOffice(options: { name: string; shortName: string; title: string; as?: string }): Promise<void> {
  await withConfiguredDatabase(async (database) => {
    const caller = await callerOf(database, options.as)
    const office = await new OfficeService(database)
      .add({ name: options.name, shortName: options.shortName, decisionMakerTitle: options.title }, caller)
      .catch(plain)
    console.log(`Added ${office.name} at /offices/${office.slug}`)
    if (await new PublicOfficeService(database).loadReferencePopulations())
      console.log('Recorded the population of its police force area from the reference data')
  })
}

type AppointOptions = { office: string; email: string; name: string; password?: string; as?: string }

async function appointAdministrator(options: AppointOptions): Promise<void> {
  await withOffice(options, async (database, caller, officeId) => {
    const { user, password } = await new OfficeService(database)
      .appointAdministrator(officeId, { email: options.email, name: options.name, password: options.password }, caller)
      .catch(plain)
    console.log(`${user.name} <${user.email}> administers office ${options.office}`)
    if (password && !options.password) console.log(`Password (shown once): ${password}`)
  })
}

type SuccessionOptions = { office: string; successor: string; on: string; as?: string }

async function recordSuccession(options: SuccessionOptions): Promise<void> {
  await withOffice(options, async (database, caller, officeId) => {
    const successorId = (await officeOption(database, options.successor, { ...caller, scope: undefined }))!
    await new PublicOfficeService(database)
      .recordSuccession({ officeId, successorId, on: options.on }, caller)
      .catch(plain)
    console.log(`${options.office}’s functions passed to ${options.successor} on ${options.on}`)
  })
}

type PopulationOptions = { office: string; year: string; population: string; source: string; as?: string }

async function recordPopulation(options: PopulationOptions): Promise<void> {
  await withOffice(options, async (database, caller, officeId) => {
    const whole = (text: string) => (/^\d{1,12}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN)
    await new PublicOfficeService(database)
      .recordPopulation(
        {
          officeId,
          year: whole(options.year),
          population: whole(options.population.replace(/,/g, '')),
          source: options.source,
        },
        caller,
      )
      .catch(plain)
    console.log(`Recorded ${options.population} people for ${options.office} in ${options.year}`)
  })
}

/** Opens the database and runs the work as the member of staff --as names, for the office --office names. */
async function withOffice(
  options: { office: string; as?: string },
  work: (database: Database, caller: Actor, officeId: number) => Promise<void>,
): Promise<void> {
  await withConfiguredDatabase(async (database) => {
    const caller = await callerOf(database, options.as)
    const officeId = (await officeOption(database, options.office, { ...caller, scope: undefined }))!
    await work(database, caller, officeId)
  })
}
