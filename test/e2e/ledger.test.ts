import { describe } from 'node:test'
import assert from 'node:assert/strict'
import { accessibilityViolations } from '../support/browser.ts'
import { e2eSetUp } from '../support/e2e.ts'

describe('the funding ledger in Chromium', () => {
  const e2e = e2eSetUp({ acceptDownloads: true })
  const test = e2e.test

  test('the ledger filters by provider and year, sorts by amount, and passes axe', async (page) => {
    await page.goto(`${e2e.baseUrl}/ledger`)
    assert.equal(await page.locator('h1').textContent(), 'Funding ledger')
    assert.deepEqual(await accessibilityViolations(page), [])
    await page.getByLabel('Provider').selectOption({ label: 'Equation' })
    await page.getByLabel('Financial year').selectOption({ label: '2024/25' })
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await page.waitForURL(/provider=.*year=2024/)
    assert.match((await page.locator('#results-heading').textContent()) ?? '', /1 award/)
    await page.getByLabel('Provider').selectOption({ label: 'All providers' })
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await page.waitForURL(/year=2024/)
    await page.getByRole('link', { name: 'Amount' }).click()
    await page.waitForURL(/sort=amount/)
    const amounts = await page.locator('#ledger tbody tr td:nth-child(3)').allTextContents()
    assert.equal(amounts[0], '£6,063.28')
    assert.equal(await page.locator('th[aria-sort]').getAttribute('aria-sort'), 'ascending')
    assert.deepEqual(await accessibilityViolations(page), [])
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Download these 6 awards as CSV/ }).click(),
    ])
    const csv = await (await download.createReadStream()).toArray()
    const lines = Buffer.concat(csv).toString('utf8').trim().split('\n')
    assert.equal(lines.length, 7)
    assert.match(lines[1]!, /6063\.28/)
  })

  test('the per-year view and a provider page pass axe', async (page) => {
    await page.goto(`${e2e.baseUrl}/ledger`)
    await page.getByRole('link', { name: 'By financial year' }).click()
    await page.waitForURL(/view=years/)
    assert.equal(await page.locator('#years-total').textContent(), '£562,808.55')
    assert.deepEqual(await accessibilityViolations(page), [])
    await page.goto(`${e2e.baseUrl}/ledger`)
    await page.locator('#ledger').getByRole('link', { name: 'Equation' }).first().click()
    await page.waitForURL(/\/providers\/equation$/)
    assert.equal(await page.locator('h1').textContent(), 'Equation')
    assert.equal(await page.locator('#provider-total').textContent(), '£10,610.74')
    assert.deepEqual(await accessibilityViolations(page), [])
  })

  test('the pipeline shows the seed 003 situation on 1 May 2018 and passes axe', async (page) => {
    await page.goto(`${e2e.baseUrl}/pipeline`)
    await page.getByLabel('As on').fill('2018-05-01')
    await page.getByRole('button', { name: 'Show the pipeline' }).click()
    await page.waitForURL(/on=2018-05-01/)
    const names = await page.locator('#pipeline-12 tbody th a').allTextContents()
    assert.deepEqual(names, [
      'Domestic Abuse Prevention Partnership (DAPP)',
      'Integrated Domestic Abuse Service Hampshire (IDASH)',
    ])
    assert.deepEqual(await accessibilityViolations(page), [])
  })

  test('the pro-rata calculator works without JavaScript and passes axe', async (page) => {
    await page.goto(`${e2e.baseUrl}/services/hampshire-and-southampton-domestic-abuse-perpetrator-service`)
    await page
      .getByLabel('Partner that reduces its contribution')
      .selectOption({ label: 'Southampton City Council, £40,000 a year (up to)' })
    await page.getByLabel('Reduction').fill('50')
    await page.getByRole('button', { name: 'Calculate' }).click()
    assert.equal(await page.locator('#pro-rata-office').textContent(), '£60,000 a year (up to)')
    assert.deepEqual(await accessibilityViolations(page), [])
  })

  test('the charts are images with titles and their figures beside them, and pass axe', async (page) => {
    await page.goto(`${e2e.baseUrl}/charts`)
    const images = page.getByRole('img')
    assert.equal(await images.count(), 4)
    assert.match(
      (await page.getByRole('img', { name: /Flow of money/ }).getAttribute('aria-labelledby')) ?? '',
      /flow-title flow-desc/,
    )
    assert.ok((await page.locator('#flow-table tbody tr').count()) > 5)
    assert.deepEqual(await accessibilityViolations(page), [])
  })
})
