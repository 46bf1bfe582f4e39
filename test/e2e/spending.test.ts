import { describe } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { accessibilityViolations } from '../support/browser.ts'
import { e2eSetUp, type E2eAccount } from '../support/e2e.ts'

const SHOTS = process.env.SCREENSHOT_DIR

// Other column names than the common layout: "Ref No" is not one the register knows, so it is chosen on the preview.
const FILE = [
  'Payment Date,Vendor,Value,Category,Ref No',
  '14/05/2021,JUNO WOMENS AID,"£11,983.00",Grants to voluntary bodies,W1',
  "02/11/2023,Juno Women's Aid,£700.00,Grants to voluntary bodies,W2",
  '20/05/2021,Acme Office Furniture,£612.40,Furniture,W3',
].join('\n')

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return
  mkdirSync(SHOTS, { recursive: true })
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 })
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true })
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    assert.ok(overflow <= 0, `${name} is wider than ${width}px by ${overflow}px`)
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

async function upload(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel('Spending file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) })
  const office = page.getByLabel('Office', { exact: true })
  if (await office.count()) await office.selectOption({ index: 1 })
  await page.getByRole('button', { name: 'Upload and preview' }).click()
}

const ACCOUNT: E2eAccount = { email: 'officer@test.example', name: 'Olu Officer', roles: ['officer'] }

describe('spending over £500 in Chromium: upload, preview, review queue', () => {
  const e2e = e2eSetUp({ accounts: [ACCOUNT], signIn: { at: '/staff/spending' } })
  const test = e2e.test

  test('a file with other column names is previewed, its columns chosen, then imported with its counts', async (page) => {
    assert.deepEqual(await accessibilityViolations(page), [])
    await shoot(page, 'spending-home')
    await page.getByRole('button', { name: 'Upload a spending file' }).click()
    await page.getByRole('button', { name: 'Upload and preview' }).click()
    assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /Choose a CSV file of payments/)
    assert.deepEqual(await accessibilityViolations(page), [])
    await upload(page, 'may-2021.csv', FILE)
    await page.waitForURL(/\/staff\/spending\/uploads\/[0-9a-f]{32}$/)
    assert.match((await page.locator('#sample').textContent()) ?? '', /JUNO WOMENS AID[\s\S]*£11,983\.00/)
    assert.equal(await page.getByLabel('Date', { exact: true }).inputValue(), '0')
    assert.equal(await page.getByLabel('Transaction Number').inputValue(), '')
    assert.deepEqual(await accessibilityViolations(page), [])
    await shoot(page, 'spending-preview')
    await page.getByRole('button', { name: 'Import these payments' }).click()
    const summary = page.locator('.govuk-error-summary')
    assert.match((await summary.textContent()) ?? '', /Transaction Number: is missing/)
    assert.deepEqual(await accessibilityViolations(page), [])
    await summary.getByRole('link', { name: /Transaction Number/ }).click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'transactionNumber')
    await page.getByLabel('Transaction Number').selectOption({ label: 'Ref No' })
    await page.getByRole('button', { name: 'Import these payments' }).click()
    await page.waitForURL(/\/staff\/spending\/batches\/\d+$/)
    assert.match((await page.locator('.govuk-panel').textContent()) ?? '', /3 payments from may-2021\.csv/)
    assert.match((await page.locator('#batch-counts').textContent()) ?? '', /Matched to awards\s*1[\s\S]*To review\s*2/)
    assert.deepEqual(await accessibilityViolations(page), [])
    await shoot(page, 'spending-batch')
  })

  test('the same file again changes nothing; a file with an impossible date is refused naming its line and column', async (page) => {
    await page.goto(`${e2e.baseUrl}/staff/spending/upload`)
    await upload(page, 'may-2021-again.csv', FILE)
    await page.getByLabel('Transaction Number').selectOption({ label: 'Ref No' })
    await page.getByRole('button', { name: 'Import these payments' }).click()
    await page.waitForURL(/already=1$/)
    assert.match((await page.locator('h1').textContent()) ?? '', /already imported/)
    await page.goto(`${e2e.baseUrl}/staff/spending/upload`)
    await upload(page, 'bad.csv', `${FILE}\n31/04/2021,Acme Office Furniture,£612.40,Furniture,W4`)
    await page.getByLabel('Transaction Number').selectOption({ label: 'Ref No' })
    await page.getByRole('button', { name: 'Import these payments' }).click()
    assert.match(
      (await page.locator('.govuk-error-summary').textContent()) ?? '',
      /Line 5, column Payment Date: "31\/04\/2021" is not a real date/,
    )
    assert.deepEqual(await accessibilityViolations(page), [])
    await page.goto(`${e2e.baseUrl}/staff/spending`)
    assert.match((await page.locator('#queue-count').textContent()) ?? '', /2 payments wait/)
  })

  test('the review queue: staff choose the award a payment pays, or that it pays none', async (page) => {
    await page.goto(`${e2e.baseUrl}/staff/spending/review`)
    assert.deepEqual(await accessibilityViolations(page), [])
    await shoot(page, 'spending-queue')
    await page.getByRole('link', { name: /Juno Women's Aid.*£700\.00/ }).click()
    await page.getByRole('button', { name: 'Save' }).click()
    assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /Choose the award this payment pays/)
    assert.deepEqual(await accessibilityViolations(page), [])
    await shoot(page, 'spending-payment')
    const likely = page.locator('input[name="award"]')
    assert.ok((await likely.count()) === 4, 'three likely awards and not an award payment')
    await likely.first().check()
    await page.getByRole('button', { name: 'Save' }).click()
    await page.waitForURL(/resolved=1$/)
    assert.match((await page.locator('.govuk-notification-banner').textContent()) ?? '', /recorded/)
    await page.getByRole('link', { name: /Acme Office Furniture/ }).click()
    await page.getByLabel('Not an award payment').check()
    await page.getByRole('button', { name: 'Save' }).click()
    await page.waitForURL(/resolved=1$/)
    assert.match((await page.locator('#queue-heading').textContent()) ?? '', /0 payments/)
  })

  test('a payment split between awards: parts that do not add up are refused, another part added, then saved', async (page) => {
    await page.goto(`${e2e.baseUrl}/staff/spending/upload`)
    await upload(page, 'december-2023.csv', `${FILE.split('\n')[0]}\n04/12/2023,Juno Women's Aid,"£1,200.00",Grants,W9`)
    await page.getByLabel('Transaction Number').selectOption({ label: 'Ref No' })
    await page.getByRole('button', { name: 'Import these payments' }).click()
    await page.waitForURL(/\/staff\/spending\/batches\/\d+$/)
    await page.goto(`${e2e.baseUrl}/staff/spending/review`)
    await page.getByRole('link', { name: /Juno Women's Aid.*£1,200\.00/ }).click()
    await page.getByRole('link', { name: 'Split this payment between several awards' }).click()
    await page.waitForURL(/\/split$/)
    assert.deepEqual(await accessibilityViolations(page), [])
    const awards = await page
      .locator('#award1 option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean))
    assert.ok(awards.length >= 3)
    await page.locator('#award1').selectOption(awards[0]!)
    await page.getByLabel('Amount').first().fill('700')
    await page.locator('#award2').selectOption(awards[1]!)
    await page.locator('#amount2').fill('400')
    await page.getByRole('button', { name: 'Save the split' }).click()
    const summary = page.locator('.govuk-error-summary')
    assert.match((await summary.textContent()) ?? '', /add up to £1,100\.00, but the payment is £1,200\.00/)
    assert.deepEqual(await accessibilityViolations(page), [])
    await shoot(page, 'spending-split-error')
    await page.getByRole('button', { name: 'Add another part' }).click()
    await page.locator('#award3').selectOption(awards[2]!)
    await page.locator('#amount3').fill('100')
    assert.match((await page.locator('#parts-total').textContent()) ?? '', /£1,100\.00/)
    await shoot(page, 'spending-split')
    await page.getByRole('button', { name: 'Save the split' }).click()
    await page.waitForURL(/resolved=1$/)
    assert.match((await page.locator('#queue-heading').textContent()) ?? '', /0 payments/)
  })
})
