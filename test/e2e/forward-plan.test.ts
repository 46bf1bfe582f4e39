import { describe } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { accessibilityViolations } from '../support/browser.ts'
import { e2eSetUp, type E2eAccount } from '../support/e2e.ts'

const TITLE = 'Outreach workers for rural Bassetlaw'

async function noViolations(page: Page): Promise<void> {
  assert.deepEqual(await accessibilityViolations(page), [], page.url())
  assert.equal(await page.locator('h1').count(), 1, page.url())
}

/** The page fits a phone's 390 pixels without scrolling sideways. */
async function fitsNarrowScreen(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 })
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 390, `${page.url()} is ${width}px wide at 390px`)
  await page.setViewportSize({ width: 1280, height: 900 })
}

const ACCOUNT: E2eAccount = { email: 'officer@test.example', name: 'Olu Officer', roles: ['officer'] }

describe('the forward plan and its panel report, in Chromium', () => {
  const e2e = e2eSetUp({ accounts: [ACCOUNT], signIn: { at: '/staff/forward-plan' } })
  const test = e2e.test

  test('an officer adds a planned decision, corrects an error, changes an answer and links the decision taken', async (page) => {
    await noViolations(page)
    await fitsNarrowScreen(page)
    await page.getByRole('button', { name: 'Add a planned decision' }).click()
    await page.waitForURL(/\/staff\/forward-plan\/new$/)
    await page.getByLabel('Title').fill(TITLE)
    await page.getByLabel('Month', { exact: true }).fill('14')
    await page.getByLabel('Year').fill('2024')
    await page.getByRole('button', { name: 'Continue' }).click()
    const summary = page.locator('.govuk-error-summary')
    assert.match((await summary.textContent()) ?? '', /The expected month must be a real month/)
    assert.match((await summary.textContent()) ?? '', /Select yes if this is a key decision/)
    await noViolations(page)
    await summary.getByRole('link', { name: /expected month/ }).click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'expectedMonth-month')
    assert.equal(await page.getByLabel('Title').inputValue(), TITLE)
    await page.getByLabel('Month', { exact: true }).fill('1')
    await page.getByLabel('Estimated value (optional)').fill('60,000')
    await page.getByLabel('Yes').check()
    await page.getByRole('button', { name: 'Continue' }).click()

    await page.waitForURL(/\/new\/check$/)
    await noViolations(page)
    await fitsNarrowScreen(page)
    const answers = page.locator('#plan-answers')
    assert.match((await answers.textContent()) ?? '', /January 2024/)
    assert.match((await answers.textContent()) ?? '', /£60,000/)
    await answers.getByRole('link', { name: 'Change expected month' }).click()
    await page.waitForURL(/\/new#expectedMonth-month$/)
    assert.equal(await page.getByLabel('Month', { exact: true }).inputValue(), '1')
    await page.getByLabel('Month', { exact: true }).fill('2')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL(/\/new\/check$/)
    assert.match((await answers.textContent()) ?? '', /February 2024/)
    await page.getByRole('button', { name: 'Add to the forward plan' }).click()

    await page.waitForURL(/\/staff\/forward-plan\/\d+\/added$/)
    assert.match((await page.locator('.govuk-panel').textContent()) ?? '', /Planned decision added/)
    await noViolations(page)
    await page.getByRole('link', { name: 'link it to the decision that took it' }).click()
    await page.waitForURL(/\/link$/)
    await page.getByRole('button', { name: 'Link the decision' }).click()
    assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /Choose the decision that took it/)
    await noViolations(page)
    const value = await page.locator('#decisionId option', { hasText: '2024.006:' }).getAttribute('value')
    await page.getByLabel('Decision', { exact: true }).selectOption(value!)
    await page.getByRole('button', { name: 'Link the decision' }).click()
    await page.waitForURL(/\/staff\/forward-plan\/\d+\?done=linked$/)
    assert.match((await page.locator('.govuk-notification-banner').textContent()) ?? '', /linked/)
    assert.match((await page.locator('#plan-entry').textContent()) ?? '', /2024\.006/)
    await noViolations(page)
    await fitsNarrowScreen(page)
  })

  test('the panel report counts it as taken late, for staff and in public, with the demonstration plan', async (page) => {
    await page.goto(`${e2e.baseUrl}/staff/forward-plan/panel-report`)
    await page.locator('#quarter').selectOption('2023-q4')
    await page.getByRole('button', { name: 'Show the report' }).click()
    await page.waitForURL(/quarter=2023-q4/)
    assert.equal(await page.locator('#count-late').textContent(), '2')
    assert.match((await page.locator('#table-late').textContent()) ?? '', new RegExp(TITLE))
    assert.match((await page.locator('#table-outstanding').textContent()) ?? '', /independent sexual violence advisers/)
    await noViolations(page)
    await fitsNarrowScreen(page)

    await page.goto(`${e2e.baseUrl}/`)
    await page.locator('footer').getByRole('link', { name: 'Forward plan' }).click()
    await page.waitForURL(/\/forward-plan$/)
    const february = page.locator('#month-2024-02-01 + .app-table-scroll')
    assert.match((await february.textContent()) ?? '', new RegExp(TITLE))
    assert.match((await february.textContent()) ?? '', /2024\.006/)
    await noViolations(page)
    await fitsNarrowScreen(page)
    await page.getByRole('link', { name: 'panel report' }).click()
    await page.locator('#quarter').selectOption('2023-q4')
    await page.getByRole('button', { name: 'Show the report' }).click()
    await page.waitForURL(/\/forward-plan\/panel-report\?quarter=2023-q4/)
    assert.equal(await page.locator('#count-late').textContent(), '2')
    assert.equal(await page.locator('#count-dropped').textContent(), '1')
    await noViolations(page)
    await fitsNarrowScreen(page)
    await page.locator('#quarter').selectOption('2020-q4')
    await page.getByRole('button', { name: 'Show the report' }).click()
    await page.waitForURL(/quarter=2020-q4/)
    assert.match((await page.locator('#table-never-planned').textContent()) ?? '', /2021\.021/)
  })
})
