import { describe } from 'node:test'
import assert from 'node:assert/strict'
import { accessibilityViolations } from '../support/browser.ts'
import { e2eSetUp } from '../support/e2e.ts'

describe('the public register in Chromium', () => {
  const e2e = e2eSetUp()
  const test = e2e.test

  test('the home page lists the demonstration decisions and passes axe', async (page) => {
    await page.goto(`${e2e.baseUrl}/`)
    assert.equal(await page.locator('h1').textContent(), 'Commissioning decisions')
    const references = await page.locator('table.govuk-table tbody tr td:first-child').allTextContents()
    assert.deepEqual(references, ['2024.006', '2021.021', 'PCCML/000407/2018', 'PCC036/18', '10653'])
    assert.deepEqual(await accessibilityViolations(page), [])
  })

  test('searching narrows the list, and the results page passes axe', async (page) => {
    await page.goto(`${e2e.baseUrl}/`)
    await page.getByLabel('Search words').fill('partnership car')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.waitForURL(/q=partnership/)
    assert.match((await page.locator('#results-heading').textContent()) ?? '', /1 decision matching/)
    assert.deepEqual(await page.locator('table.govuk-table tbody tr td:first-child').allTextContents(), ['2021.021'])
    assert.deepEqual(await accessibilityViolations(page), [])
  })

  test('filtering by office narrows the list', async (page) => {
    await page.goto(`${e2e.baseUrl}/`)
    await page.getByLabel('Office').selectOption({ label: 'Hampshire' })
    await page.getByRole('button', { name: 'Search' }).click()
    await page.waitForURL(/office=/)
    assert.deepEqual(await page.locator('table.govuk-table tbody tr td:first-child').allTextContents(), [
      'PCCML/000407/2018',
    ])
  })

  test('a decision page shows its awards with totals per period and passes axe', async (page) => {
    await page.goto(`${e2e.baseUrl}/`)
    await page.getByRole('link', { name: 'DA Perpetrator/IOM Survivor Support Service' }).click()
    await page.waitForURL(/\/decisions\/nottinghamshire-2024-006$/)
    assert.equal(await page.locator('h1').textContent(), 'DA Perpetrator/IOM Survivor Support Service')
    const headers = await page.locator('#awards thead th').allTextContents()
    assert.deepEqual(headers.slice(2), [
      'October 2023 to March 2024',
      'April 2024 to March 2025',
      'April 2025 to September 2025',
    ])
    const totals = await page.locator('#awards tfoot tr').first().locator('td').allTextContents()
    assert.deepEqual(
      totals.map((s) => s.trim()),
      ['£95,890.75', '£215,566.69', '£118,338.11'],
    )
    assert.equal(await page.locator('#awards-total').textContent(), '£429,795.55')
    assert.equal(await page.locator('#findings li').count(), 4)
    assert.deepEqual(await accessibilityViolations(page), [])
  })

  test('a decision with partner contributions passes axe', async (page) => {
    await page.goto(`${e2e.baseUrl}/decisions/essex-pcc036-18`)
    assert.match(
      (await page.locator('.app-contribution-summary').textContent()) ?? '',
      /£2,125,000 a year in total from four partners/,
    )
    assert.deepEqual(await accessibilityViolations(page), [])
  })

  test('the page-not-found page passes axe', async (page) => {
    const response = await page.goto(`${e2e.baseUrl}/decisions/none`)
    assert.equal(response?.status(), 404)
    assert.deepEqual(await accessibilityViolations(page), [])
  })
})
