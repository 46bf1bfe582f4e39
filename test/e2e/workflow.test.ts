import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import type { Role } from '../../src/domain/roles.ts'
import { accessibilityCheckedOncePerPath } from '../support/browser.ts'
import { E2E_PASSWORD, e2eSetUp, signIn } from '../support/e2e.ts'

const PEOPLE: Array<[string, Role]> = [
  ['officer', 'officer'],
  ['finance', 'finance_officer'],
  ['ceo', 'chief_executive'],
  ['pcc', 'decision_maker'],
]

describe('the decision workflow in Chromium', () => {
  const e2e = e2eSetUp({
    accounts: PEOPLE.map(([name, role]) => ({ email: `${name}@e2e.example`, name: `E2E ${name}`, roles: [role] })),
  })
  const pages: Record<string, Page> = {}
  /** Every distinct page of the journey is checked with axe once. */
  const axe = accessibilityCheckedOncePerPath()

  before(async () => {
    for (const [name] of PEOPLE) {
      const page = await e2e.newPage()
      await page.goto(`${e2e.baseUrl}/staff`)
      await axe(page)
      await signIn(page, `${name}@e2e.example`, E2E_PASSWORD, `${e2e.baseUrl}/staff`)
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

  /** Completes every required section: finance, areas, one award (or none), classification. */
  async function addAwards(url: string, award = true): Promise<void> {
    const page = pages.officer!
    await page.goto(`${url}/finance`)
    await page.getByRole('radio', { name: 'Revenue' }).check()
    await page.getByRole('radio', { name: 'Yes' }).check()
    await page.getByLabel('Total stated in the notice (optional)').fill('23,966')
    await page.getByRole('button', { name: 'Save and return to the task list' }).click()
    await page.waitForURL(/saved=finance/)
    await page.goto(`${url}/areas`)
    await page.getByRole('checkbox', { name: /Ashfield/ }).check()
    await page.getByRole('button', { name: 'Save and return to the task list' }).click()
    await page.waitForURL(/saved=areas/)
    await page.goto(`${url}/awards`)
    if (award) {
      await page.getByRole('link', { name: /Add (an|another) award/ }).click()
      await page.getByLabel('Who receives the money').fill("Juno Women's Aid")
      await page.getByLabel('Amount in pounds').fill('23,966')
      await page.getByRole('radio', { name: 'A one-off amount' }).check()
      await page.getByRole('radio', { name: 'Financial years' }).check()
      await page.getByLabel('First financial year').selectOption({ label: '2025/26' })
      await page.getByLabel('Funding stream').selectOption({ index: 1 })
      await page.getByRole('radio', { name: 'Framework call-off' }).check()
      await page.getByLabel('Purpose').fill('Night-time car patrols')
      await page.getByRole('button', { name: 'Save award' }).click()
      await page.waitForURL(/awards\?added=1/)
    }
    await page.getByRole('radio', { name: 'Yes, I have completed this section' }).check()
    await page.getByRole('button', { name: 'Save and return to the task list' }).click()
    await page.waitForURL(url)
    await page.goto(`${url}/classification`)
    await page.getByRole('radio', { name: 'No, it can all be published' }).check()
    await page.getByRole('button', { name: 'Save and continue' }).click()
    await page.waitForURL(/saved=classification/)
  }

  async function submit(url: string): Promise<void> {
    const page = pages.officer!
    await page.goto(url)
    await page.getByRole('link', { name: 'Check and submit for sign-off' }).click()
    await axe(page)
    await page.getByRole('button', { name: 'Submit for sign-off' }).click()
    await page.waitForURL(`${url}?done=submitted`)
    await axe(page)
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
    await page.waitForURL(new RegExp(`${url}\\?done=`))
    await axe(page)
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
    await page.waitForURL(/done=published/)
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Decision \d{4}\.\d{3} published/)
    await page.getByRole('link', { name: 'View it in the public register' }).click()
    await page.waitForURL(/\/decisions\/nottinghamshire-\d{4}-\d{3}$/)
    await axe(page)
    assert.equal(await page.locator('#awards-total').textContent(), '£23,966')
    await page.getByRole('link', { name: 'Printable notice of decision' }).click()
    await axe(page)
    assert.match((await page.locator('main').textContent()) ?? '', /Chief Executive: E2E ceo\. Signed off on/)
  })

  test('a return for changes, then a rejection with reasons', async () => {
    const url = await draft('Helpline pilot')
    await addAwards(url, false)
    await submit(url)
    await signOff('finance', url, /Return to the author/, 'Add the cost of the helpline')
    const officer = pages.officer!
    await officer.goto(url)
    assert.match(
      (await officer.locator('main').textContent()) ?? '',
      /Returned for changes: Add the cost of the helpline/,
    )
    await submit(url)
    await signOff('finance', url, /^Approve$/)
    await signOff('ceo', url, /^Approve$/)
    await signOff('pcc', url, /^Reject$/, 'The helpline is already funded nationally', true)
    await officer.goto(url)
    assert.match(
      (await officer.locator('main').textContent()) ?? '',
      /Rejected: The helpline is already funded nationally/,
    )
    assert.equal(await officer.locator('#decision-status .govuk-tag').innerText(), 'Rejected')
    await axe(officer)
    await officer.goto(`${e2e.baseUrl}/staff/decisions`)
    assert.match(await officer.locator('#to-publish').innerText(), /Helpline pilot\s+Rejected/)
    await officer.goto(url)
    await officer.getByRole('link', { name: 'Check and publish' }).click()
    assert.match(
      await officer.locator('#public-version').innerText(),
      /Rejected\s[\s\S]*Reasons for rejecting: The helpline is already funded nationally/,
    )
    await axe(officer)
  })

  test('after signing, the finance officer reads what comes next, not who else may sign', async () => {
    const url = await draft('Outreach review')
    await addAwards(url, false)
    await submit(url)
    await signOff('finance', url, /^Approve$/)
    await pages.finance!.goto(url)
    assert.equal(await pages.finance!.locator('#sign-link').count(), 0)
    assert.doesNotMatch((await pages.finance!.locator('main').textContent()) ?? '', /Only a chief executive/)
    await pages.finance!.goto(`${url}?done=finance`)
    assert.match(
      await pages.finance!.locator('.govuk-notification-banner').innerText(),
      /You gave the finance sign-off\s+The decision now waits for the chief executive’s approval/,
    )
  })
})
