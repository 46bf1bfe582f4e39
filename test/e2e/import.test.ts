import { describe } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import JSZip from 'jszip'
import { accessibilityViolations } from '../support/browser.ts'
import { e2eSetUp, type E2eAccount, uploadResultRows } from '../support/e2e.ts'

const DOCUMENT = 'fixtures/documents/generated/f01-lincolnshire-small-grants.pdf'
const CUMBRIA = 'fixtures/documents/a02-cumbria-isva-notice.txt'
const SCAN = 'fixtures/documents/generated/f01-lincolnshire-small-grants.scanned.pdf'
const BORSETSHIRE = 'fixtures/documents/a03-borsetshire-stalking-budget.txt'

const IMPORTER: E2eAccount = { email: 'importer@e2e.example', name: 'E2E Importer', roles: ['officer'] }

describe('importing a document in Chromium', () => {
  const e2e = e2eSetUp({ accounts: [IMPORTER], signIn: { at: '/staff/imports' } })
  const test = e2e.test

  test('the list of records awaiting review passes axe', async (page) => {
    assert.equal(await page.locator('h1').textContent(), 'Imported documents awaiting review')
    assert.equal(await page.locator('#none-awaiting').count(), 1)
    assert.deepEqual(await accessibilityViolations(page), [])
  })

  test('an officer uploads a PDF and sees the record beside its source, the title’s line highlighted', async (page) => {
    await page.getByRole('link', { name: 'Upload a document' }).click()
    await page.waitForURL(/\/staff\/imports\/upload$/)
    assert.deepEqual(await accessibilityViolations(page), [])
    await page.getByLabel('Document').setInputFiles(DOCUMENT)
    await page.getByRole('button', { name: 'Upload and read' }).click()
    await page.waitForURL(/\/staff\/imports\/\d+\?uploaded=1$/)
    assert.equal(await page.locator('h1').textContent(), 'Check the imported record')
    assert.equal(await page.getByLabel('Title').inputValue(), 'Community Safety Small Grants Round 2023/24')

    const link = page.locator('#title-hint a')
    const href = (await link.getAttribute('href')) ?? ''
    assert.match(href, /^#line-\d+$/)
    await link.click()
    await page.waitForURL(new RegExp(`${href}$`))
    const line = page.locator(`li${href} mark.app-highlight`)
    assert.equal(await line.count(), 1)
    assert.match((await line.textContent()) ?? '', /Community Safety Small Grants Round 2023\/24/)
    assert.ok(await line.isVisible())
    assert.deepEqual(await accessibilityViolations(page), [])
  })

  test('a mistake is shown in the error summary and the page passes axe', async (page) => {
    await page.getByLabel('Title').fill('')
    await page.getByRole('button', { name: 'Confirm record' }).click()
    await page.locator('.govuk-error-summary').waitFor()
    assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /Enter the title/)
    assert.deepEqual(await accessibilityViolations(page), [])
  })

  test('correcting a value and confirming puts the record in the public register', async (page) => {
    await page.getByLabel('Title').fill('Community safety small grants, round 2023/24')
    await page.getByRole('button', { name: 'Confirm record' }).click()
    await page.waitForURL(/\/staff\/imports\?confirmed=/)
    assert.match((await page.locator('.govuk-notification-banner').textContent()) ?? '', /Record confirmed/)
    assert.deepEqual(await accessibilityViolations(page), [])

    await page.getByRole('link', { name: 'See it in the public register' }).click()
    await page.waitForURL(/\/decisions\/lincolnshire-lpcc-dn-2023-031$/)
    assert.equal(await page.locator('h1').textContent(), 'Community safety small grants, round 2023/24')

    await page.goto(`${e2e.baseUrl}/`)
    await page.getByLabel('Search words').fill('small grants')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.waitForURL(/q=small/)
    assert.deepEqual(await page.locator('table.govuk-table tbody tr td:first-child').allTextContents(), [
      'LPCC-DN-2023-031',
    ])
  })
})

const BULK: E2eAccount = { email: 'bulk@e2e.example', name: 'Bea Bulk', roles: ['officer'] }

describe('bulk upload and acknowledging an Error finding in Chromium', () => {
  const e2e = e2eSetUp({ accounts: [BULK], signIn: { at: '/staff/imports/upload' } })
  const test = e2e.test

  test('several files uploaded at once give a results table: imported, unchanged and failed with the reason', async (page) => {
    await page.getByLabel('Documents').setInputFiles([DOCUMENT])
    await page.getByRole('button', { name: 'Upload and read' }).click()
    await page.waitForURL(/\/staff\/imports\/\d+\?uploaded=1$/)

    await page.goto(`${e2e.baseUrl}/staff/imports/upload`)
    await page.getByLabel('Documents').setInputFiles([
      { name: 'a02-cumbria-isva-notice.txt', mimeType: 'text/plain', buffer: readFileSync(CUMBRIA) },
      { name: 'f01-lincolnshire-small-grants.pdf', mimeType: 'application/pdf', buffer: readFileSync(DOCUMENT) },
      { name: 'scan.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]) },
    ])
    await page.getByRole('button', { name: 'Upload and read' }).click()
    // The page follows the reading in place (bulk-upload.js), and shows the summary when every document is read
    await page.locator('#upload-summary').waitFor()
    assert.equal(await page.locator('h1').textContent(), 'Documents uploaded')
    const rows = await uploadResultRows(page)
    assert.deepEqual(
      rows.map((r) => r.slice(0, 2)),
      [
        ['a02-cumbria-isva-notice.txt', 'Imported'],
        ['f01-lincolnshire-small-grants.pdf', 'Unchanged'],
        [
          'scan.png',
          'Failed Unsupported file type: a PNG image (supported types are PDF, Word (.docx), HTML and plain text)',
        ],
      ],
    )
    assert.match(rows[0]![2]!, /Independent Sexual Violence Adviser service for Barrow and Carlisle/)
    assert.equal(rows[2]![2], 'None')
    assert.match((await page.locator('#upload-summary').textContent()) ?? '', /3 documents: 1 imported, 1 unchanged/)
    assert.deepEqual(await accessibilityViolations(page), [])
  })

  test('a ZIP archive of a folder gives one result per document in it, by its path in the archive', async (page) => {
    const zip = new JSZip()
    zip.file('2019/a03-borsetshire-stalking-budget.txt', readFileSync(BORSETSHIRE))
    zip.file('2019/a02-cumbria-isva-notice.txt', readFileSync(CUMBRIA))
    zip.file('2019/.DS_Store', 'finder')
    zip.file('2019/budget.xlsx', 'not a document')
    await page.goto(`${e2e.baseUrl}/staff/imports/upload`)
    await page.getByLabel('Documents').setInputFiles({
      name: 'archive.zip',
      mimeType: 'application/zip',
      buffer: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
    })
    await page.getByRole('button', { name: 'Upload and read' }).click()
    // The page follows the reading in place (bulk-upload.js), and shows the summary when every document is read
    await page.locator('#upload-summary').waitFor()
    const rows = await uploadResultRows(page)
    assert.deepEqual(
      rows.map((r) => r.slice(0, 2)),
      [
        ['archive.zip/2019/a02-cumbria-isva-notice.txt', 'Unchanged'],
        ['archive.zip/2019/a03-borsetshire-stalking-budget.txt', 'Imported'],
      ],
    )
    assert.match((await page.locator('#upload-summary').textContent()) ?? '', /2 documents: 1 imported, 1 unchanged/)
    assert.deepEqual(await accessibilityViolations(page), [])
  })

  test('the review page links the original document with its type and size', async (page) => {
    await page
      .locator('#upload-results')
      .getByRole('link', { name: /Barrow and Carlisle/ })
      .click()
    await page.waitForURL(/\/staff\/imports\/\d+$/)
    assert.equal(await page.locator('#original-document-type').textContent(), '(Text, 1 KB)')
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#original-document').click()])
    assert.equal(download.suggestedFilename(), 'a02-cumbria-isva-notice.txt')
    assert.equal(readFileSync((await download.path())!, 'utf8'), readFileSync(CUMBRIA, 'utf8'))
  })

  test('an Error finding must be acknowledged with a reason before the record is confirmed', async (page) => {
    await page.getByLabel('Title').fill('ISVA service for Barrow and Carlisle')
    await page.getByRole('button', { name: 'Confirm record' }).click()
    await page.locator('.govuk-error-summary').waitFor()
    assert.match(
      (await page.locator('.govuk-error-summary').textContent()) ?? '',
      /The error: correct the record or acknowledge the error before confirming/,
    )
    assert.equal(await page.getByLabel('Title').inputValue(), 'ISVA service for Barrow and Carlisle')
    assert.deepEqual(await accessibilityViolations(page), [])

    await page.getByLabel('I have checked this error and confirm the record as it stands').check()
    await page.getByRole('button', { name: 'Confirm record' }).click()
    await page.locator('.govuk-error-summary').waitFor()
    assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /The error: give the reason/)
    assert.ok(await page.getByLabel('I have checked this error and confirm the record as it stands').isChecked())
    assert.deepEqual(await accessibilityViolations(page), [])

    await page.getByLabel('Why the record is right as it stands').fill('The notice rounds the total up to £60,000')
    await page.getByRole('button', { name: 'Confirm record' }).click()
    await page.waitForURL(/\/staff\/imports\?confirmed=cumbria-cpcc-2022-014$/)
    assert.match((await page.locator('.govuk-notification-banner').textContent()) ?? '', /Record confirmed/)
  })
})

const SCANS: E2eAccount = { email: 'scans@e2e.example', name: 'Sam Scans', roles: ['officer'] }

describe('a scanned document in Chromium', () => {
  const e2e = e2eSetUp({ accounts: [SCANS], signIn: { at: '/staff/imports' } })
  const test = e2e.test

  test('a scanned PDF is read by OCR, and every value says so beside it', async (page) => {
    await page.goto(`${e2e.baseUrl}/staff/imports/upload`)
    await page.getByLabel('Document').setInputFiles(SCAN)
    // OCR takes a few seconds a page: longer than a click's usual wait for the next page
    await page.getByRole('button', { name: 'Upload and read' }).click({ timeout: 120_000 })
    await page.waitForURL(/\/staff\/imports\/\d+\?uploaded=1$/, { timeout: 60_000 })
    assert.equal(await page.getByLabel('Title').inputValue(), 'Community Safety Small Grants Round 2023/24')
    assert.match((await page.locator('#findings-document').textContent()) ?? '', /read by OCR from one scanned page/)
    assert.match(
      (await page.locator('#title-hint').textContent()) ?? '',
      /Read by OCR from line \d+ of the scanned document: check it against the original\./,
    )
    assert.match((await page.locator('#award-0-source').textContent()) ?? '', /^Read by OCR from line \d+/)
    assert.deepEqual(await accessibilityViolations(page), [])
  })
})
