import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import type { Role } from '../../src/domain/roles.ts'
import { accessibilityViolations } from '../support/browser.ts'
import { e2eSetUp, signIn } from '../support/e2e.ts'

const PASSWORD = 'correct horse battery staple'
const PEOPLE: Array<[string, Role]> = [
  ['officer', 'officer'],
  ['finance', 'finance_officer'],
  ['ceo', 'chief_executive'],
  ['pcc', 'decision_maker'],
]

describe('the decision workflow in Chromium', () => {
  const e2e = e2eSetUp({
    accounts: PEOPLE.map(([name, role]) => ({ email: `${name}@e2e.example`, name: `E2E ${name}`, roles: [role] })),
    password: PASSWORD,
  })
  const pages: Record<string, Page> = {}
  const checked = new Set<string>()

  /** Every distinct page of the journey is checked with axe once. */
  async function axe(page: Page): Promise<void> {
    const key = new URL(page.url()).pathname.replace(/\d+/g, 'N')
    if (checked.has(key)) return
    checked.add(key)
    assert.deepEqual(await accessibilityViolations(page), [], key)
  }

  before(async () => {
    for (const [name] of PEOPLE) {
      const page = await e2e.newPage()
      await page.goto(`${e2e.baseUrl}/staff`)
      await axe(page)
      await signIn(page, `${name}@e2e.example`, PASSWORD, `${e2e.baseUrl}/staff`)
      pages[name] = page
    }
    await axe(pages.officer!)
  })

  async function draft(title: string): Promise<string> {
    const page = pages.officer!
    await page.goto(`${e2e.baseUrl}/staff/decisions`)
    await axe(page)
    await page.getByRole('link', { name: 'Start a new decision' }).click()
    await axe(page)
    await page.getByLabel('Title').fill(title)
    await page.getByLabel('Executive summary').fill(`Summary of ${title}`)
    await page.getByRole('textbox', { name: 'Decision', exact: true }).fill('Approve the funding.')
    await page.getByRole('button', { name: 'Create draft' }).click()
    await page.waitForURL(/\/staff\/decisions\/\d+$/)
    await axe(page)
    return page.url()
  }

  async function addAwards(url: string): Promise<void> {
    const page = pages.officer!
    await page.goto(`${url}/money`)
    await page.getByLabel('Award 1 recipient').fill("Juno Women's Aid")
    await page.getByLabel('Award 1 amount in pounds').fill('23,966')
    await page.getByLabel('Award 1 financial year').selectOption({ label: '2025/26' })
    await page.getByLabel('Award 2 recipient').fill("Nottinghamshire Women's Aid")
    await page.getByLabel('Award 2 amount in pounds').fill('23,047')
    await page.getByLabel('Award 2 financial year').selectOption({ label: '2025/26' })
    await page.waitForFunction(() => document.querySelector('#award-totals tbody')?.textContent?.includes('£47,013.00'))
    await axe(page)
    await page.getByLabel('Total stated in the notice').fill('47,013')
    await page.getByRole('button', { name: 'Save and continue' }).click()
    await page.waitForURL(/saved=1/)
  }

  async function submit(url: string): Promise<void> {
    const page = pages.officer!
    await page.goto(url)
    await page.getByRole('link', { name: 'Check and submit for sign-off' }).click()
    await axe(page)
    await page.getByRole('button', { name: 'Submit for sign-off' }).click()
    await page.waitForURL(url)
  }

  async function signOff(who: string, url: string, outcome: RegExp, comment?: string, declare = false): Promise<void> {
    const page = pages[who]!
    await page.goto(url)
    await page.locator('#sign-link').click()
    await axe(page)
    await page.getByRole('radio', { name: outcome }).check()
    if (comment) await page.getByLabel(/Comment, reasons for rejecting/).fill(comment)
    if (declare) await page.getByRole('radio', { name: /register of interests is up to date/ }).check()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('heading', { name: 'Check your answers' }).waitFor()
    await axe(page)
    await page.getByRole('button', { name: 'Confirm' }).click()
    await page.waitForURL(url)
  }

  test('draft, finance, chief executive, decision maker, publication: four accounts, axe on every page', async () => {
    const url = await draft('Partnership car extension')
    await addAwards(url)
    await submit(url)
    await signOff('finance', url, /^Approve$/)
    await signOff('ceo', url, /^Approve$/)
    await signOff('pcc', url, /^Approve$/, undefined, true)
    const page = pages.officer!
    await page.goto(url)
    await page.getByRole('link', { name: 'Check and publish' }).click()
    await axe(page)
    await page.getByRole('button', { name: 'Publish in the register' }).click()
    await page.waitForURL(/\/decisions\/nottinghamshire-\d{4}-\d{3}$/)
    await axe(page)
    assert.equal(await page.locator('#awards-total').textContent(), '£47,013.00')
    await page.getByRole('link', { name: 'Printable notice of decision' }).click()
    await axe(page)
    assert.match((await page.locator('main').textContent()) ?? '', /Chief Executive: E2E ceo\. Signed off on/)
  })

  test('a return for changes, then a rejection with reasons', async () => {
    const url = await draft('Helpline pilot')
    await submit(url)
    await signOff('finance', url, /Return to the author/, 'Add the cost of the helpline')
    const officer = pages.officer!
    await officer.goto(url)
    assert.match(
      (await officer.locator('main').textContent()) ?? '',
      /Returned for changes: Add the cost of the helpline/,
    )
    await addAwards(url)
    await submit(url)
    await signOff('finance', url, /^Approve$/)
    await signOff('ceo', url, /^Approve$/)
    await signOff('pcc', url, /^Reject$/, 'The helpline is already funded nationally', true)
    await officer.goto(url)
    assert.match(
      (await officer.locator('main').textContent()) ?? '',
      /Rejected: The helpline is already funded nationally/,
    )
    await axe(officer)
  })

  test('the finance officer sees why they cannot sign a decision at another stage', async () => {
    const url = await draft('Outreach review')
    await submit(url)
    await signOff('finance', url, /^Approve$/)
    await pages.finance!.goto(url)
    assert.equal(await pages.finance!.locator('#sign-link').count(), 0)
    assert.match((await pages.finance!.locator('main').textContent()) ?? '', /Only a chief executive/)
  })
})
