import type { Command } from 'commander'
import { ROLES, isRole, type Role } from '../../domain/roles.ts'
import { AccountError, AccountService, type User } from '../../services/accounts/accounts.ts'
import type { Actor } from '../../services/audit/audit.ts'
import type { Database } from '../../db/database.ts'
import { callerOf, officeOption } from '../caller.ts'
import { UserError } from '../errors.ts'
import { withConfiguredDatabase } from '../open-database.ts'
import { loadConfig } from '../../config.ts'
import { dataDirectoryHolder } from '../../db/lock.ts'
import { awaitAccountRequest, submitAccountRequest } from '../../services/accounts/account-requests.ts'
import { generatePassword, hashPassword, passwordProblem } from '../../services/accounts/passwords.ts'

interface AddOptions {
  email: string
  name: string
  role: string[]
  password?: string
  office?: string
  deploymentAdmin?: boolean
  as?: string
}

const COMMAND_LINE: Actor = { userId: null, label: 'command line' }

/** The two commands that turn an account off and on again, and what each says it did to the person named. */
const ACTIVE_SWITCHES = [
  {
    command: 'deactivate',
    active: false,
    description: 'stop an account signing in: ends its sessions and API tokens at once',
    done: (person: string) => `Deactivated ${person}: their sessions and API tokens have ended`,
  },
  {
    command: 'activate',
    active: true,
    description: 'let a deactivated account sign in again',
    done: (person: string) => `Reactivated ${person}`,
  },
]

function parseRoles(values: string[]): Role[] {
  const roles = values
    .flatMap((r) => r.split(','))
    .map((r) => r.trim())
    .filter(Boolean)
  const unknown = roles.filter((r) => !isRole(r))
  if (unknown.length) throw new UserError(`Unknown role ${unknown.join(', ')}: choose from ${ROLES.join(', ')}`)
  return roles as Role[]
}

/** Opens the database, finds the account by email and runs the change; account errors become one plain line. */
async function withAccount(
  email: string,
  change: (accounts: AccountService, user: User, database: Database) => Promise<void>,
): Promise<void> {
  await withConfiguredDatabase(async (database) => {
    const accounts = new AccountService(database)
    const user = await accounts.findByEmail(email)
    if (!user) throw new UserError(`No account has the email address ${email}`)
    await change(accounts, user, database)
  }).catch((error: unknown) => {
    if (error instanceof AccountError) throw new UserError(`${error.field ? `${error.field}: ` : ''}${error.message}`)
    throw error
  })
}

/**
 * The server holds the embedded engine's data directory: leave the request (with the password's hash only)
 * for it to make the account, and wait for its answer.
 */
async function addThroughRunningServer(
  dataDir: string,
  options: { email: string; name: string; roles: Role[]; password?: string },
): Promise<void> {
  if (options.password !== undefined) {
    const problem = await passwordProblem(options.password)
    if (problem) throw new UserError(`password: ${problem}`)
  }
  const password = options.password ?? generatePassword()
  const id = submitAccountRequest(dataDir, {
    email: options.email,
    name: options.name,
    roles: options.roles,
    passwordHash: await hashPassword(password),
  })
  const result = await awaitAccountRequest(dataDir, id)
  if (!result)
    throw new UserError(
      `The server holding ${dataDir} did not answer within 20 seconds: the request was withdrawn. Is it still starting?`,
    )
  if (!result.ok) throw new UserError(result.message)
  console.log(`${result.message} (through the running server)`)
  if (!options.password) console.log(`Password (shown once): ${password}`)
}

export function registerUsersCommand(program: Command): void {
  const users = program.command('users').description('staff accounts')
  users
    .command('add')
    .description('add a staff account; prints its password once')
    .requiredOption('--email <email>', 'the person’s email address, used to sign in')
    .requiredOption('--name <name>', 'the person’s full name')
    .requiredOption('--role <role...>', `one or more of: ${ROLES.join(', ')} (repeat, or separate with commas)`)
    .option('--password <password>', 'a password of at least 12 characters, not a common one (default: generated)')
    .option('--office <office>', 'the office the roles are held in (default: the home office, or the only office)')
    .option('--deployment-admin', 'administers every office: adds offices and appoints their administrators')
    .option('--as <email>', 'run as this member of staff: only offices they administer are allowed')
    .action(addUser)
  for (const { command, active, description, done } of ACTIVE_SWITCHES)
    users
      .command(command)
      .description(description)
      .requiredOption('--email <email>', 'the account’s email address')
      .action(switchActive(active, done))
  users
    .command('roles')
    .description('replace an account’s roles')
    .requiredOption('--email <email>', 'the account’s email address')
    .requiredOption('--role <role...>', `one or more of: ${ROLES.join(', ')} (repeat, or separate with commas)`)
    .option(
      '--office <office>',
      'the office the roles are held in (default: the person’s only office, or the home office)',
    )
    .option('--as <email>', 'run as this member of staff: only offices they administer are allowed')
    .action(replaceRoles)
  users
    .command('reset-password')
    .description(
      'set a new password (generated and printed once, or --password); ends the account’s sessions and API tokens',
    )
    .requiredOption('--email <email>', 'the account’s email address')
    .option('--password <password>', 'a password of at least 12 characters, not a common one (default: generated)')
    .action(resetPassword)
}

async function addUser(options: AddOptions): Promise<void> {
  const roles = parseRoles(options.role)
  const config = loadConfig()
  if (!config.databaseUrl && dataDirectoryHolder(config.dataDir) !== null)
    return addThroughRunningServer(config.dataDir, { ...options, roles })
  await withConfiguredDatabase(async (database) => {
    const caller = await callerOf(database, options.as)
    const officeId = await officeOption(database, options.office, caller)
    const { user, password } = await new AccountService(database).create(
      {
        email: options.email,
        name: options.name,
        roles,
        password: options.password,
        officeId,
        deploymentAdmin: options.deploymentAdmin,
      },
      caller,
    )
    console.log(
      `Added ${user.name} <${user.email}> as ${user.roles.join(', ')}${user.deployment_admin ? ' (deployment administrator)' : ''}`,
    )
    if (!options.password) console.log(`Password (shown once): ${password}`)
  }, config).catch((error: unknown) => {
    if (error instanceof AccountError) throw new UserError(`${error.field ? `${error.field}: ` : ''}${error.message}`)
    throw error
  })
}

/** The handler that turns an account off or on, saying what it did to the person. */
function switchActive(active: boolean, done: (person: string) => string) {
  return async function setActive(options: { email: string }): Promise<void> {
    await withAccount(options.email, async (accounts, user) => {
      await accounts.setActive(user.id, active, COMMAND_LINE)
      console.log(done(`${user.name} <${user.email}>`))
    })
  }
}

async function replaceRoles(options: { email: string; role: string[]; office?: string; as?: string }): Promise<void> {
  const roles = parseRoles(options.role)
  await withAccount(options.email, async (accounts, user, database) => {
    const caller = await callerOf(database, options.as)
    const officeId = await officeOption(database, options.office, caller)
    await accounts.setRoles(user.id, roles, caller, officeId)
    console.log(`${user.name} <${user.email}> now has the roles ${roles.join(', ')}`)
  })
}

async function resetPassword(options: { email: string; password?: string }): Promise<void> {
  await withAccount(options.email, async (accounts, user) => {
    const password = await accounts.resetPassword(user.id, options.password, COMMAND_LINE)
    console.log(`Reset the password of ${user.name} <${user.email}>: their sessions and API tokens have ended`)
    if (!options.password) console.log(`Password (shown once): ${password}`)
  })
}
