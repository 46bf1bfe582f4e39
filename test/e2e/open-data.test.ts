import { describe } from 'node:test'
import assert from 'node:assert/strict'
import { accessibilityViolations } from '../support/browser.ts'
import { e2eSetUp, type E2eAccount } from '../support/e2e.ts'

const ACCOUNT: E2eAccount = { email: 'officer@open-data.example', name: 'Olu Officer', roles: ['officer'] }

describe('open data, the API page, tokens and the publication checklist in Chromium', () => {
  const e2e = e2eSetUp({ accounts: [ACCOUNT], acceptDownloads: true })
  const test = e2e.test

  test('the open data page and the API page pass axe, and the CSV link carries the search', async (page) => {
    await page.goto(`${e2e.baseUrl}/open-data`)
    assert.equal(await page.locator('h1').textContent(), 'Open data')
    assert.deepEqual(await accessibilityViolations(page), [])
    await page.getByRole('link', { name: 'API documentation' }).click()
    await page.waitForURL(/\/api$/)
    assert.equal(await page.locator('h1').textContent(), 'API')
    assert.deepEqual(await accessibilityViolations(page), [])
    await page.goto(`${e2e.baseUrl}/?q=partnership+car`)
    assert.match(
      (await page.locator('#download-csv').getAttribute('href')) ?? '',
      /^\/downloads\/decisions\.csv\?q=partnership%20car/,
    )
    assert.deepEqual(await accessibilityViolations(page), [])
  })

  test('an officer makes a token, sees it once, revokes it, and reads the checklist; the pages pass axe', async (page) => {
    await e2e.signIn(page, 'officer@open-data.example', '/staff/sign-in', /\/staff/)
    await page.goto(`${e2e.baseUrl}/staff/tokens`)
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
    const response = await fetch(`${e2e.baseUrl}/api/v1/staff/decisions`, {
      headers: { authorization: `Bearer ${token}` },
    })
    assert.equal(response.status, 200)
    await page.goto(`${e2e.baseUrl}/staff/tokens`)
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
