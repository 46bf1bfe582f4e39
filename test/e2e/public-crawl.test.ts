import { describe } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { accessibilityViolations } from '../support/browser.ts'
import { e2eSetUp } from '../support/e2e.ts'

const WIDTHS = [320, 390, 768, 1280, 1920]
/** axe at the narrowest and a desktop width: what it checks (names, contrast, structure) does not change in between. */
const AXE_WIDTHS = new Set([320, 1280])
/** Detail pages of one kind share a template: a few of each are enough. */
const PER_SECTION = 3
/** Pages reached only with a query, besides every page found by following links. */
const WITH_QUERIES = [
  '/ledger?view=years',
  '/ledger?year=2024',
  '/?q=refuge',
  '/?q=domestic+abuse+services',
  '/pipeline?on=2018-05-01',
  '/charts?year=2024',
]
/** Not HTML pages: downloads, feeds, documents and the JSON API. */
const NOT_PAGES = /\.(csv|json|atom|pdf|svg)$|\/document$|^\/api\/v1|^\/staff|^\/health$|^\/downloads\//

/** Every public page, found by following the links of the public pages from the home page. */
async function publicPages(page: Page, baseUrl: string): Promise<string[]> {
  const seen = new Set<string>(['/', ...WITH_QUERIES])
  const queue = ['/']
  while (queue.length) {
    const path = queue.shift()!
    await page.goto(`${baseUrl}${path}`)
    const hrefs = await page.$$eval('a[href^="/"]', (links) => links.map((a) => a.getAttribute('href') ?? ''))
    for (const href of hrefs) {
      // An alert form is one page per thing followed, named by its query; elsewhere a query is a filter of the same page.
      const withoutFragment = href.split('#')[0]!
      const bare = withoutFragment.startsWith('/alerts/new') ? withoutFragment : withoutFragment.split('?')[0]!
      if (!bare || NOT_PAGES.test(bare) || seen.has(bare)) continue
      const section = /^\/[^/]+\/[^/]+/.test(bare) ? bare.split('/')[1] : null
      if (section && [...seen].filter((p) => p.startsWith(`/${section}/`)).length >= PER_SECTION) continue
      seen.add(bare)
      queue.push(bare)
    }
  }
  return [...seen].sort()
}

describe('every public page in Chromium at phone, tablet, desktop and wide widths', () => {
  const e2e = e2eSetUp()
  const test = e2e.test

  test('no public page is wider than its screen, and axe finds nothing', async (page) => {
    const pages = await publicPages(page, e2e.baseUrl)
    assert.ok(pages.length >= 25, `only ${pages.length} pages found: ${pages.join(' ')}`)
    for (const required of ['/accessibility', '/privacy', '/cookies', '/contact', '/freedom-of-information', '/status'])
      assert.ok(pages.includes(required), `${required} is not linked`)
    const problems: string[] = []
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 })
      for (const path of pages) {
        const response = await page.goto(`${e2e.baseUrl}${path}`)
        if ((response?.status() ?? 0) >= 400) {
          problems.push(`${path}: status ${response?.status()}`)
          continue
        }
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
        if (scrollWidth > width) problems.push(`${path} at ${width} px is ${scrollWidth} px wide`)
        if (!AXE_WIDTHS.has(width)) continue
        for (const violation of await accessibilityViolations(page))
          problems.push(`${path} at ${width} px: ${violation}`)
      }
    }
    assert.deepEqual(problems, [])
  })

  test('the footer lists each link once, and service status is a page', async (page) => {
    await page.goto(`${e2e.baseUrl}/`)
    const hrefs = await page.locator('footer a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    assert.deepEqual(hrefs, [...new Set(hrefs)])
    await page.locator('footer').getByRole('link', { name: 'Service status' }).click()
    await page.waitForURL(/\/status$/)
    assert.equal(await page.locator('h1').textContent(), 'Service status')
    assert.match((await page.locator('#status-panel').textContent()) ?? '', /is working/)
  })
})

describe('printing a notice of decision', () => {
  const e2e = e2eSetUp()
  const test = e2e.test

  test('prints the notice without the site around it, in one or two pages', async (page) => {
    await page.goto(`${e2e.baseUrl}/decisions/essex-pcc036-18/notice`)
    await page.emulateMedia({ media: 'print' })
    for (const chrome of ['header.govuk-template__header', '.govuk-breadcrumbs', 'footer.govuk-footer'])
      assert.equal(await page.locator(chrome).isVisible(), false, chrome)
    assert.equal(await page.locator('.app-notice h1').isVisible(), true)
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1')
    const pages = pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0
    assert.ok(pages >= 1 && pages <= 2, `${pages} pages`)
  })
})
