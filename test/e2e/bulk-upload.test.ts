import { describe } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { LAYOUT_SERIES_DIR } from '../../scripts/eval-learning.ts'
import { accessibilityViolations } from '../support/browser.ts'
import { e2eSetUp, type E2eAccount, uploadResultRows } from '../support/e2e.ts'

/** A short council notice of its own reference, so that each of a series is a new record. */
const notice = (n: number) =>
  [
    'KESTON DISTRICT COUNCIL',
    'Decision notice',
    `Reference: KDC/${2024}/${String(n).padStart(3, '0')}`,
    `Title: Community safety small grant ${n}`,
    'Date of decision: 4 March 2024',
    `The Commissioner approves a grant of £${1000 + n},00 to Keston Youth Trust.`,
  ].join('\n')

const ACCOUNT: E2eAccount = { email: 'progress@e2e.example', name: 'Pat Progress', roles: ['officer'] }

describe('bulk upload progress in Chromium', () => {
  const e2e = e2eSetUp({ accounts: [ACCOUNT], signIn: { at: '/staff/imports/upload' } })
  const test = e2e.test

  test('a ZIP of 12 documents is read with "Reading file n of 12" in a live region, then the results table', async (page) => {
    const zip = new JSZip()
    for (let n = 1; n <= 12; n++) zip.file(`notices/kdc-${n}.txt`, notice(n))
    await page.getByLabel('Documents').setInputFiles({
      name: 'notices.zip',
      mimeType: 'application/zip',
      buffer: await zip.generateAsync({ type: 'nodebuffer' }),
    })
    // What the live region says, as it says it
    await page.evaluate(() => {
      const seen: string[] = []
      ;(window as unknown as { seen: string[] }).seen = seen
      const status = document.getElementById('upload-status')!
      new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, {
        childList: true,
        characterData: true,
        subtree: true,
      })
    })
    await page.getByRole('button', { name: 'Upload and read' }).click()
    await page.locator('#upload-summary').waitFor()
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen)
    const counts = seen.flatMap((s) => {
      const m = /^Reading file (\d+) of 12: notices\.zip\/notices\/kdc-\d+\.txt$/.exec(s)
      return m ? [Number(m[1])] : []
    })
    assert.ok(counts.length >= 1, `the page said which file it was reading: ${JSON.stringify(seen)}`)
    assert.deepEqual(
      counts,
      [...counts].sort((a, b) => a - b),
      'the count only goes up',
    )
    assert.equal(await page.locator('#upload-status').getAttribute('aria-live'), 'polite')
    assert.equal(await page.locator('#upload-status').textContent(), 'Read 12 of 12 documents.')
    assert.equal(await page.locator('#upload-progress-bar').evaluate((p: HTMLProgressElement) => p.value), 12)
    assert.equal(await page.locator('h1').textContent(), 'Documents uploaded')
    const rows = await uploadResultRows(page)
    assert.equal(rows.length, 12)
    assert.deepEqual(rows[0]!.slice(0, 2), ['notices.zip/notices/kdc-1.txt', 'Imported'])
    assert.match(rows[0]![2]!, /Community safety small grant 1\b/)
    assert.match((await page.locator('#upload-summary').textContent()) ?? '', /^12 documents: 12 imported, 0 unchanged/)
    assert.deepEqual(await accessibilityViolations(page), [])
  })

  test('several files uploaded again: each is unchanged, and a file that cannot be read fails with its reason', async (page) => {
    await page.goto(`${e2e.baseUrl}/staff/imports/upload`)
    await page.getByLabel('Documents').setInputFiles([
      { name: 'kdc-1.txt', mimeType: 'text/plain', buffer: Buffer.from(notice(1)) },
      { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from('') },
    ])
    await page.getByRole('button', { name: 'Upload and read' }).click()
    await page.locator('#upload-summary').waitFor()
    const rows = await uploadResultRows(page)
    assert.deepEqual(rows[0]!.slice(0, 2), ['kdc-1.txt', 'Unchanged'])
    assert.match(rows[1]![1]!, /^Failed \S/)
    assert.equal(rows[1]![2], 'None')
    assert.equal(await page.locator('#upload-status').textContent(), 'Read 2 of 2 documents.')
    assert.deepEqual(await accessibilityViolations(page), [])
  })

  test('without the script the form still posts and the results page shows the same table', async () => {
    const plain = await e2e.newPage()
    await plain.route('**/static/bulk-upload.js', (route) => route.abort())
    await e2e.signIn(plain, 'progress@e2e.example', '/staff/imports/upload')
    await plain.getByLabel('Documents').setInputFiles([
      { name: 'kdc-2.txt', mimeType: 'text/plain', buffer: Buffer.from(notice(2)) },
      { name: 'kdc-13.txt', mimeType: 'text/plain', buffer: Buffer.from(notice(13)) },
    ])
    await Promise.all([plain.waitForNavigation(), plain.getByRole('button', { name: 'Upload and read' }).click()])
    assert.equal(await plain.locator('h1').textContent(), 'Documents uploaded')
    assert.equal(await plain.locator('#upload-progress').count(), 0)
    const rows = await uploadResultRows(plain)
    assert.deepEqual(
      rows.map((r) => r.slice(0, 2)),
      [
        ['kdc-2.txt', 'Unchanged'],
        ['kdc-13.txt', 'Imported'],
      ],
    )
    assert.deepEqual(await accessibilityViolations(plain), [])
  })

  test("a job's state is only for the person who started it", async () => {
    const other = await e2e.newPage()
    const response = await other.request.get(`${e2e.baseUrl}/staff/imports/upload/jobs/not-a-job`, {
      maxRedirects: 0,
    })
    assert.notEqual(response.status(), 200)
  })
  test('a correction on the review page is learned, and the next document of the layout says where its values came from', async (page) => {
    const series = (file: string) => ({
      name: file,
      mimeType: 'text/plain',
      buffer: readFileSync(join(LAYOUT_SERIES_DIR, file)),
    })
    await page.goto(`${e2e.baseUrl}/staff/imports/upload`)
    await page.getByLabel('Documents').setInputFiles(series('wbc-ph-24-031.txt'))
    await page.getByRole('button', { name: 'Upload and read' }).click()
    await page.waitForURL(/\/staff\/imports\/\d+\?uploaded=1$/)
    assert.equal(await page.locator('.app-learned').count(), 0, 'nothing is learned yet')
    await page.getByLabel('Kind of document').selectOption('decision')
    await page.getByLabel('Reference').fill('WBC/PH/24/031')
    await page.getByLabel('Title').fill('Community safety grants for the Eastgate wards')
    await page.getByLabel('Date of the decision').fill('12 March 2024')
    await page.getByRole('button', { name: 'Confirm record' }).click()
    await page.waitForURL(/\/staff\/imports\?confirmed=/)

    await page.goto(`${e2e.baseUrl}/staff/imports/upload`)
    await page.getByLabel('Documents').setInputFiles(series('wbc-ph-24-044.txt'))
    await page.getByRole('button', { name: 'Upload and read' }).click()
    await page.waitForURL(/\/staff\/imports\/\d+\?uploaded=1$/)
    assert.equal(await page.getByLabel('Reference').inputValue(), 'WBC/PH/24/044')
    assert.equal(await page.getByLabel('Title').inputValue(), 'Night-time economy marshals for the town centre')
    assert.equal(await page.getByLabel('Date of the decision').inputValue(), '3 June 2024')
    const today = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(new Date())
    assert.equal(
      await page.locator('#reference-hint .app-learned').textContent(),
      `Learned from your correction on ${today}: the value after “register entry”.`,
    )
    assert.match(
      (await page.locator('#title-hint').textContent()) ?? '',
      /Learned from your correction on .*“matter determined”/,
    )
    assert.match((await page.locator('#kind-hint').textContent()) ?? '', /every document of this layout is a decision/)
    assert.deepEqual(await accessibilityViolations(page), [])
  })
})
