import type { Command } from 'commander'
import { ROLES, isRole, type Role } from '../../domain/roles.ts'
import { AccountError, AccountService } from '../../services/accounts.ts'
import { UserError } from '../errors.ts'
import { openConfiguredDatabase } from '../open-database.ts'

export function registerUsersCommand(program: Command): void {
  const users = program.command('users').description('staff accounts')
  users
    .command('add')
    .description('add a staff account; prints its password once')
    .requiredOption('--email <email>', 'the person’s email address, used to sign in')
    .requiredOption('--name <name>', 'the person’s full name')
    .requiredOption('--role <role...>', `one or more of: ${ROLES.join(', ')} (repeat, or separate with commas)`)
    .option('--password <password>', 'a password of at least 12 characters (default: generated)')
    .action(async (options: { email: string; name: string; role: string[]; password?: string }) => {
      const roles = options.role.flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean)
      const unknown = roles.filter((r) => !isRole(r))
      if (unknown.length) throw new UserError(`Unknown role ${unknown.join(', ')}: choose from ${ROLES.join(', ')}`)
      const { database } = await openConfiguredDatabase()
      try {
        const { user, password } = await new AccountService(database).create(
          { email: options.email, name: options.name, roles: roles as Role[], password: options.password },
          { userId: null, label: 'command line' },
        )
        console.log(`Added ${user.name} <${user.email}> as ${user.roles.join(', ')}`)
        if (!options.password) console.log(`Password (shown once): ${password}`)
      } catch (error) {
        if (error instanceof AccountError) throw new UserError(`${error.field ? `${error.field}: ` : ''}${error.message}`)
        throw error
      } finally {
        await database.close()
      }
    })
}
