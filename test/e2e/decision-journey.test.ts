import { describe } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { accessibilityCheckedOncePerPath } from '../support/browser.ts'
import { e2eSetUp, type E2eAccount, startDecision } from '../support/e2e.ts'

const ACCOUNT: E2eAccount = { email: 'journey@e2e.example', name: 'Journey Officer', roles: ['officer'] }

describe('the officer’s decision journey in Chromium', () => {
  const e2e = e2eSetUp({ accounts: [ACCOUNT], signIn: { at: '/staff' } })
  const test = e2e.test
  /** Every distinct page of the journey is checked with axe once. */
  const axe = accessibilityCheckedOncePerPath()
  const fits = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)

  test('task list, an award through the autocomplete, remove and delete each ask first, at 390 px', async (page) => {
    await page.setViewportSize({ width: 390, height: 800 })
    const url = await startDecision(page, 'Night car pilot')
    await axe(page)
    assert.ok(await fits(page))
    assert.doesNotMatch(await page.locator('.govuk-caption-l').innerText(), /Draft · Draft/)
    assert.match(
      await page
        .locator('.govuk-task-list__item', { hasText: 'Awards' })
        .locator('.govuk-task-list__status')
        .innerText(),
      /Not yet started/,
    )

    await page.getByRole('link', { name: 'Awards' }).click()
    await axe(page)
    await page.getByRole('link', { name: 'Add an award' }).click()
    await page.getByRole('button', { name: 'Save award' }).click()
    await axe(page)
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter who receives the money/)
    await page.getByLabel('Who receives the money').pressSequentially('Juno', { delay: 30 })
    const option = page.getByRole('option', { name: /Juno Women's Aid/ })
    await option.waitFor()
    await option.click()
    assert.equal(await page.getByLabel('Who receives the money').inputValue(), "Juno Women's Aid")
    await page.getByLabel('Amount in pounds').fill('23,966')
    await page.getByRole('radio', { name: 'Financial years' }).check()
    await page.getByLabel('First financial year').selectOption({ label: '2025/26' })
    await page.getByLabel('Funding stream').selectOption({ index: 1 })
    await page.getByRole('radio', { name: 'Framework call-off' }).check()
    await page.getByLabel('Purpose').fill('Night-time car patrols')
    await axe(page)
    assert.ok(await fits(page))
    await page.getByRole('button', { name: 'Save award' }).click()
    await page.waitForURL(/awards\?added=1/)
    await axe(page)
    assert.match(await page.locator('#award-list').innerText(), /Juno Women's Aid[\s\S]*£23,966\.00/)
    assert.match(await page.locator('h1').innerText(), /You have added 1 award/)
    await page.getByRole('radio', { name: 'No, I’ll come back later' }).check()
    await page.getByRole('button', { name: 'Save and return to the task list' }).click()
    await page.waitForURL(url)
    assert.match(
      await page
        .locator('.govuk-task-list__item', { hasText: 'Awards' })
        .locator('.govuk-task-list__status')
        .innerText(),
      /In progress/,
    )

    await page.goto(`${url}/submit`)
    await axe(page)
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Complete the section “Areas served”/)
    assert.equal(await page.getByRole('button', { name: 'Submit for sign-off' }).count(), 0)
    assert.ok((await page.getByRole('link', { name: 'Change' }).count()) > 10)

    await page.goto(`${url}/awards`)
    await page.getByRole('link', { name: /Remove\s+the award to Juno Women's Aid/ }).click()
    await axe(page)
    assert.match(
      await page.locator('h1').innerText(),
      /Are you sure you want to remove the award to Juno Women's Aid\?/,
    )
    await page.getByRole('button', { name: 'Yes, remove this award' }).click()
    await page.waitForURL(/removed=/)
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Award to Juno Women's Aid removed/)

    await page.goto(url)
    await page.getByRole('link', { name: 'Delete this draft' }).click()
    await axe(page)
    await page.getByRole('button', { name: 'Yes, delete this draft' }).click()
    await page.waitForURL(/\/staff\/decisions\?deleted=/)
    assert.equal((await page.goto(url))?.status(), 404)
  })
})
