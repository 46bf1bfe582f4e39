import { describe } from 'node:test'
import assert from 'node:assert/strict'
import { accessibilityViolations } from '../support/browser.ts'
import { e2eSetUp } from '../support/e2e.ts'

/** Partners' contributions run in 2022/23 in the demonstration register, and awards do too in 2023/24. */
const PAGES = ['/charts?year=2022', '/charts?year=2023', '/charts']

describe('the charts in Chromium', () => {
  const e2e = e2eSetUp()
  const test = e2e.test

  const pageWidth = () => e2e.page.evaluate(() => document.documentElement.scrollWidth)

  /** Every label of the flow diagram lies inside its own box, and its text is at least `min` px high on screen. */
  const labelProblems = (min: number) =>
    e2e.page.evaluate((minPx) => {
      const problems: string[] = []
      const svg = document.querySelector<SVGSVGElement>('svg.app-chart--flow')
      if (!svg) return ['no flow diagram']
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
      const fontSize = Number(svg.getAttribute('font-size'))
      if (fontSize * scale < minPx) problems.push(`text ${(fontSize * scale).toFixed(1)} px`)
      for (const group of svg.querySelectorAll('g')) {
        const box = group.querySelector('rect')!.getBBox()
        for (const text of group.querySelectorAll('text')) {
          const t = text.getBBox()
          if (t.x < box.x || t.y < box.y || t.x + t.width > box.x + box.width || t.y + t.height > box.y + box.height)
            problems.push(`"${text.textContent}" leaves its box`)
        }
      }
      return problems
    }, min)

  for (const width of [390, 1280]) {
    test(`at ${width} px the charts fit the page, the flow is labelled and legended, and axe finds nothing`, async (page) => {
      await page.setViewportSize({ width, height: 900 })
      for (const path of PAGES) {
        await page.goto(`${e2e.baseUrl}${path}`)
        assert.ok((await pageWidth()) <= width, `${path} is no wider than the screen`)
        const legend = page.locator('#flow-legend')
        assert.ok(await legend.isVisible(), `${path} has a legend`)
        assert.match((await legend.textContent()) ?? '', /(Blue|Purple): /)
        assert.deepEqual(await labelProblems(12), [], path)
        const table = await page.locator('#flow-table').boundingBox()
        const chart = await page.locator('svg.app-chart--flow').boundingBox()
        if (width === 390) assert.ok(table!.y < chart!.y, `${path}: the table comes before the chart on a phone`)
        else assert.ok(chart!.y < table!.y, `${path}: the chart comes first on a desktop`)
        for (const id of ['chart-serviceType', 'chart-provider', 'chart-area']) {
          if (!(await page.locator(`#${id}-table`).count())) continue
          const spendTable = await page.locator(`#${id}-table`).boundingBox()
          const spendChart = await page.locator(`svg[aria-labelledby^="${id}-title"]`).boundingBox()
          if (spendTable && spendChart && width === 390) assert.ok(spendTable.y < spendChart.y, `${path}: ${id}`)
        }
        assert.equal(await page.getByRole('link', { name: /picture of the flow of money \(SVG\)/ }).count(), 1)
        assert.equal(await page.getByRole('link', { name: /figures of the flow of money \(CSV\)/ }).count(), 1)
        assert.deepEqual(await accessibilityViolations(page), [], path)
      }
    })
  }

  test('an office’s charts fit a phone and keep the flow’s legend', async (page) => {
    await page.setViewportSize({ width: 390, height: 900 })
    await page.goto(`${e2e.baseUrl}/offices`)
    const office = await page.locator('a[href^="/offices/"]').first().getAttribute('href')
    await page.goto(`${e2e.baseUrl}${office}/charts?year=2022`)
    assert.ok((await pageWidth()) <= 390)
    assert.deepEqual(await accessibilityViolations(page), [])
  })
})
