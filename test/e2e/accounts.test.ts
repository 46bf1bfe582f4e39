import { describe } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { accessibilityViolations } from '../support/browser.ts'
import { E2E_PASSWORD, e2eSetUp, signIn } from '../support/e2e.ts'

async function noViolations(page: Page): Promise<void> {
  assert.deepEqual(await accessibilityViolations(page), [], page.url())
}

async function changePassword(page: Page, current: string, next: string, again = next): Promise<void> {
  await page.locator('#current').fill(current)
  await page.getByLabel('New password', { exact: true }).fill(next)
  await page.getByLabel('New password again').fill(again)
  await page.getByRole('button', { name: 'Change password' }).click()
}

describe('accounts in the browser, in Chromium', () => {
  const e2e = e2eSetUp({
    accounts: [
      { email: 'admin@test.example', name: 'Ada Admin', roles: ['administrator'] },
      { email: 'officer@test.example', name: 'Olu Officer', roles: ['officer'] },
    ],
    signIn: { at: '/staff/users' },
  })
  const test = e2e.test

  test('an officer changes their own password: errors keep them on the page, then other devices are signed out', async () => {
    const officer = await e2e.newPage()
    const elsewhere = await e2e.newPage()
    for (const p of [officer, elsewhere]) await e2e.signIn(p, 'officer@test.example', '/staff')
    await officer.getByRole('link', { name: 'Change your password' }).click()
    await officer.waitForURL(/\/staff\/account\/password$/)
    await noViolations(officer)
    await changePassword(officer, 'not my password', 'a brand new passphrase here')
    assert.match((await officer.locator('#current-error').textContent()) ?? '', /current password is not right/)
    await changePassword(officer, E2E_PASSWORD, 'a brand new passphrase here', 'something else entirely')
    assert.match((await officer.locator('#confirm-error').textContent()) ?? '', /same new password twice/)
    await noViolations(officer)
    await changePassword(officer, E2E_PASSWORD, 'a brand new passphrase here')
    await officer.waitForURL(/done=1$/)
    assert.match((await officer.locator('.govuk-notification-banner').textContent()) ?? '', /password has been changed/)
    await officer.goto(`${e2e.baseUrl}/staff`)
    assert.match(officer.url(), /\/staff$/)
    await elsewhere.goto(`${e2e.baseUrl}/staff`)
    assert.match(elsewhere.url(), /\/staff\/sign-in/)
    await signIn(elsewhere, 'officer@test.example', 'a brand new passphrase here', /\/staff$/)
  })

  test('an administrator adds a user, whose one-time password must be changed at first sign-in', async (admin) => {
    await admin.getByRole('link', { name: 'Add a user' }).click()
    await admin.getByLabel('Full name').fill('Fin Finance')
    await admin.getByLabel('Email address').fill('fin@test.example')
    await admin.getByRole('button', { name: 'Add user' }).click()
    assert.match((await admin.locator('.govuk-error-summary').textContent()) ?? '', /Choose at least one role/)
    assert.equal(await admin.getByLabel('Full name').inputValue(), 'Fin Finance')
    await noViolations(admin)
    await admin.getByLabel('Finance officer').check()
    await admin.getByRole('button', { name: 'Add user' }).click()
    const oneTime = ((await admin.locator('#new-password').textContent()) ?? '').trim()
    assert.match(oneTime, /^\S{12,}$/)
    await noViolations(admin)

    const fin = await e2e.newPage()
    await fin.goto(`${e2e.baseUrl}/staff/decisions`)
    await signIn(fin, 'fin@test.example', oneTime, /\/staff\/account\/password$/)
    assert.match((await fin.locator('.govuk-warning-text').textContent()) ?? '', /one-time password/)
    await noViolations(fin)
    await fin.goto(`${e2e.baseUrl}/staff/decisions`)
    assert.match(fin.url(), /\/staff\/account\/password$/)
    await changePassword(fin, oneTime, oneTime)
    assert.match((await fin.locator('#password-error').textContent()) ?? '', /different from the current one/)
    await changePassword(fin, oneTime, 'my very own finance passphrase')
    await fin.waitForURL(/done=1$/)
    await fin.goto(`${e2e.baseUrl}/staff/decisions`)
    assert.match(fin.url(), /\/staff\/decisions$/)
  })

  test('an administrator changes roles, deactivates and reactivates, and resets a password to a one-time one', async (admin) => {
    await admin.goto(`${e2e.baseUrl}/staff/users`)
    await admin.getByRole('link', { name: 'Manage Fin Finance' }).click()
    await admin.getByRole('link', { name: 'Change roles' }).click()
    await admin.getByLabel('Chief executive').check()
    await admin.getByRole('button', { name: /Save/ }).click()
    assert.match((await admin.locator('.govuk-notification-banner').textContent()) ?? '', /Roles changed/)
    assert.match((await admin.locator('.govuk-summary-list').textContent()) ?? '', /Chief executive/)
    await noViolations(admin)

    await admin.getByRole('link', { name: 'Change status' }).click()
    await noViolations(admin)
    await admin.getByRole('button', { name: 'Yes, deactivate the account' }).click()
    assert.match((await admin.locator('.govuk-notification-banner').textContent()) ?? '', /Account deactivated/)
    const fin = await e2e.newPage()
    await fin.goto(`${e2e.baseUrl}/staff`)
    await fin.getByLabel('Email address').fill('fin@test.example')
    await fin.getByLabel('Password', { exact: true }).fill('my very own finance passphrase')
    await fin.getByRole('button', { name: 'Sign in' }).click()
    assert.match((await fin.locator('.govuk-error-summary').textContent()) ?? '', /correct email address and password/)

    await admin.getByRole('link', { name: 'Change status' }).click()
    await admin.getByRole('button', { name: 'Yes, reactivate the account' }).click()
    assert.match((await admin.locator('.govuk-notification-banner').textContent()) ?? '', /Account reactivated/)

    await admin.getByRole('link', { name: 'Reset password' }).click()
    await noViolations(admin)
    await admin.getByRole('button', { name: 'Yes, reset the password' }).click()
    const oneTime = ((await admin.locator('#new-password').textContent()) ?? '').trim()
    assert.match((await admin.locator('main').textContent()) ?? '', /one-time password/)
    await noViolations(admin)
    await admin.goto(`${e2e.baseUrl}/staff/users`)
    await admin.getByRole('link', { name: 'Manage Fin Finance' }).click()
    assert.match(
      (await admin.locator('.govuk-summary-list').textContent()) ?? '',
      /to be changed at their next sign-in/,
    )

    await fin.goto(`${e2e.baseUrl}/staff`)
    await signIn(fin, 'fin@test.example', oneTime, /\/staff\/account\/password$/)
  })
})
