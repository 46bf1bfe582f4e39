import { describe } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { accessibilityViolations } from '../support/browser.ts'
import { e2eSetUp, type E2eAccount } from '../support/e2e.ts'

const ACCOUNT: E2eAccount = { email: 'officer@test.example', name: 'Olive Officer', roles: ['officer'] }

/** No wider than a 390-pixel phone, and no accessibility violation, at both widths; screenshots when asked for. */
async function checkPage(page: Page, name: string): Promise<void> {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 })
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
    assert.ok(scrollWidth <= width, `${name} is ${scrollWidth} pixels wide on a ${width}-pixel screen`)
    assert.deepEqual(await accessibilityViolations(page), [], `${name} at ${width} pixels`)
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}-${width}.png`, fullPage: true })
  }
}

describe('funding stream conditions, in Chromium', () => {
  const e2e = e2eSetUp({ accounts: [ACCOUNT], signIn: { at: '/staff/ledger' } })
  const test = e2e.test

  test('the demonstration grant shows its conditions and the match funding it is short of', async (page) => {
    await page.getByRole('link', { name: 'Funding streams' }).click()
    await checkPage(page, 'streams')
    await page.getByRole('link', { name: 'Home Office DA perpetrator grant' }).click()
    assert.match((await page.locator('#stream-conditions').textContent()) ?? '', /HO-DAPI-23-NOT-07/)
    assert.match((await page.locator('#stream-findings').textContent()) ?? '', /£215,566\.69 short/)
    await checkPage(page, 'stream')
  })

  test('a spend-by date is refused until it is a real date, checked, saved, and the awards after it are found', async (page) => {
    await page.goto(`${e2e.baseUrl}/staff/ledger/streams`)
    await page.getByRole('link', { name: 'Core commissioning budget' }).click()
    assert.match((await page.locator('#stream-findings').textContent()) ?? '', /No award breaks/)
    await page.getByRole('link', { name: 'Change conditions' }).click()
    await page.getByLabel('Expected').check()
    await page.getByLabel('Grant agreement reference (optional)').fill('NOTTS-CORE-24')
    const spendBy = page.getByRole('group', { name: 'Spend by (optional)' })
    await spendBy.getByLabel('Day').fill('31')
    await spendBy.getByLabel('Month').fill('2')
    await spendBy.getByLabel('Year').fill('2025')
    await page.getByLabel('Survivor support').check()
    await page.getByRole('button', { name: 'Continue' }).click()
    const summary = page.locator('.govuk-error-summary')
    assert.match((await summary.textContent()) ?? '', /The spend-by date must be a real date/)
    await checkPage(page, 'conditions-error')
    await summary.getByRole('link', { name: 'The spend-by date must be a real date' }).click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'spendBy-day')
    await spendBy.getByLabel('Month').fill('3')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL(/\/conditions\/check$/)
    const answers = page.locator('#condition-answers')
    assert.match((await answers.textContent()) ?? '', /Spend by\s*31 March 2025/)
    assert.match((await answers.textContent()) ?? '', /Expected, not yet confirmed/)
    await checkPage(page, 'conditions-check')
    await answers.getByRole('link', { name: 'Change grant agreement reference' }).click()
    await page.getByLabel('Grant agreement reference (optional)').fill('NOTTS-CORE-2024')
    await page.getByRole('button', { name: 'Continue' }).click()
    assert.match((await page.locator('#condition-answers').textContent()) ?? '', /NOTTS-CORE-2024/)
    await page.getByRole('button', { name: 'Save conditions' }).click()
    await page.waitForURL(/\/conditions\/saved$/)
    assert.match((await page.locator('.govuk-panel').textContent()) ?? '', /Conditions saved/)
    assert.match((await page.locator('#saved-findings').textContent()) ?? '', /6 findings break/)
    await checkPage(page, 'conditions-saved')
    await page.getByRole('link', { name: 'the stream’s page' }).click()
    const findings = page.locator('#stream-findings li[data-code="award_after_spend_by"]')
    assert.equal(await findings.count(), 6)
    assert.match(
      (await findings.first().textContent()) ?? '',
      /runs to 30 September 2025, after Core commissioning budget must be spent by 31 March 2025/,
    )
    await checkPage(page, 'stream-breach')
    await page.goto(`${e2e.baseUrl}/funding-streams`)
    assert.equal(await page.locator('#findings-core-commissioning-budget li').count(), 6)
    assert.match(
      (await page.locator('#conditions-core-commissioning-budget').textContent()) ?? '',
      /To be spent by 31 March 2025/,
    )
    await checkPage(page, 'public-streams')
  })
})
