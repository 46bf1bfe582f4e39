import type { Command } from 'commander'
import { ROLES, isRole, type Role } from '../../domain/roles.ts'
import { AccountError, AccountService, type User } from '../../services/accounts/accounts.ts'
import type { Actor } from '../../services/audit/audit.ts'
import { UserError } from '../errors.ts'
import { openConfiguredDatabase } from '../open-database.ts'
import { loadConfig } from '../../config.ts'
import { dataDirectoryHolder } from '../../db/lock.ts'
import { awaitAccountRequest, submitAccountRequest } from '../../services/accounts/account-requests.ts'
import { generatePassword, hashPassword, passwordProblem } from '../../services/accounts/passwords.ts'

const COMMAND_LINE: Actor = { userId: null, label: 'command line' }

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
  change: (accounts: AccountService, user: User) => Promise<void>,
): Promise<void> {
  const { database } = await openConfiguredDatabase()
  try {
    const accounts = new AccountService(database)
    const user = await accounts.findByEmail(email)
    if (!user) throw new UserError(`No account has the email address ${email}`)
    await change(accounts, user)
  } catch (error) {
    if (error instanceof AccountError) throw new UserError(`${error.field ? `${error.field}: ` : ''}${error.message}`)
    throw error
  } finally {
    await database.close()
  }
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
    .action(async (options: { email: string; name: string; role: string[]; password?: string }) => {
      const roles = parseRoles(options.role)
      const config = loadConfig()
      if (!config.databaseUrl && dataDirectoryHolder(config.dataDir) !== null)
        return addThroughRunningServer(config.dataDir, { ...options, roles })
      const { database } = await openConfiguredDatabase(config)
      try {
        const { user, password } = await new AccountService(database).create(
          { email: options.email, name: options.name, roles, password: options.password },
          COMMAND_LINE,
        )
        console.log(`Added ${user.name} <${user.email}> as ${user.roles.join(', ')}`)
        if (!options.password) console.log(`Password (shown once): ${password}`)
      } catch (error) {
        if (error instanceof AccountError)
          throw new UserError(`${error.field ? `${error.field}: ` : ''}${error.message}`)
        throw error
      } finally {
        await database.close()
      }
    })
  users
    .command('deactivate')
    .description('stop an account signing in: ends its sessions and API tokens at once')
    .requiredOption('--email <email>', 'the account’s email address')
    .action(async (options: { email: string }) => {
      await withAccount(options.email, async (accounts, user) => {
        await accounts.setActive(user.id, false, COMMAND_LINE)
        console.log(`Deactivated ${user.name} <${user.email}>: their sessions and API tokens have ended`)
      })
    })
  users
    .command('activate')
    .description('let a deactivated account sign in again')
    .requiredOption('--email <email>', 'the account’s email address')
    .action(async (options: { email: string }) => {
      await withAccount(options.email, async (accounts, user) => {
        await accounts.setActive(user.id, true, COMMAND_LINE)
        console.log(`Reactivated ${user.name} <${user.email}>`)
      })
    })
  users
    .command('roles')
    .description('replace an account’s roles')
    .requiredOption('--email <email>', 'the account’s email address')
    .requiredOption('--role <role...>', `one or more of: ${ROLES.join(', ')} (repeat, or separate with commas)`)
    .action(async (options: { email: string; role: string[] }) => {
      const roles = parseRoles(options.role)
      await withAccount(options.email, async (accounts, user) => {
        await accounts.setRoles(user.id, roles, COMMAND_LINE)
        console.log(`${user.name} <${user.email}> now has the roles ${roles.join(', ')}`)
      })
    })
  users
    .command('reset-password')
    .description(
      'set a new password (generated and printed once, or --password); ends the account’s sessions and API tokens',
    )
    .requiredOption('--email <email>', 'the account’s email address')
    .option('--password <password>', 'a password of at least 12 characters, not a common one (default: generated)')
    .action(async (options: { email: string; password?: string }) => {
      await withAccount(options.email, async (accounts, user) => {
        const password = await accounts.resetPassword(user.id, options.password, COMMAND_LINE)
        console.log(`Reset the password of ${user.name} <${user.email}>: their sessions and API tokens have ended`)
        if (!options.password) console.log(`Password (shown once): ${password}`)
      })
    })
}
