import { describe } from 'node:test'
import assert from 'node:assert/strict'
import { accessibilityViolations } from '../support/browser.ts'
import { e2eSetUp, type E2eAccount } from '../support/e2e.ts'

const ACCOUNT: E2eAccount = { email: 'officer@test.example', name: 'Fiona Officer', roles: ['officer'] }

describe('an FOI request from logging to the disclosure log, in Chromium', () => {
  const e2e = e2eSetUp({ accounts: [ACCOUNT], timeout: 10_000 })
  const test = e2e.test

  const axe = async () => assert.deepEqual(await accessibilityViolations(e2e.page), [], e2e.page.url())

  async function fillDate(iso: string) {
    const [year, month, day] = iso.split('-')
    await e2e.page.getByLabel('Day').fill(String(Number(day)))
    await e2e.page.getByLabel('Month').fill(String(Number(month)))
    await e2e.page.getByLabel('Year').fill(year!)
  }

  test('sign in as an officer and open the FOI dashboard', async (page) => {
    await e2e.signIn(page, 'officer@test.example', '/staff/sign-in', /\/staff$/)
    await page.goto(`${e2e.baseUrl}/staff/foi`)
    assert.equal(await page.locator('h1').textContent(), 'Freedom of Information requests')
    // The table runs to this month, however long ago the last answer was (the demonstration's is from 2013).
    const months = await page.locator('#on-time tbody th').allTextContents()
    assert.equal(months.length, 12)
    const thisMonth = new Date().toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'Europe/London' })
    assert.equal(months[0]?.trim(), thisMonth, 'newest month first')
    await axe()
  })

  test('a mistake on the form is reported accessibly', async (page) => {
    await page.getByRole('button', { name: 'Log a request' }).click()
    await page.waitForURL(/\/staff\/foi\/new$/)
    await axe()
    await page.getByRole('button', { name: 'Log request' }).click()
    assert.equal(await page.locator('.govuk-error-summary').isVisible(), true)
    assert.match(await page.title(), /^Error: /)
    await axe()
  })

  test('log a request', async (page) => {
    await fillDate('2024-06-03')
    await page.getByLabel('Requester’s name').fill('Harriet Pageflow')
    await page.getByLabel('Email or postal address to reply to').fill('harriet@example.net')
    await page.getByLabel('Subject (optional)').fill('The WAIS medium risk service')
    await page.getByLabel('Questions').fill('1. What is the value of the WAIS contract?\n2. Until when does it run?')
    await page.getByRole('button', { name: 'Log request' }).click()
    await page.waitForURL(/\/staff\/foi\/\d+$/)
    assert.equal(await page.locator('h1').textContent(), 'Request 1/24')
    assert.equal(await page.locator('#deadline').textContent(), '1 July 2024')
    await axe()
  })

  test('ask for clarification, then record the reply: a new 20 working days', async (page) => {
    await page.getByRole('link', { name: 'Ask for clarification' }).click()
    await axe()
    await fillDate('2024-06-04')
    await page.getByRole('button', { name: 'Record request for clarification' }).click()
    assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /Enter what the requester was asked/)
    await page.getByLabel('What the requester was asked').fill('Which financial years do you mean?')
    await page.getByRole('button', { name: 'Record request for clarification' }).click()
    await page.waitForURL(/\/staff\/foi\/\d+$/)
    assert.match((await page.locator('#clock-stopped').textContent()) ?? '', /stopped on 4 June 2024/)
    await axe()
    await page.getByRole('link', { name: 'Record the requester’s reply' }).click()
    await fillDate('2024-06-10')
    await page.getByLabel('Their reply').fill('2014/15 and 2015/16')
    await page.getByRole('button', { name: 'Record reply' }).click()
    await page.waitForURL(/\/staff\/foi\/\d+$/)
    assert.match(
      (await page.locator('#clarification').textContent()) ?? '',
      /Which financial years[\s\S]*2014\/15 and 2015\/16/,
    )
    assert.equal(await page.locator('#deadline').textContent(), '8 July 2024')
  })

  test('answer the questions, one with the register’s own figure', async (page) => {
    await page.getByRole('link', { name: 'Answer question 1' }).click()
    assert.equal(await page.locator('h1').textContent(), 'Question 1 of 2')
    await axe()
    // What was typed stays, and each fact used is added to it: one answer combines several register facts.
    await page.getByLabel('Answer', { exact: true }).fill('The register holds these awards.')
    await page
      .locator('#found-awards')
      .getByRole('button', { name: /^Use in answer for £86,000\.00 to Women’s Aid Integrated Services$/ })
      .click()
    await page.waitForLoadState('load')
    assert.match(
      await page.getByLabel('Answer', { exact: true }).inputValue(),
      /^The register holds these awards\.\n\n£86,000.00 to Women’s Aid Integrated Services/,
    )
    const second = page
      .locator('#found-awards')
      .getByRole('button', { name: /^Use in answer for / })
      .nth(1)
    if (await second.count()) {
      await second.click()
      await page.waitForLoadState('load')
      const parts = (await page.getByLabel('Answer', { exact: true }).inputValue()).split('\n\n')
      assert.equal(parts.length, 3)
    }
    assert.equal(await page.getByLabel('Register page (optional)').inputValue(), '/decisions/nottinghamshire-10653')
    await page.getByRole('button', { name: 'Save answer' }).click()
    await page.waitForURL(/\/staff\/foi\/\d+#questions$/)

    await page.getByRole('link', { name: 'Answer question 2' }).click()
    await page.getByLabel('Answer', { exact: true }).fill('It is funded until March 2016.')
    await page.getByRole('button', { name: 'Save answer' }).click()
    await page.waitForURL(/\/staff\/foi\/\d+#questions$/)
    await axe()
  })

  test('record the response and publish it', async (page) => {
    await page.getByRole('link', { name: 'Record the response' }).click()
    await fillDate('2024-06-20')
    await page.getByLabel('Information released in full').check()
    await axe()
    await page.getByRole('button', { name: 'Record response' }).click()
    await page.waitForURL(/\/staff\/foi\/\d+$/)
    await page.getByRole('link', { name: 'Publish to the disclosure log' }).click()
    await fillDate('2024-06-24')
    await axe()
    await page.getByRole('button', { name: 'Publish' }).click()
    await page.waitForURL(/\/staff\/foi\/\d+$/)
    assert.match(
      (await page.locator('#publication').textContent()) ?? '',
      /Published on 24 June 2024, 2 working days after the response/,
    )
    await axe()
  })

  test('find it in the public disclosure log, without the requester', async (page) => {
    const visitor = await e2e.newPage()
    page = visitor
    await page.goto(`${e2e.baseUrl}/disclosure-log`)
    await axe()
    await page.getByLabel('Search words').fill('WAIS contract')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.waitForURL(/q=WAIS/)
    await page.getByRole('link', { name: '1/24' }).click()
    await page.waitForURL(/\/disclosure-log\/nottinghamshire-1-24$/)
    assert.equal(await page.locator('h1').textContent(), 'The WAIS medium risk service')
    const text = (await page.locator('main').textContent()) ?? ''
    assert.match(text, /What is the value of the WAIS contract\?/)
    assert.match(text, /£86,000.00 to Women’s Aid Integrated Services/)
    assert.doesNotMatch(text, /Harriet|harriet@example\.net/)
    await axe()
  })
})
