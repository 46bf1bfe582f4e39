import { before, describe } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { accessibilityViolations } from '../support/browser.ts'
import { e2eSetUp } from '../support/e2e.ts'

describe('email alerts, the outbox and email preferences, in Chromium', () => {
  const e2e = e2eSetUp({
    accounts: [
      { email: 'admin@test.example', name: 'Ada Admin', roles: ['administrator'] },
      { email: 'officer@test.example', name: 'Olu Officer', roles: ['officer'] },
    ],
    timeout: 10_000,
  })
  const test = e2e.test
  let admin: Page
  let confirmPath = ''
  before(async () => {
    admin = await e2e.newPage()
    admin.setDefaultTimeout(10_000)
  })
  const axe = async (p: Page = e2e.page) => assert.deepEqual(await accessibilityViolations(p), [], p.url())

  test('a reader asks for emails about a provider from its page, correcting a mistake', async (page) => {
    await page.goto(`${e2e.baseUrl}/providers`)
    await page.getByRole('link', { name: "Juno Women's Aid" }).first().click()
    await page.getByRole('link', { name: "Get emails about new decisions with awards to Juno Women's Aid" }).click()
    await page.waitForURL(/\/alerts\/new\?/)
    assert.equal(await page.locator('h1').textContent(), 'Get emails about new decisions')
    await axe()
    await page.getByLabel('Email address').fill('reader@example')
    await page.getByRole('button', { name: 'Continue' }).click()
    assert.equal(await page.locator('.govuk-error-summary').isVisible(), true)
    assert.match(await page.title(), /^Error: /)
    assert.equal(await page.getByLabel('Email address').inputValue(), 'reader@example')
    await axe()
    await page.getByLabel('Email address').fill('reader@example.net')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL(/\/alerts\/check-email$/)
    assert.equal(await page.locator('h1').textContent(), 'Check your email')
    await axe()
  })

  test('an administrator sees the confirmation email waiting in the outbox', async () => {
    await e2e.signIn(admin, 'admin@test.example', '/staff/sign-in', /\/staff$/)
    await admin.getByRole('link', { name: 'Outbox' }).click()
    await admin.waitForURL(/\/staff\/notifications\/outbox$/)
    assert.match((await admin.locator('table').textContent()) ?? '', /reader@example\.net/)
    await axe(admin)
    await admin.getByRole('link', { name: /^Waiting/ }).click()
    await admin.getByRole('link', { name: 'Confirm your email alert' }).click()
    assert.equal(await admin.locator('h1').textContent(), 'Confirm your email alert')
    const text = (await admin.locator('pre').textContent()) ?? ''
    assert.match(text, /decisions with awards to Juno Women's Aid/)
    confirmPath = /\/alerts\/confirm\/[A-Za-z0-9_-]+/.exec(text)?.[0] ?? ''
    assert.ok(confirmPath)
    await axe(admin)
  })

  test('the reader confirms, then unsubscribes', async (page) => {
    await page.goto(`${e2e.baseUrl}${confirmPath}`)
    assert.equal(await page.locator('h1').textContent(), 'Confirm your email alert')
    await axe()
    await page.getByRole('button', { name: 'Confirm' }).click()
    assert.equal((await page.locator('.govuk-panel__title').textContent())?.trim(), 'Email alert confirmed')
    await axe()
    await page.getByRole('link', { name: 'unsubscribe now' }).click()
    assert.match((await page.locator('h1').textContent()) ?? '', /^Unsubscribe from emails about decisions with awards/)
    await axe()
    await page.getByRole('button', { name: 'Unsubscribe' }).click()
    assert.equal((await page.locator('.govuk-panel__title').textContent())?.trim(), 'You have unsubscribed')
    await axe()
    // The confirmation email went with the address.
    await admin.goto(`${e2e.baseUrl}/staff/notifications/outbox`)
    assert.doesNotMatch((await admin.locator('main').textContent()) ?? '', /reader@example\.net/)
  })

  test('an officer turns an email off on the preferences page', async () => {
    const officer = await e2e.signedInPage('officer@test.example', '/staff/sign-in', /\/staff$/)
    await officer.getByRole('link', { name: 'Choose which emails you get' }).click()
    assert.equal(await officer.locator('h1').textContent(), 'Email preferences')
    const returned = officer.getByLabel('Your draft is returned')
    assert.equal(await returned.isChecked(), true)
    assert.equal(await officer.getByLabel('A decision reaches your stage').count(), 0)
    await axe(officer)
    await returned.uncheck()
    await officer.getByRole('button', { name: 'Save preferences' }).click()
    await officer.waitForURL(/saved=1$/)
    assert.match((await officer.locator('.govuk-notification-banner').textContent()) ?? '', /saved/)
    assert.equal(await officer.getByLabel('Your draft is returned').isChecked(), false)
    assert.equal(await officer.getByLabel('Monthly digest').isChecked(), true)
    await axe(officer)
    // The outbox is for administrators only.
    const response = await officer.goto(`${e2e.baseUrl}/staff/notifications/outbox`)
    assert.equal(response?.status(), 403)
  })
})
