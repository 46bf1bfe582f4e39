import { ConfigError } from '../config.ts'
import { DatabaseUnavailableError } from '../db/database.ts'
import { DataDirectoryError } from '../db/lock.ts'
import { MigrationError } from '../db/migrate.ts'
import { RegisterNotEmptyError } from '../services/demo/load.ts'

/** Errors a user can fix: reported as one line, without a stack trace. */
const USER_ERRORS = [ConfigError, DatabaseUnavailableError, DataDirectoryError, MigrationError, RegisterNotEmptyError]

export class UserError extends Error {}

export function reportAndExit(error: unknown): never {
  if (error instanceof UserError || USER_ERRORS.some((type) => error instanceof type)) {
    process.stderr.write(`commissioning-register: ${(error as Error).message}\n`)
  } else {
    process.stderr.write(`commissioning-register: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`)
  }
  process.exit(1)
}
