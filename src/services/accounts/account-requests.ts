import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Role } from '../../domain/roles.ts'
import { logger } from '../../logger.ts'
import type { Actor } from '../audit/audit.ts'
import { AccountError, AccountService } from './accounts.ts'

/**
 * The embedded engine is held by one process at a time, so while the server runs, `users add` cannot open
 * the database. Instead it leaves a request in the data directory and the server makes the account. The
 * request holds the password's scrypt hash, never the password, and is readable by its owner only; anyone
 * who can write the data directory could change the database itself, so this gives nobody a new power.
 */
export interface AccountRequest {
  email: string
  name: string
  roles: Role[]
  passwordHash: string
}

export interface AccountRequestResult {
  ok: boolean
  message: string
}

const FOLDER = 'account-requests'
const COMMAND_LINE: Actor = { userId: null, label: 'command line (through the running server)' }

export function accountRequestFolder(dataDir: string): string {
  return join(dataDir, FOLDER)
}

/** Leaves a request for the running server; returns its id, to wait for the result with. */
export function submitAccountRequest(dataDir: string, request: AccountRequest): string {
  const folder = accountRequestFolder(dataDir)
  mkdirSync(folder, { recursive: true, mode: 0o700 })
  chmodSync(folder, 0o700)
  const id = randomBytes(12).toString('hex')
  const temporary = join(folder, `${id}.tmp`)
  writeFileSync(temporary, JSON.stringify(request), { mode: 0o600 })
  // Renamed into place whole, so the server never reads half a request.
  renameSync(temporary, join(folder, `${id}.request.json`))
  return id
}

/** Waits for the server's answer to a request; null when none comes in time (the request is then withdrawn). */
export async function awaitAccountRequest(
  dataDir: string,
  id: string,
  timeoutMs = 20_000,
): Promise<AccountRequestResult | null> {
  const folder = accountRequestFolder(dataDir)
  const resultPath = join(folder, `${id}.result.json`)
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (existsSync(resultPath)) {
      const result = JSON.parse(readFileSync(resultPath, 'utf8')) as AccountRequestResult
      rmSync(resultPath, { force: true })
      return result
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  rmSync(join(folder, `${id}.request.json`), { force: true })
  return null
}

/** Makes the account of each waiting request and writes its result beside it; returns how many were handled. */
export async function processAccountRequests(dataDir: string, accounts: AccountService): Promise<number> {
  const folder = accountRequestFolder(dataDir)
  if (!existsSync(folder)) return 0
  const waiting = readdirSync(folder).filter((name) => /^[0-9a-f]{24}\.request\.json$/.test(name))
  for (const name of waiting) {
    const path = join(folder, name)
    const id = name.slice(0, 24)
    let result: AccountRequestResult
    try {
      const request = JSON.parse(readFileSync(path, 'utf8')) as AccountRequest
      if (typeof request.passwordHash !== 'string' || !request.passwordHash.startsWith('scrypt$'))
        throw new AccountError('The request has no password hash', 'password')
      const { user } = await accounts.create(
        { email: request.email, name: request.name, roles: request.roles },
        COMMAND_LINE,
        { passwordHash: request.passwordHash },
      )
      result = { ok: true, message: `Added ${user.name} <${user.email}> as ${user.roles.join(', ')}` }
    } catch (error) {
      if (!(error instanceof AccountError) && !(error instanceof SyntaxError)) throw error
      const field = error instanceof AccountError && error.field ? `${error.field}: ` : ''
      result = { ok: false, message: `${field}${error.message}` }
    }
    rmSync(path, { force: true })
    writeFileSync(join(folder, `${id}.result.json`), JSON.stringify(result), { mode: 0o600 })
    logger.info('account request from the command line', { ok: result.ok })
  }
  return waiting.length
}

/** Looks for requests every `intervalMs` while the server runs; returns a function that stops it. */
export function watchAccountRequests(
  dataDir: string,
  accounts: AccountService,
  options: { intervalMs?: number } = {},
): () => void {
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    processAccountRequests(dataDir, accounts)
      .catch((error: Error) => logger.error('could not handle an account request', { error: error.message }))
      .finally(() => (running = false))
  }, options.intervalMs ?? 1000)
  timer.unref()
  return () => clearInterval(timer)
}
