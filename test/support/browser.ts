import assert from 'node:assert/strict'
import { AxeBuilder } from '@axe-core/playwright'
import { chromium, type Browser, type Page } from 'playwright-core'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Debian's Chromium, headless, without the background connections this machine's closed network refuses. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** WCAG 2.2 A and AA violations on the page, as readable lines (empty when there are none). */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
}

/**
 * A check that the page has no accessibility violations, made once for each distinct path (its numbers aside):
 * for a journey that passes the same pages again and again.
 */
export function accessibilityCheckedOncePerPath(): (page: Page) => Promise<void> {
  const checked = new Set<string>()
  return async (page) => {
    const key = new URL(page.url()).pathname.replace(/\d+/g, 'N')
    if (checked.has(key)) return
    checked.add(key)
    assert.deepEqual(await accessibilityViolations(page), [], key)
  }
}
