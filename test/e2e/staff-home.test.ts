import { describe } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { accessibilityViolations } from '../support/browser.ts'
import { e2eSetUp, startDecision } from '../support/e2e.ts'

describe('the staff home in Chromium', () => {
  const e2e = e2eSetUp({
    accounts: [
      { email: 'home-officer@e2e.example', name: 'Home Officer', roles: ['officer'] },
      { email: 'home-finance@e2e.example', name: 'Home Finance', roles: ['finance_officer'] },
    ],
  })
  const test = e2e.test

  async function home(page: Page, email: string): Promise<void> {
    await e2e.signIn(page, email, '/staff')
    assert.deepEqual(await accessibilityViolations(page), [])
  }
  const item = (page: Page, id: string) => page.locator(`#work-${id}`).innerText()

  test('an officer sees their drafts, imports, names, FOI and contracts counted, each a link to the work', async (page) => {
    await home(page, 'home-officer@e2e.example')
    assert.equal(await item(page, 'drafts'), '0\ndrafts of yours')
    assert.match(await item(page, 'foi-overdue'), /^\d+\nFOI requests? overdue$/)
    assert.match(await item(page, 'ending'), /services? ending in the next 6 months with no successor$/)
    assert.equal(await page.locator('#work-waiting').count(), 0, 'an officer signs nothing off')

    await startDecision(page, 'Staff home draft')
    await page.goto(`${e2e.baseUrl}/staff`)
    assert.equal(await item(page, 'drafts'), '1\ndraft of yours')
    await page.locator('#work-drafts a').click()
    await page.waitForURL(/\/staff\/decisions#drafts$/)
    assert.match(await page.locator('#drafts').innerText(), /Staff home draft/)
    assert.match(await page.locator('#drafts').innerText(), /Draft/)
    assert.deepEqual(await accessibilityViolations(page), [])

    await page.goto(`${e2e.baseUrl}/staff`)
    await page.locator('#work-names a').click()
    await page.waitForURL(/\/staff\/ledger\/organisations\/review$/)
    await page.goto(`${e2e.baseUrl}/staff`)
    await page.locator('#work-foi-due a').click()
    await page.waitForURL(/\/staff\/foi#due-this-week$/)
  })

  test('a finance officer sees the sign-offs waiting for them and no drafting work', async () => {
    const page = await e2e.newPage()
    await home(page, 'home-finance@e2e.example')
    assert.match(await item(page, 'waiting'), /^\d+\ndecisions? waiting for your sign-off$/)
    assert.equal(await page.locator('#work-drafts').count(), 0)
    assert.equal(await page.locator('#work-imports').count(), 0)
    assert.equal(await page.getByRole('link', { name: 'Start a new decision' }).count(), 0)
    await page.locator('#work-waiting a').click()
    await page.waitForURL(/\/staff\/decisions#waiting$/)
    assert.deepEqual(await accessibilityViolations(page), [])
  })
})
