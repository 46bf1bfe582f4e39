import { describe } from 'node:test'
import assert from 'node:assert/strict'
import { accessibilityViolations } from '../support/browser.ts'
import { e2eSetUp, type E2eAccount } from '../support/e2e.ts'

const ACCOUNT: E2eAccount = { email: 'finance@test.example', name: 'Fay Finance', roles: ['finance_officer'] }

describe('the ledger’s staff pages ask before destroying anything, in Chromium', () => {
  const e2e = e2eSetUp({ accounts: [ACCOUNT], signIn: { at: '/staff/ledger' } })
  const test = e2e.test

  test('merging asks “Are you sure?”, shows what will move, and can be undone', async (page) => {
    await page.getByRole('link', { name: 'Merge two organisations' }).click()
    await page.getByLabel('Organisation to merge').selectOption({ label: 'Equation' })
    await page.getByLabel('Organisation to keep').selectOption({ label: "Juno Women's Aid" })
    await page.getByRole('button', { name: 'Continue' }).click()
    assert.match((await page.locator('h1').textContent()) ?? '', /Are you sure you want to merge Equation into Juno/)
    assert.match((await page.locator('#merge-changes').textContent()) ?? '', /Awards received\s*[1-9]/)
    assert.deepEqual(await accessibilityViolations(page), [])
    const before = await (await fetch(`${e2e.baseUrl}/providers/equation`)).status
    assert.equal(before, 200, 'nothing is merged before the confirmation')
    await page.getByRole('button', { name: 'Yes, merge them' }).click()
    await page.waitForURL(/\/organisations\/merges\/\d+$/)
    assert.match((await page.locator('.govuk-panel').textContent()) ?? '', /Equation is now part of Juno/)
    assert.deepEqual(await accessibilityViolations(page), [])
    await page.getByRole('button', { name: 'Undo this merge' }).click()
    await page.waitForURL(/undone=1$/)
    assert.match((await page.locator('.govuk-notification-banner').textContent()) ?? '', /separate organisation again/)
    assert.deepEqual(await accessibilityViolations(page), [])
    const after = await fetch(`${e2e.baseUrl}/providers/equation`, { redirect: 'manual' })
    assert.equal(after.status, 200)
  })

  test('saving a receipt for a stream and year that has one asks before replacing it', async (page) => {
    await page.goto(`${e2e.baseUrl}/staff/ledger/receipts`)
    const save = async (amount: string) => {
      await page.getByLabel('Funding stream').selectOption({ label: 'Core commissioning budget' })
      await page.getByLabel('Financial year').fill('2024/25')
      await page.getByLabel('Amount received').fill(amount)
      await page.getByRole('button', { name: 'Save amount received' }).click()
    }
    await save('300,000')
    await page.waitForURL(/saved=1$/)
    await save('310,000')
    assert.match(
      (await page.locator('h1').textContent()) ?? '',
      /Replace the amount Core commissioning budget received/,
    )
    assert.match((await page.locator('#receipt-change').textContent()) ?? '', /£300,000\.00[\s\S]*£310,000/)
    assert.deepEqual(await accessibilityViolations(page), [])
    await page.getByRole('button', { name: 'Yes, replace the amount' }).click()
    await page.waitForURL(/saved=replaced$/)
    assert.match((await page.locator('#receipts').textContent()) ?? '', /£310,000\.00/)
  })

  test('a count in an outcome return is corrected, then deleted', async (page) => {
    await page.goto(`${e2e.baseUrl}/staff/ledger/services/domestic-abuse-partnership-car-pilot`)
    await page.getByLabel('Quarter').fill('2024/25 Q1')
    await page.getByLabel('Survivors supported').fill('41')
    await page.getByRole('button', { name: 'Save counts' }).click()
    await page.waitForURL(/done=/)
    await page.getByRole('link', { name: /correct or delete Survivors supported, 2024\/25 Q1/ }).click()
    await page.getByLabel('Correct count').fill('forty')
    await page.getByRole('button', { name: 'Save correction' }).click()
    assert.match((await page.locator('#value-error').textContent()) ?? '', /whole number/)
    assert.deepEqual(await accessibilityViolations(page), [])
    await page.getByLabel('Correct count').fill('42')
    await page.getByRole('button', { name: 'Save correction' }).click()
    await page.waitForURL(/done=/)
    assert.match((await page.locator('#staff-outcomes').textContent()) ?? '', /42/)
    await page.getByRole('link', { name: /correct or delete Survivors supported, 2024\/25 Q1/ }).click()
    await page.getByRole('button', { name: 'Delete this count' }).click()
    await page.waitForURL(/done=/)
    assert.match((await page.locator('.govuk-notification-banner').textContent()) ?? '', /count deleted/)
  })
})
