import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { openTestDatabase, type TestDatabase } from '../support/database.ts'
import { startApp, type RunningApp } from '../support/server.ts'
import { accessibilityViolations, launchBrowser } from '../support/browser.ts'
import { AccountService } from '../../src/services/accounts/accounts.ts'
import { SYSTEM_ACTOR } from '../../src/services/audit/audit.ts'

const PASSWORD = 'a long test password 123'

describe('open data, the API page, tokens and the publication checklist in Chromium', () => {
  let t: TestDatabase
  let app: RunningApp
  let browser: Browser
  let context: BrowserContext
  let page: Page

  before(async () => {
    t = await openTestDatabase('pglite', { demo: true })
    await new AccountService(t.database).create(
      { email: 'officer@open-data.example', name: 'Olu Officer', roles: ['officer'], password: PASSWORD },
      SYSTEM_ACTOR,
    )
    app = await startApp(t.database)
    browser = await launchBrowser()
    context = await browser.newContext({ acceptDownloads: true })
    page = await context.newPage()
  })
  after(async () => {
    await browser?.close()
    await app?.stop()
    await t?.dispose()
  })

  test('the open data page and the API page pass axe, and the CSV link carries the search', async () => {
    await page.goto(`${app.baseUrl}/open-data`)
    assert.equal(await page.locator('h1').textContent(), 'Open data')
    assert.deepEqual(await accessibilityViolations(page), [])
    await page.getByRole('link', { name: 'API documentation' }).click()
    await page.waitForURL(/\/api$/)
    assert.equal(await page.locator('h1').textContent(), 'API')
    assert.deepEqual(await accessibilityViolations(page), [])
    await page.goto(`${app.baseUrl}/?q=partnership+car`)
    assert.match(
      (await page.locator('#download-csv').getAttribute('href')) ?? '',
      /^\/downloads\/decisions\.csv\?q=partnership%20car/,
    )
    assert.deepEqual(await accessibilityViolations(page), [])
  })

  test('an officer makes a token, sees it once, revokes it, and reads the checklist; the pages pass axe', async () => {
    await page.goto(`${app.baseUrl}/staff/sign-in`)
    await page.getByLabel('Email address').fill('officer@open-data.example')
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(/\/staff/)
    await page.goto(`${app.baseUrl}/staff/tokens`)
    assert.deepEqual(await accessibilityViolations(page), [])
    await page.getByRole('button', { name: 'Make token' }).click()
    assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /Enter a name for the token/)
    assert.deepEqual(await accessibilityViolations(page), [])
    await page.getByLabel('Name').fill('nightly import')
    await page.getByLabel('Read and write').check()
    await page.getByRole('button', { name: 'Make token' }).click()
    const token = (await page.locator('#new-token').textContent()) ?? ''
    assert.match(token, /^crpat_/)
    assert.deepEqual(await accessibilityViolations(page), [])
    const response = await fetch(`${app.baseUrl}/api/v1/staff/decisions`, {
      headers: { authorization: `Bearer ${token}` },
    })
    assert.equal(response.status, 200)
    await page.goto(`${app.baseUrl}/staff/tokens`)
    await page.getByRole('button', { name: 'Revoke nightly import' }).click()
    await page.waitForURL(/\/staff\/tokens$/)
    assert.match((await page.locator('table').textContent()) ?? '', /Revoked/)

    await page.getByRole('link', { name: 'Publication checklist' }).click()
    await page.waitForURL(/publication-checklist/)
    assert.equal(await page.locator('h1').textContent(), 'Publication checklist')
    await page.getByLabel('Financial year').selectOption({ label: '2020/21' })
    await page.getByRole('button', { name: 'Show' }).click()
    await page.waitForURL(/year=2020/)
    assert.match((await page.locator('#decisions + p').textContent()) ?? '', /1 published/)
    assert.deepEqual(await accessibilityViolations(page), [])
  })
})
