import { describe } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { addMonths } from '../../src/domain/pipeline.ts'
import { todayInLondon } from '../../src/domain/uk-date.ts'
import { accessibilityViolations } from '../support/browser.ts'
import { e2eSetUp, type E2eAccount } from '../support/e2e.ts'

async function noViolations(page: Page): Promise<void> {
  assert.deepEqual(await accessibilityViolations(page), [], page.url())
  assert.equal(await page.locator('h1').count(), 1, page.url())
}

/** The confirmation panel's title, without the white space around it. */
async function panelTitle(page: Page): Promise<string | undefined> {
  return (await page.locator('.govuk-panel__title').textContent())?.trim()
}

async function fillDate(page: Page, prefix: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-')
  await page.locator(`#${prefix}-day`).fill(String(Number(day)))
  await page.locator(`#${prefix}-month`).fill(String(Number(month)))
  await page.locator(`#${prefix}-year`).fill(year!)
}

const ACCOUNT: E2eAccount = { email: 'officer@test.example', name: 'Olu Officer', roles: ['officer'] }

describe('services and contracts kept by an officer, in Chromium', () => {
  const e2e = e2eSetUp({ accounts: [ACCOUNT], signIn: { at: '/staff/ledger/services' } })
  const test = e2e.test
  // With its 12 months of extension, the contract ends within the pipeline’s 18 months whatever day the test runs.
  const end = addMonths(todayInLondon(), 3)

  test('an officer adds a service through its question pages, checks the answers, changes one and saves', async (page) => {
    await noViolations(page)
    await page.getByRole('button', { name: 'Add a service' }).click()
    await page.waitForURL(/\/services\/new\/details$/)
    await page.getByRole('button', { name: 'Continue' }).click()
    assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /Enter the service’s name/)
    await noViolations(page)
    await page.getByLabel('Name').fill('Mansfield outreach servce')
    await page.getByLabel('Outreach').check()
    await page.getByRole('button', { name: 'Continue' }).click()

    await page.waitForURL(/\/areas$/)
    assert.match((await page.locator('.govuk-back-link').getAttribute('href')) ?? '', /\/details$/)
    await page.getByRole('button', { name: 'Continue' }).click()
    assert.match((await page.locator('#areaIds-error').textContent()) ?? '', /Choose at least one area/)
    await noViolations(page)
    await page.getByLabel('Mansfield').check()
    await page.getByLabel('Ashfield').check()
    await page.getByRole('button', { name: 'Continue' }).click()

    await page.waitForURL(/\/providers$/)
    await page.getByLabel("Nottinghamshire Women's Aid").check()
    await page.getByLabel('Lead commissioner').selectOption({ label: 'Nottinghamshire County Council' })
    await noViolations(page)
    await page.getByRole('button', { name: 'Continue' }).click()

    await page.waitForURL(/\/partners$/)
    await page.getByLabel('Partner', { exact: true }).selectOption({ label: 'Nottinghamshire County Council' })
    await page.getByLabel('Amount a year').fill('twelve')
    await page.getByRole('button', { name: 'Add partner' }).click()
    assert.match((await page.locator('#amount-error').textContent()) ?? '', /Amount a year/)
    assert.equal(await page.getByLabel('Amount a year').inputValue(), 'twelve')
    await noViolations(page)
    await page.getByLabel('Amount a year').fill('40,000')
    await page.getByRole('button', { name: 'Add partner' }).click()
    await page.waitForURL(/\/partners$/)
    assert.match((await page.locator('#partner-list').textContent()) ?? '', /up to £40,000\.00 a year/)
    await noViolations(page)
    await page.getByRole('button', { name: 'Continue' }).click()

    await page.waitForURL(/\/dates$/)
    await fillDate(page, 'startDate', '2025-04-01')
    await fillDate(page, 'endDate', '2025-03-01')
    await page.getByRole('button', { name: 'Continue' }).click()
    assert.match((await page.locator('#endDate-error').textContent()) ?? '', /end date must be the same as or after/)
    await noViolations(page)
    await fillDate(page, 'endDate', end)
    await page.getByLabel('Extension options (optional)').fill('12')
    await page.getByLabel('Break clause notice (optional)').fill('6')
    await page.getByRole('button', { name: 'Continue' }).click()

    await page.waitForURL(/\/predecessor$/)
    await page.getByLabel('The contract it replaces').selectOption({ label: 'Perpetrator programme survivor support' })
    await page.getByRole('button', { name: 'Continue' }).click()

    await page.waitForURL(/\/check$/)
    await noViolations(page)
    const answers = page.locator('#service-answers')
    assert.match((await answers.textContent()) ?? '', /Ashfield, Mansfield|Mansfield, Ashfield/)
    assert.equal(await answers.getByRole('link', { name: /Change/ }).count(), 12)
    await answers.getByRole('link', { name: 'Change name' }).click()
    await page.waitForURL(/\/details$/)
    assert.match((await page.locator('.govuk-back-link').getAttribute('href')) ?? '', /\/check$/)
    await page.getByLabel('Name').fill('Mansfield outreach service')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL(/\/check$/)
    assert.match((await answers.textContent()) ?? '', /Mansfield outreach service/)
    await page.getByRole('button', { name: 'Save service' }).click()
    await page.waitForURL(/\/staff\/ledger\/services\/mansfield-outreach-service\/saved\?created=1$/)
    assert.equal(await panelTitle(page), 'Service added')
    await noViolations(page)

    await page.goto(`${e2e.baseUrl}/services/mansfield-outreach-service`)
    const facts = (await page.locator('.govuk-summary-list').first().textContent()) ?? ''
    assert.match(facts, /Nottinghamshire Women's Aid/)
    assert.match(facts, /Nottinghamshire County Council/)
    assert.match(facts, /Perpetrator programme survivor support/)
    await page.goto(`${e2e.baseUrl}/pipeline`)
    assert.match((await page.locator('main').textContent()) ?? '', /Mansfield outreach service/)
  })

  test('an officer records an extension taken, then the successor decision, and the pipeline follows', async (page) => {
    await page.goto(`${e2e.baseUrl}/staff/ledger/services/mansfield-outreach-service`)
    await noViolations(page)
    await page.getByRole('link', { name: 'Record an extension taken' }).click()
    await page.waitForURL(/\/record\/extension$/)
    assert.match((await page.locator('main').textContent()) ?? '', /has 12 months of extension left/)
    await page.getByLabel('Months of extension taken').fill('13')
    await page.getByRole('button', { name: 'Record extension' }).click()
    assert.match((await page.locator('#months-error').textContent()) ?? '', /from 1 to 12/)
    await noViolations(page)
    await page.getByLabel('Months of extension taken').fill('6')
    await page.getByRole('button', { name: 'Record extension' }).click()
    await page.waitForURL(/\/services\/mansfield-outreach-service\?done=/)
    assert.match((await page.locator('.govuk-notification-banner').textContent()) ?? '', /Extension recorded/)
    assert.match((await page.locator('#contract').textContent()) ?? '', /12 months allowed, 6 taken/)

    await page.getByRole('link', { name: 'Record the successor decision' }).click()
    await page.waitForURL(/\/record\/successor$/)
    await page.getByRole('button', { name: 'Record successor decision' }).click()
    assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /Choose the decision/)
    await noViolations(page)
    const options = await page.getByLabel('Decision').locator('option').allTextContents()
    await page.getByLabel('Decision').selectOption({ label: options[1]! })
    await page.getByRole('button', { name: 'Record successor decision' }).click()
    await page.waitForURL(/\/services\/mansfield-outreach-service\?done=/)
    assert.match((await page.locator('.govuk-notification-banner').textContent()) ?? '', /left the recommissioning/)
    await page.goto(`${e2e.baseUrl}/pipeline`)
    assert.doesNotMatch((await page.locator('main').textContent()) ?? '', /Mansfield outreach service/)
  })

  test('an officer changes a service from its check answers page and records its end', async (page) => {
    await page.goto(`${e2e.baseUrl}/staff/ledger/services/mansfield-outreach-service`)
    await page.getByRole('link', { name: 'Change the service' }).click()
    await page.waitForURL(/\/edit\/check$/)
    await noViolations(page)
    await page.locator('#service-answers').getByRole('link', { name: 'Change break clause notice' }).click()
    await page.waitForURL(/\/edit\/dates/)
    await page.getByLabel('Break clause notice (optional)').fill('3')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL(/\/edit\/check$/)
    await page.getByRole('button', { name: 'Save service' }).click()
    await page.waitForURL(/\/saved\?updated=1$/)
    assert.equal(await panelTitle(page), 'Service changed')

    await page.goto(`${e2e.baseUrl}/staff/ledger/services/mansfield-outreach-service/record/end`)
    await noViolations(page)
    await page.locator('#endedOn-day').fill('31')
    await page.locator('#endedOn-month').fill('2')
    await page.locator('#endedOn-year').fill('2026')
    await page.getByRole('button', { name: 'Record end' }).click()
    assert.match((await page.locator('#endedOn-error').textContent()) ?? '', /real date/)
    assert.match((await page.locator('#reason-error').textContent()) ?? '', /Choose why it ended/)
    await noViolations(page)
    await page.locator('#endedOn-day').fill('28')
    await page.getByLabel('It was ended early').check()
    await page.getByRole('button', { name: 'Record end' }).click()
    await page.waitForURL(/\?done=/)
    assert.match((await page.locator('#contract').textContent()) ?? '', /28 February 2026 – ended early/)
    await page.goto(`${e2e.baseUrl}/services/mansfield-outreach-service`)
    assert.match((await page.locator('main').textContent()) ?? '', /28 February 2026 – ended early/)
  })
})
