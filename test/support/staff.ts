import { after, before } from 'node:test'
import type { Role } from '../../src/domain/roles.ts'
import type { Database } from '../../src/db/database.ts'
import { AccountService, type User } from '../../src/services/accounts/accounts.ts'
import { SYSTEM_ACTOR } from '../../src/services/audit/audit.ts'
import { openTestDatabase, type TestDatabase, type TestEngine } from './database.ts'
import { officeIdOf } from './records.ts'
import { startApp, type RunningApp } from './server.ts'
import { StaffClient } from './staff-client.ts'

/** The password the tests give the staff accounts they make, unless they say otherwise. */
export const STAFF_PASSWORD = 'correct horse battery staple'

export interface StaffAccount {
  email: string
  name: string
  roles: Role[]
  /** STAFF_PASSWORD unless given. */
  password?: string
  officeId?: number
  deploymentAdmin?: boolean
}

/** Makes a staff account as the system would (audited), with STAFF_PASSWORD unless the account names one. */
export async function addStaff(database: Database, account: StaffAccount): Promise<User> {
  const created = await new AccountService(database).create(
    { ...account, password: account.password ?? STAFF_PASSWORD },
    SYSTEM_ACTOR,
  )
  return created.user
}

/** A StaffClient of the application at `baseUrl`, signed in as `email`. */
export async function signedIn(baseUrl: string, email: string, password = STAFF_PASSWORD): Promise<StaffClient> {
  const client = new StaffClient(baseUrl)
  await client.signIn(email, password)
  return client
}

export interface WebApp {
  /** The test database (open from the first test to the last). */
  readonly t: TestDatabase
  readonly database: Database
  readonly baseUrl: string
  readonly app: RunningApp
}

/**
 * The set-up the web integration tests share, registered as their before and after hooks (call it inside
 * `describe`): a test database on `engine` (with the demonstration register unless `demo` is false) and
 * the web application on a free port; both close after the last test. The file's own before hooks run after these.
 */
export function webAppSetUp(
  engine: TestEngine,
  options: {
    demo?: boolean
  } = {},
): WebApp {
  let t: TestDatabase | undefined
  let app: RunningApp | undefined
  before(async () => {
    t = await openTestDatabase(engine, { demo: options.demo ?? true })
    app = await startApp(t.database)
  })
  after(async () => {
    await app?.stop()
    await t?.dispose()
  })
  return {
    get t() {
      return t!
    },
    get database() {
      return t!.database
    },
    get baseUrl() {
      return app!.baseUrl
    },
    get app() {
      return app!
    },
  }
}

/** The administrator of Essex's office that essexAdminSetUp makes. */
export const ESSEX_ADMIN = 'essex-admin@test.example'

/**
 * The set-up of the office administration tests (call it inside `describe`): webAppSetUp, then the organisation ids
 * of the Essex and Hampshire offices and an administrator of Essex (ESSEX_ADMIN), read and made in a before hook.
 */
export function essexAdminSetUp(engine: TestEngine): { web: WebApp; offices: { essex: number; hampshire: number } } {
  const web = webAppSetUp(engine)
  const offices = { essex: 0, hampshire: 0 }
  before(async () => {
    offices.essex = await officeIdOf(web.database, 'Essex')
    offices.hampshire = await officeIdOf(web.database, 'Hampshire')
    await addStaff(web.database, {
      email: ESSEX_ADMIN,
      name: 'Essex Admin',
      roles: ['administrator'],
      officeId: offices.essex,
    })
  })
  return { web, offices }
}
