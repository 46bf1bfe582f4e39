import { after, before } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import type { Role } from '../../src/domain/roles.ts'
import { AccountService } from '../../src/services/accounts/accounts.ts'
import { SYSTEM_ACTOR } from '../../src/services/audit/audit.ts'
import { launchBrowser } from './browser.ts'
import { openTestDatabase, type TestDatabase } from './database.ts'
import { startApp, type RunningApp } from './server.ts'

export interface E2eAccount {
  email: string
  name: string
  roles: Role[]
  /** A deployment administrator: the administrator of every office. */
  deploymentAdmin?: boolean
}

export interface E2eOptions {
  /** Staff accounts to create, all with `password`. */
  accounts?: E2eAccount[]
  password?: string
  /** Whether the first page's browser context accepts downloads. */
  acceptDownloads?: boolean
}

export interface E2e {
  readonly baseUrl: string
  /** The first page, in its own browser context. */
  readonly page: Page
  /** Another page in a browser context of its own (its own cookies). */
  newPage(): Promise<Page>
}

/**
 * The set-up every end-to-end test file shares, registered as its before and after hooks (call it inside
 * `describe`): the demonstration register in the embedded engine, the staff accounts asked for, the web
 * application on a free port, Chromium and a first page; all closed afterwards.
 */
export function e2eSetUp(options: E2eOptions = {}): E2e {
  let t: TestDatabase | undefined
  let app: RunningApp | undefined
  let browser: Browser | undefined
  let page: Page | undefined

  before(async () => {
    t = await openTestDatabase('pglite', { demo: true })
    const accounts = new AccountService(t.database)
    for (const account of options.accounts ?? []) {
      await accounts.create({ ...account, password: options.password ?? '' }, SYSTEM_ACTOR)
    }
    app = await startApp(t.database)
    browser = await launchBrowser()
    const context = await browser.newContext(options.acceptDownloads ? { acceptDownloads: true } : undefined)
    page = await context.newPage()
  })
  after(async () => {
    await browser?.close()
    await app?.stop()
    await t?.dispose()
  })

  return {
    get baseUrl() {
      return app!.baseUrl
    },
    get page() {
      return page!
    },
    async newPage() {
      return (await browser!.newContext()).newPage()
    },
  }
}

/** Signs in on the sign-in form the page shows, and waits for the page it returns to. */
export async function signIn(page: Page, email: string, password: string, returnsTo: string | RegExp): Promise<void> {
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(returnsTo)
}

/** The password e2eSignedIn gives its account. */
export const E2E_PASSWORD = 'correct horse battery staple'

/**
 * e2eSetUp with one staff account (password E2E_PASSWORD) signed in on the first page: it opens `startAt`,
 * signs in on the form shown there and waits to be returned to `returnsTo` (by default `startAt` itself). Call it inside `describe`; the
 * file's own before hooks run after the sign-in.
 */
export function e2eSignedIn(account: E2eAccount, startAt: string, returnsTo?: string | RegExp): E2e {
  const e2e = e2eSetUp({ accounts: [account], password: E2E_PASSWORD })
  before(async () => {
    await e2e.page.goto(`${e2e.baseUrl}${startAt}`)
    await signIn(e2e.page, account.email, E2E_PASSWORD, returnsTo ?? `${e2e.baseUrl}${startAt}`)
  })
  return e2e
}
