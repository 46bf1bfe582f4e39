import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { openTestDatabase, testEngines, type TestDatabase } from '../../../../../support/database.ts'
import { startApp, type RunningApp } from '../../../../../support/server.ts'


const REJECTED = 'nottinghamshire-2021-021'
const IMPORTED = 'nottinghamshire-2024-006'

for (const engine of testEngines()) {
  describe(`decision outcomes on the public register on ${engine}`, () => {
    let t: TestDatabase
    let app: RunningApp
    const pdf = Buffer.from('%PDF-1.4\n' + 'x'.repeat(48_000))
    before(async () => {
      t = await openTestDatabase(engine, { demo: true })
      const db = t.database.db
      const rejected = await db.selectFrom('decisions').select('id').where('slug', '=', REJECTED).executeTakeFirstOrThrow()
      await db.deleteFrom('sign_offs').where('decision_id', '=', rejected.id).execute()
      await db
        .insertInto('sign_offs')
        .values([
          { decision_id: rejected.id, stage: 'finance', outcome: 'approved', signer_name: 'A Finance', signer_title: 'Chief Finance Officer', signed_on: '2021-03-01' },
          {
            decision_id: rejected.id,
            stage: 'decision_maker',
            outcome: 'rejected',
            signer_name: 'A Commissioner',
            signer_title: 'Police and Crime Commissioner',
            signed_on: '2021-03-09',
            comment: 'The service duplicates one the council already funds.',
          },
        ])
        .execute()
      const document = await db
        .insertInto('documents')
        .values({
          sha256: createHash('sha256').update(pdf).digest('hex'),
          file_name: '2024.006 decision notice.pdf',
          media_type: 'application/pdf',
          size_bytes: pdf.length,
          content: pdf,
          text: 'text',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await db
        .updateTable('decisions')
        .set({ status: 'imported', source_document_id: document.id })
        .where('slug', '=', IMPORTED)
        .execute()
      app = await startApp(t.database)
    })
    after(async () => {
      await app.stop()
      await t.dispose()
    })
    const get = (path: string) => fetch(`${app.baseUrl}${path}`)
    const text = async (path: string) =>
      (await (await get(path)).text())
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')

    test('the register lists each decision with its outcome as a tag', async () => {
      const html = await (await get('/')).text()
      const tags = [...html.matchAll(/<strong class="govuk-tag [^"]*app-outcome-tag">([^<]+)</g)].map((m) => m[1])
      assert.deepEqual([...new Set(tags)].sort(), ['Approved', 'Imported from a published document', 'Rejected'])
      assert.match(html, /govuk-tag--red app-outcome-tag">Rejected/)
    })

    test('a rejected decision says so, gives the reasons and never reads “Approved”', async () => {
      for (const path of [`/decisions/${REJECTED}`, `/decisions/${REJECTED}/notice`]) {
        const body = await text(path)
        assert.match(body, /Rejected/, path)
        assert.match(body, /The service duplicates one the council already funds\./, path)
        assert.doesNotMatch(body, /Approved/, path)
      }
      assert.match(await text(`/decisions/${REJECTED}`), /Chief Finance Officer A Finance Signed off/)
      const pdfResponse = await get(`/decisions/${REJECTED}/notice.pdf`)
      assert.equal(pdfResponse.status, 200)
    })

    test('an imported record links its original document, has no generated notice and no error tags', async () => {
      const html = await (await get(`/decisions/${IMPORTED}`)).text()
      assert.match(html, /Imported from a published document/)
      assert.match(html, /href="\/decisions\/nottinghamshire-2024-006\/document"/)
      assert.match(html, /\(PDF, 47 KB\)/)
      assert.doesNotMatch(html, /Status: Imported|>Imported</)
      assert.doesNotMatch(html, /govuk-tag--red|>Error</)
      assert.doesNotMatch(html, /\/notice/)
      assert.match(html, /Notes on the published document/)
      assert.equal((await get(`/decisions/${IMPORTED}/notice`)).status, 404)
      assert.equal((await get(`/decisions/${IMPORTED}/notice.pdf`)).status, 404)
      const document = await get(`/decisions/${IMPORTED}/document`)
      assert.equal(document.status, 200)
      assert.equal(document.headers.get('content-type'), 'application/pdf')
      assert.deepEqual(Buffer.from(await document.arrayBuffer()), pdf)
      assert.equal((await get(`/decisions/${REJECTED}/document`)).status, 404)
    })

    test('year filters come from the data and a page past the end shows the last page', async () => {
      const html = await (await get('/')).text()
      const years = [...html.matchAll(/<option value="(\d{4})"/g)].map((m) => Number(m[1]))
      assert.ok(years.includes(2013) && years.includes(2018), String(years))
      assert.ok(!years.includes(2026), String(years))
      const far = await fetch(`${app.baseUrl}/?page=99999`, { redirect: 'manual' })
      assert.equal(far.status, 302)
      assert.equal(far.headers.get('location'), '/?page=1')
    })
  })
}
