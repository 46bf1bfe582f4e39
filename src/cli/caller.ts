import type { Database } from '../db/database.ts'
import { AccountService } from '../services/accounts/accounts.ts'
import { scopeOf } from '../services/accounts/memberships.ts'
import { OfficeService } from '../services/offices/offices.ts'
import type { Actor } from '../services/audit/audit.ts'
import { UserError } from './errors.ts'

const COMMAND_LINE: Actor = { userId: null, label: 'command line' }

/**
 * Who runs a command: with `--as EMAIL`, that member of staff, limited to the offices they belong to (the
 * services refuse any other office); without it, the command line itself, which may act for every office.
 */
export async function callerOf(database: Database, email: string | undefined): Promise<Actor> {
  if (email === undefined) return COMMAND_LINE
  const user = await new AccountService(database).findByEmail(email)
  if (!user || !user.active) throw new UserError(`No active account has the email address ${email}`)
  return { userId: user.id, label: `${user.name} <${user.email}> (command line)`, scope: scopeOf(user) }
}

/** An office named by --office (id, slug, short name or name); refused when the caller's scope does not reach it. */
export async function officeOption(
  database: Database,
  reference: string | undefined,
  caller: Actor,
): Promise<number | undefined> {
  if (reference === undefined) return undefined
  const office = await new OfficeService(database).find(reference)
  if (!office) throw new UserError(`No office is known as "${reference}"`)
  if (caller.scope && !caller.scope.includes(office.id))
    throw new UserError(`${caller.label} does not work for ${office.name}`)
  return office.id
}
