import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { ImportService } from '../../../../src/services/imports/index.ts'
import { testEngines } from '../../../support/database.ts'
import { ImportClient } from '../../../support/import-client.ts'
import { startApp } from '../../../support/server.ts'
import { STAFF_PASSWORD } from '../../../support/staff.ts'
import { CUMBRIA, importReviewSetUp, uploadCumbria } from '../../../support/import-review.ts'

for (const engine of testEngines()) {
  describe(`import review in the staff area on ${engine}`, () => {
    const { t, app, officer } = importReviewSetUp(engine)
    let reviewPath = ''

    test('the pages need an officer', async () => {
      const anonymous = new ImportClient(app.baseUrl)
      for (const path of ['/staff/imports', '/staff/imports/upload']) {
        const response = await anonymous.get(path)
        assert.equal(response.status, 302)
        assert.match(response.headers.get('location') ?? '', /^\/staff\/sign-in/)
      }
      const finance = new ImportClient(app.baseUrl)
      await finance.signIn('finance@test.example', STAFF_PASSWORD)
      assert.equal((await finance.get('/staff/imports')).status, 403)
    })

    test('an upload without its CSRF token is refused and stores nothing', async () => {
      const response = await officer.upload('notice.txt', readFileSync(CUMBRIA), 'text/plain', { csrf: false })
      assert.equal(response.status, 403)
      const documents = await t.database.db.selectFrom('documents').select('id').execute()
      assert.equal(documents.length, 0)
    })

    test('a file that cannot be read is refused on the upload page with the reason', async () => {
      const response = await officer.upload(
        'scan.png',
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]),
        'image/png',
      )
      assert.equal(response.status, 400)
      const html = await response.text()
      assert.match(html, /There is a problem/)
      assert.match(html, /The document cannot be imported: unsupported file type: a PNG image/)
      const empty = await officer.upload('empty.txt', new Uint8Array(), 'text/plain')
      assert.equal(empty.status, 400)
      assert.match(await empty.text(), /the file is empty|Choose a document to upload/)
    })

    test('a file over the limit is refused before it is stored', async () => {
      const small = await startApp(t.database, { imports: new ImportService(t.database, { maxBytes: 1024 }) })
      try {
        const client = new ImportClient(small.baseUrl)
        await client.signIn('importer@test.example', STAFF_PASSWORD)
        const response = await client.upload('big.txt', new Uint8Array(4096).fill(65), 'text/plain')
        assert.equal(response.status, 400)
        assert.match(await response.text(), /The file is too large: the limit is 0 MB|The file is too large/)
      } finally {
        await small.stop()
      }
      assert.equal((await t.database.db.selectFrom('documents').select('id').execute()).length, 0)
    })

    test('uploading a document shows the record beside its source, each value’s line highlighted and findings beside the values', async () => {
      const response = await uploadCumbria(officer)
      assert.equal(response.status, 302)
      const location = response.headers.get('location') ?? ''
      assert.match(location, /^\/staff\/imports\/\d+\?uploaded=1$/)
      reviewPath = location.replace(/\?.*$/, '')
      const page = await officer.get(location)
      assert.equal(page.status, 200)
      const html = await page.text()
      assert.match(html, /<h1 class="govuk-heading-l">Check the imported record<\/h1>/)
      assert.match(
        html,
        /<li id="line-9"><mark class="app-highlight" data-line="9">TITLE: Independent Sexual Violence Adviser service for Barrow and Carlisle<\/mark>/,
      )
      assert.match(html, /id="title-hint"[^>]*>\s*From <a class="govuk-link" href="#line-9">line 9<\/a>/)
      assert.match(
        html,
        /id="findings-total"[\s\S]*?The awards add to £59,500\.00 but the document states a total of £60,000\.00[\s\S]*?href="#line-15"/,
      )
      assert.match(html, /id="award-2"[\s\S]*?href="#line-19"/)
      assert.doesNotMatch(html, /u00a0/, 'a blank source line is blank, not the text of an escape')
      assert.match(html, /<li id="line-\d+">&nbsp;<\/li>/)
      const list = await (await officer.get('/staff/imports')).text()
      assert.match(list, /Independent Sexual Violence Adviser service for Barrow and Carlisle/)
      assert.match(list, /1 error/)
      const original = await officer.get(`${reviewPath}/document`)
      assert.equal(original.status, 200)
      assert.equal(await original.text(), readFileSync(CUMBRIA, 'utf8'))
      assert.match(original.headers.get('content-type') ?? '', /^text\/plain/)
      assert.match(
        original.headers.get('content-disposition') ?? '',
        /attachment; filename="?a02-cumbria-isva-notice.txt"?/,
      )
    })

    test('the review page links the original document with its type and size', async () => {
      const html = await (await officer.get(reviewPath)).text()
      assert.match(
        html,
        /<a class="govuk-link" href="\/staff\/imports\/\d+\/document" id="original-document" download>a02-cumbria-isva-notice.txt<\/a> <span[^>]*>\(Text, 1 KB\)<\/span>/,
      )
    })

    test('the same bytes again change nothing', async () => {
      const before = await t.database.db.selectFrom('documents').select('id').execute()
      const response = await uploadCumbria(officer, 'again.txt')
      assert.equal(response.status, 302)
      assert.equal(response.headers.get('location'), `${reviewPath}?unchanged=1`)
      assert.equal((await t.database.db.selectFrom('documents').select('id').execute()).length, before.length)
    })
  })
}
