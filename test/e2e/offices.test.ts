import { describe } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { accessibilityViolations } from '../support/browser.ts'
import { e2eSetUp, submitForm } from '../support/e2e.ts'

const NOTTS = '/offices/nottinghamshire-office-of-the-police-and-crime-commissioner'
/** Where the screenshots go, when asked for (SCREENSHOTS=dir), to be looked at. */
const SHOTS = process.env.SCREENSHOTS

async function check(page: Page, name: string): Promise<void> {
  assert.deepEqual(await accessibilityViolations(page), [], page.url())
  assert.equal(await page.locator('h1').count(), 1, page.url())
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 })
    // Nothing but the scrolling boxes is wider than the screen.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    assert.ok(overflow <= 0, `${page.url()} is ${overflow}px wider than a ${width}px screen`)
    if (SHOTS) {
      await mkdir(SHOTS, { recursive: true })
      await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true })
    }
  }
}

describe('office registers and the national comparison, in Chromium', () => {
  const e2e = e2eSetUp({
    accounts: [
      { email: 'national@test.example', name: 'Nadia National', roles: ['administrator'], deploymentAdmin: true },
    ],
  })
  const test = e2e.test

  test('an office’s home shows its own register under its name, and passes axe', async (page) => {
    await page.goto(`${e2e.baseUrl}${NOTTS}`)
    assert.match(await page.title(), /Nottinghamshire Office of the Police and Crime Commissioner$/)
    assert.match(
      (await page.locator('header').textContent()) ?? '',
      /Nottinghamshire Office of the Police and Crime Commissioner/,
    )
    await check(page, 'office-home')
    await page.getByRole('link', { name: 'Ledger' }).first().click()
    await page.waitForURL(new RegExp(`${NOTTS}/ledger$`))
    await check(page, 'office-ledger')
  })

  test('the national comparison and the list of offices pass axe and name no office in the header', async (page) => {
    await page.goto(`${e2e.baseUrl}/national`)
    assert.doesNotMatch((await page.locator('header').textContent()) ?? '', /Office of the/)
    assert.equal(await page.locator('#by-year tbody tr').count(), 3)
    await check(page, 'national')
    await page.getByRole('link', { name: 'Offices', exact: true }).first().click()
    await page.waitForURL(/\/offices$/)
    await check(page, 'offices')
    await page.getByRole('link', { name: 'Essex Office of the Police, Fire and Crime Commissioner' }).click()
    await page.waitForURL(/\/offices\/essex-/)
    assert.match(await page.title(), /Essex Office of the Police, Fire and Crime Commissioner$/)
  })

  test('a deployment administrator adds an office, appoints its administrator and records a successor', async (page) => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await e2e.signIn(page, 'national@test.example', '/staff/offices')
    await check(page, 'staff-offices')
    await page.getByRole('button', { name: 'Add an office' }).click()
    await page.waitForURL(/\/staff\/offices\/new$/)
    await page.getByRole('button', { name: 'Add office' }).click()
    assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /Enter the office’s name/)
    await check(page, 'staff-office-new-error')
    const office = {
      'Office name': 'Office of the Police and Crime Commissioner for Cumbria',
      'Short name': 'Cumbria',
      'Decision maker’s title': 'Police and Crime Commissioner',
    }
    await submitForm(page, office, 'Add office')
    await page.waitForURL(/\/administrator\?added=1$/)
    await check(page, 'staff-office-administrator')
    await submitForm(
      page,
      { 'Full name': 'Carol Cumbria', 'Email address': 'carol@cumbria.example' },
      'Appoint administrator',
    )
    await page.locator('.govuk-panel').waitFor()
    assert.match((await page.locator('#new-password').textContent()) ?? '', /\S{8,}/)
    await check(page, 'staff-administrator-appointed')
    await page.goto(`${e2e.baseUrl}/staff/offices`)
    await page
      .getByRole('link', {
        name: 'Record a change of governing body for Office of the Police and Crime Commissioner for Cumbria',
      })
      .click()
    await page.getByRole('button', { name: 'Record change' }).click()
    assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /Choose the body/)
    await check(page, 'staff-succession-error')
    await page
      .getByLabel('Successor body')
      .selectOption({ label: 'Nottinghamshire Office of the Police and Crime Commissioner' })
    await page.locator('#on-day').fill('8')
    await page.locator('#on-month').fill('5')
    await page.locator('#on-year').fill('2028')
    await page.getByRole('button', { name: 'Record change' }).click()
    await page.waitForURL(/\/staff\/offices\?done=succession$/)
    await page.goto(`${e2e.baseUrl}/offices/cumbria/ledger`)
    assert.match(page.url(), new RegExp(`${NOTTS}/ledger$`))
  })

  test('an office’s areas and open data stay in its register, and pass axe', async (page) => {
    await page.goto(`${e2e.baseUrl}${NOTTS}/areas`)
    assert.match(await page.title(), /Areas – .*Nottinghamshire Office of the Police and Crime Commissioner$/)
    await check(page, 'office-areas')
    await page.locator('#areas a').first().click()
    await page.waitForURL(new RegExp(`${NOTTS}/areas/[a-z0-9-]+$`))
    await check(page, 'office-area')
    await page.goto(`${e2e.baseUrl}${NOTTS}/open-data`)
    assert.equal(await page.locator(`a[href="${NOTTS}/downloads/360giving.json"]`).count(), 1)
    await check(page, 'office-open-data')
  })

  test('an administrator records an office’s population, with errors explained, and the page passes axe', async (page) => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${e2e.baseUrl}/staff/offices`)
    await page
      .getByRole('link', { name: 'Population of Essex Office of the Police, Fire and Crime Commissioner’s area' })
      .click()
    await page.waitForURL(/\/staff\/offices\/\d+\/population$/)
    await check(page, 'staff-population')
    await page.getByLabel('Number of people').fill('lots')
    await page.getByRole('button', { name: 'Save population' }).click()
    assert.match(
      (await page.locator('.govuk-error-summary').textContent()) ?? '',
      /Enter the population as a whole number/,
    )
    await check(page, 'staff-population-error')
    const population = {
      'Year of the estimate': '2022',
      'Number of people': '1,900,000',
      Source: 'ONS mid-2022 population estimates',
    }
    await submitForm(page, population, 'Save population')
    await page.waitForURL(/\/population\?done=1$/)
    assert.match((await page.locator('#populations').textContent()) ?? '', /1,900,000/)
    await check(page, 'staff-population-saved')
  })
})
