import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { accessibilityViolations } from '../support/browser.ts'
import { e2eSetUp, signIn } from '../support/e2e.ts'

const PASSWORD = 'correct horse battery staple'
const DOCUMENT = 'fixtures/documents/generated/f01-lincolnshire-small-grants.pdf'

describe('importing a document in Chromium', () => {
  const e2e = e2eSetUp({
    accounts: [{ email: 'importer@e2e.example', name: 'E2E Importer', roles: ['officer'] }],
    password: PASSWORD,
  })
  let page: Page
  before(async () => {
    page = e2e.page
    await page.goto(`${e2e.baseUrl}/staff/imports`)
    await signIn(page, 'importer@e2e.example', PASSWORD, `${e2e.baseUrl}/staff/imports`)
  })

  test('the list of records awaiting review passes axe', async () => {
    assert.equal(await page.locator('h1').textContent(), 'Imported documents awaiting review')
    assert.equal(await page.locator('#none-awaiting').count(), 1)
    assert.deepEqual(await accessibilityViolations(page), [])
  })

  test('an officer uploads a PDF and sees the record beside its source, the title’s line highlighted', async () => {
    await page.getByRole('link', { name: 'Upload a document' }).click()
    await page.waitForURL(/\/staff\/imports\/upload$/)
    assert.deepEqual(await accessibilityViolations(page), [])
    await page.getByLabel('Document').setInputFiles(DOCUMENT)
    await page.getByRole('button', { name: 'Upload and read' }).click()
    await page.waitForURL(/\/staff\/imports\/\d+\?uploaded=1$/)
    assert.equal(await page.locator('h1').textContent(), 'Check the imported record')
    assert.equal(await page.getByLabel('Title').inputValue(), 'Community Safety Small Grants Round 2023/24')

    const link = page.locator('#title-hint a')
    const href = (await link.getAttribute('href')) ?? ''
    assert.match(href, /^#line-\d+$/)
    await link.click()
    await page.waitForURL(new RegExp(`${href}$`))
    const line = page.locator(`li${href} mark.app-highlight`)
    assert.equal(await line.count(), 1)
    assert.match((await line.textContent()) ?? '', /Community Safety Small Grants Round 2023\/24/)
    assert.ok(await line.isVisible())
    assert.deepEqual(await accessibilityViolations(page), [])
  })

  test('a mistake is shown in the error summary and the page passes axe', async () => {
    await page.getByLabel('Title').fill('')
    await page.getByRole('button', { name: 'Confirm record' }).click()
    await page.locator('.govuk-error-summary').waitFor()
    assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /Enter the title/)
    assert.deepEqual(await accessibilityViolations(page), [])
  })

  test('correcting a value and confirming puts the record in the public register', async () => {
    await page.getByLabel('Title').fill('Community safety small grants, round 2023/24')
    await page.getByRole('button', { name: 'Confirm record' }).click()
    await page.waitForURL(/\/staff\/imports\?confirmed=/)
    assert.match((await page.locator('.govuk-notification-banner').textContent()) ?? '', /Record confirmed/)
    assert.deepEqual(await accessibilityViolations(page), [])

    await page.getByRole('link', { name: 'See it in the public register' }).click()
    await page.waitForURL(/\/decisions\/lincolnshire-lpcc-dn-2023-031$/)
    assert.equal(await page.locator('h1').textContent(), 'Community safety small grants, round 2023/24')

    await page.goto(`${e2e.baseUrl}/`)
    await page.getByLabel('Search words').fill('small grants')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.waitForURL(/q=small/)
    assert.deepEqual(await page.locator('table.govuk-table tbody tr td:first-child').allTextContents(), [
      'LPCC-DN-2023-031',
    ])
  })
})
