import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import type { Role } from '../../src/domain/roles.ts'
import { AccountService } from '../../src/services/accounts/accounts.ts'
import { SYSTEM_ACTOR } from '../../src/services/audit/audit.ts'
import { launchBrowser } from './browser.ts'
import { openTestDatabase, type TestDatabase } from './database.ts'
import { startApp, type RunningApp } from './server.ts'

/** The password every account e2eSetUp creates is given. */
export const E2E_PASSWORD = 'correct horse battery staple'

export interface E2eAccount {
  email: string
  name: string
  roles: Role[]
  /** A deployment administrator: the administrator of every office. */
  deploymentAdmin?: boolean
}

export interface E2eOptions {
  /** Staff accounts to create, all with E2E_PASSWORD. */
  accounts?: E2eAccount[]
  /** Sign the first page in as the first account: open `at`, sign in there and wait to be returned to it. */
  signIn?: { at: string }
  /** Whether the first page's browser context accepts downloads. */
  acceptDownloads?: boolean
  /** How long the first page waits for anything, in milliseconds, instead of Playwright's default. */
  timeout?: number
}

export interface E2e {
  readonly baseUrl: string
  /** The first page, in its own browser context. */
  readonly page: Page
  /** Another page in a browser context of its own (its own cookies). */
  newPage(): Promise<Page>
  /**
   * Opens `at` on the page and signs in there with E2E_PASSWORD, waiting to be returned to `returnsTo`
   * (by default `at` itself).
   */
  signIn(page: Page, email: string, at: string, returnsTo?: string | RegExp): Promise<void>
  /** A new page (a browser context of its own) signed in as `email`, as `signIn` does. */
  signedInPage(email: string, at: string, returnsTo?: string | RegExp): Promise<Page>
  /** A node:test test given this set-up's first page (`const test = e2e.test`, as Playwright's test has fixtures). */
  test(name: string, body: (page: Page) => Promise<void>): void
}

/**
 * The set-up every end-to-end test file shares, registered as its before and after hooks (call it inside
 * `describe`): the demonstration register in the embedded engine, the staff accounts asked for, the web
 * application on a free port, Chromium and a first page, signed in when asked; all closed afterwards.
 * The file's own before hooks run after it.
 */
export function e2eSetUp(options: E2eOptions = {}): E2e {
  let t: TestDatabase | undefined
  let app: RunningApp | undefined
  let browser: Browser | undefined
  let page: Page | undefined

  const e2e: E2e = {
    get baseUrl() {
      return app!.baseUrl
    },
    get page() {
      return page!
    },
    async newPage() {
      return (await browser!.newContext()).newPage()
    },
    async signIn(page, email, at, returnsTo) {
      await page.goto(`${app!.baseUrl}${at}`)
      await signIn(page, email, E2E_PASSWORD, returnsTo ?? `${app!.baseUrl}${at}`)
    },
    async signedInPage(email, at, returnsTo) {
      const page = await e2e.newPage()
      await e2e.signIn(page, email, at, returnsTo)
      return page
    },
    test(name, body) {
      test(name, () => body(page!))
    },
  }

  before(async () => {
    t = await openTestDatabase('pglite', { demo: true })
    const accounts = new AccountService(t.database)
    for (const account of options.accounts ?? []) {
      await accounts.create({ ...account, password: E2E_PASSWORD }, SYSTEM_ACTOR)
    }
    app = await startApp(t.database)
    browser = await launchBrowser()
    const context = await browser.newContext(options.acceptDownloads ? { acceptDownloads: true } : undefined)
    page = await context.newPage()
    if (options.timeout) page.setDefaultTimeout(options.timeout)
    if (options.signIn) {
      await e2e.signIn(page, options.accounts![0]!.email, options.signIn.at)
    }
  })
  after(async () => {
    await browser?.close()
    await app?.stop()
    await t?.dispose()
  })

  return e2e
}

/** Signs in on the sign-in form the page shows, and waits for the page it returns to. */
export async function signIn(page: Page, email: string, password: string, returnsTo: string | RegExp): Promise<void> {
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(returnsTo)
}

/**
 * Starts a new decision with only its title, from a page with the "Start a new decision" link, and returns the
 * address of its task list.
 */
export async function startDecision(page: Page, title: string): Promise<string> {
  await page.getByRole('link', { name: 'Start a new decision' }).click()
  await page.getByLabel('Title').fill(title)
  await page.getByRole('button', { name: 'Create draft' }).click()
  await page.waitForURL(/\/staff\/decisions\/\d+$/)
  return page.url()
}

/** The cells of each row of the upload results table, with their white space collapsed. */
export function uploadResultRows(page: Page): Promise<string[][]> {
  return page
    .locator('#upload-results tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim())),
    )
}

/** Fills in the page's form fields, each found by its label (`fields` in the form's order), then presses `button`. */
export async function submitForm(page: Page, fields: Record<string, string>, button: string): Promise<void> {
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label).fill(value)
  await page.getByRole('button', { name: button }).click()
}
