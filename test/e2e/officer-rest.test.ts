import { describe } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { accessibilityViolations } from '../support/browser.ts'
import { e2eSetUp, type E2eAccount, startDecision } from '../support/e2e.ts'

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'latin1')
/** Set SCREENSHOT_DIR to keep a picture of each page at 390 and 1280 px wide. */
const SCREENSHOTS = process.env.SCREENSHOT_DIR

const ACCOUNT: E2eAccount = { email: 'rest@e2e.example', name: 'Rest Officer', roles: ['officer'] }

describe('areas, contributions, appendices, the FOI list and letter, and the office page in Chromium', () => {
  const e2e = e2eSetUp({ accounts: [ACCOUNT], signIn: { at: '/staff' } })
  const test = e2e.test
  /** axe, and the page no wider than the screen, at 390 px; at 1280 px too when pictures are wanted. */
  async function check(page: Page, name: string): Promise<void> {
    assert.deepEqual(await accessibilityViolations(page), [], name)
    assert.ok(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      `${name} fits 390 px`,
    )
    assert.equal(await page.locator('h1').count(), 1, `${name} has one h1`)
    if (!SCREENSHOTS) return
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-390.png`, fullPage: true })
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-1280.png`, fullPage: true })
    await page.setViewportSize({ width: 390, height: 800 })
  }
  const status = (page: Page, section: string) =>
    page.locator('.govuk-task-list__item', { hasText: section }).locator('.govuk-task-list__status').innerText()

  test('an officer records areas, a partner contribution and an appendix on a draft, at 390 px', async (page) => {
    await page.setViewportSize({ width: 390, height: 800 })
    const url = await startDecision(page, 'Sanctuary scheme')

    await page.getByRole('link', { name: 'Areas served' }).click()
    await page.getByRole('button', { name: 'Save and return to the task list' }).click()
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Choose at least one area, or add one/)
    await check(page, 'areas-error')
    await page.locator('input[name="areas"]').first().check()
    await page.getByRole('button', { name: 'Save and return to the task list' }).click()
    await page.waitForURL(/\?saved=areas/)
    assert.match(await status(page, 'Areas served'), /Completed/)

    await page.getByRole('link', { name: 'Partner contributions' }).click()
    await check(page, 'contributions-empty')
    await page.getByRole('link', { name: 'Add a contribution' }).click()
    await page.getByRole('button', { name: 'Save contribution' }).click()
    assert.ok((await page.locator('.govuk-error-summary a').count()) > 0)
    await check(page, 'contribution-error')
    await page.getByLabel('Partner', { exact: true }).pressSequentially('Juno', { delay: 30 })
    const option = page.getByRole('option', { name: /Juno Women's Aid/ })
    await option.waitFor()
    await option.click()
    await page.getByLabel('Amount in pounds').fill('12,500')
    await page.getByRole('radio', { name: 'A one-off amount' }).check()
    await page.getByRole('button', { name: 'Save contribution' }).click()
    await page.waitForURL(/contributions\?added=1/)
    assert.match(await page.locator('h1').innerText(), /You have added 1 partner contribution/)
    await check(page, 'contributions')
    await page.getByRole('radio', { name: 'Yes, I have completed this section' }).check()
    await page.getByRole('button', { name: 'Save and return to the task list' }).click()
    await page.waitForURL(url)
    assert.match(await status(page, 'Partner contributions'), /Completed/)

    assert.match(await status(page, 'Appendices'), /Not yet started/)
    await page.getByRole('link', { name: 'Appendices' }).click()
    await check(page, 'appendices-empty')
    await page.getByRole('link', { name: 'Add an appendix' }).click()
    await page.getByRole('button', { name: 'Upload appendix' }).click()
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Select a PDF or Word document/)
    await check(page, 'appendix-error')
    await page.getByLabel('File').setInputFiles({ name: 'needs.pdf', mimeType: 'application/pdf', buffer: PDF })
    await page.getByLabel('Title').fill('Appendix A: needs assessment')
    await page.getByRole('radio', { name: 'No, withhold it under an exemption' }).check()
    await page.getByLabel('Exemption it is withheld under').selectOption('s.43')
    await check(page, 'appendix')
    await page.getByRole('button', { name: 'Upload appendix' }).click()
    await page.waitForURL(/appendices\?added=1/)
    assert.match(await page.locator('#appendix-list').innerText(), /Withheld: s\.43 – commercial interests/)
    await check(page, 'appendices')
    await page.getByRole('link', { name: /Remove\s+Appendix A/ }).click()
    await check(page, 'appendix-remove')
    await page.getByRole('button', { name: 'Yes, remove this appendix' }).click()
    await page.waitForURL(/removed=/)
    assert.match(
      await page.locator('.govuk-notification-banner').innerText(),
      /Appendix “Appendix A: needs assessment” removed/,
    )
  })

  test('the FOI list filters at 390 px, and a request’s letter is a page and a PDF', async (page) => {
    await page.goto(`${e2e.baseUrl}/staff/foi`)
    await page.getByRole('link', { name: 'All requests, with filters' }).click()
    await page.waitForURL(/\/staff\/foi\/requests$/)
    await check(page, 'foi-list')
    await page.getByLabel('Received from').fill('not a date')
    await page.getByRole('button', { name: 'Apply filters' }).click()
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Received from must be a real date/)
    await check(page, 'foi-list-error')
    await page.getByLabel('Received from').fill('')
    await page.getByLabel('Reference or words').fill('10653')
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await page.waitForURL(/q=10653/)
    assert.match(await page.locator('#selected-filters').innerText(), /“10653”/)
    await check(page, 'foi-list-filtered')
    await page.locator('#requests').getByRole('link', { name: '10653' }).click()
    await page.getByRole('link', { name: /See the response letter/ }).click()
    await page.waitForURL(/\/letter$/)
    assert.match(await page.locator('#letter').innerText(), /Your right to ask for a review/)
    await check(page, 'foi-letter')
    const pdf = await page.request.get(`${page.url()}.pdf`)
    assert.equal(pdf.headers()['content-type'], 'application/pdf')
    assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-')
  })

  test('the office page', async (page) => {
    await page.goto(`${e2e.baseUrl}/staff/office`)
    await check(page, 'office')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL(/\/staff\?office=changed$/)
    assert.match(
      await page.locator('.govuk-notification-banner').innerText(),
      /You are now working in all your offices/,
    )
  })
})
