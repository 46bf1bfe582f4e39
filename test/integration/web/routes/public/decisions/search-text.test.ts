import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { openTestDatabase, testEngines, type TestDatabase } from '../../../../../support/database.ts'
import { startApp, type RunningApp } from '../../../../../support/server.ts'
import { matchesWords } from '../../../../../../src/db/repositories/decisions/decision-search.ts'
import { MATCH_END, MATCH_START, snippetParts } from '../../../../../../src/domain/search-query.ts'


/** The text of a published document an office put out, as the importer keeps it beside the record. */
const DOCUMENT_TEXT = `Decision notice
The commissioner agrees to fund the Quillfeather befriending scheme for older victims of fraud.
<script>alert("snippet")</script> Quillfeather volunteers visit each victim at home. <img src=x onerror=alert(2)>
The scheme runs for one year.`

for (const engine of testEngines()) {
  describe(`searching the text of records and published documents on ${engine}`, () => {
    let t: TestDatabase
    let app: RunningApp

    /** An imported record read from a document holding `text`, public only when reviewed and not confidential. */
    const importedRecord = async (slug: string, text: string, options: { reviewed: boolean; confidential: boolean }) => {
      const db = t.database.db
      const office = await db.selectFrom('offices').select('organisation_id').limit(1).executeTakeFirstOrThrow()
      const content = Buffer.from(text)
      const document = await db
        .insertInto('documents')
        .values({
          sha256: createHash('sha256').update(content).digest('hex'),
          file_name: `${slug}.txt`,
          media_type: 'text/plain',
          size_bytes: content.length,
          content,
          text,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await db
        .insertInto('decisions')
        .values({
          office_id: office.organisation_id,
          reference: `SEARCH/${slug.length}/${slug.slice(0, 3)}`,
          slug,
          title: 'Older victims support',
          status: 'imported',
          review_status: options.reviewed ? 'reviewed' : 'unreviewed',
          classification: options.confidential ? 'confidential' : 'non_confidential',
          exemption: options.confidential ? 's.43' : null,
          date_decided: '2024-05-14',
          source_document_id: document.id,
        })
        .execute()
    }

    before(async () => {
      t = await openTestDatabase(engine, { demo: true })
      await importedRecord('quillfeather-scheme', DOCUMENT_TEXT, { reviewed: true, confidential: false })
      await importedRecord('marrowgate-unreviewed', 'The Marrowgate outreach service.', { reviewed: false, confidential: false })
      await importedRecord('lanternwick-confidential', 'The Lanternwick outreach service.', { reviewed: true, confidential: true })
      app = await startApp(t.database)
    })
    after(async () => {
      await app.stop()
      await t.dispose()
    })

    const page = async (q: string) => (await fetch(`${app.baseUrl}/?q=${encodeURIComponent(q)}`)).text()
    const found = async (q: string) =>
      [...(await page(q)).matchAll(/href="\/decisions\/([a-z0-9-]+)"/g)].map((m) => m[1]!).sort()

    test("an imported record is found by the words of its published document, stemmed", async () => {
      assert.deepEqual(await found('quillfeather'), ['quillfeather-scheme'])
      assert.deepEqual(await found('befriending volunteers'), ['quillfeather-scheme'])
      assert.deepEqual(await found('befriend volunteer'), ['quillfeather-scheme'])
    })

    test('the document of an unreviewed or a confidential record is not searched', async () => {
      assert.deepEqual(await found('Marrowgate'), [])
      assert.deepEqual(await found('Lanternwick'), [])
    })

    test('a result shows where its words were found, marked, with the text escaped', async () => {
      const html = await page('quillfeather volunteers')
      const snippet = /<p class="[^"]*app-snippet">(.*?)<\/p>/s.exec(html)?.[1]
      assert.ok(snippet, 'a snippet is shown')
      assert.match(snippet, /<mark>Quillfeather<\/mark>/)
      assert.match(snippet, /<mark>volunteers<\/mark>/)
      // The database drops the document's markup from a snippet; what is left is printed as text.
      assert.match(snippet, /alert\(&quot;snippet&quot;\)/)
      assert.doesNotMatch(html, /<script>alert/)
      assert.doesNotMatch(html, /<img src=x/)
      // Only the words of the search are marked.
      assert.deepEqual([...snippet.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]!.toLowerCase()).sort(), [
        'quillfeather',
        'quillfeather',
        'volunteers',
      ])
    })

    test('a result found only by its names or reference shows no snippet', async () => {
      assert.doesNotMatch(await page('PCC036'), /app-snippet/)
    })

    test('each kind of match is read through an index, not a scan of every decision', async () => {
      const plan = await t.database.db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx)
        // Nor through the primary key's index read whole in order.
        await sql`set local enable_indexscan = off`.execute(trx)
        const result = await sql<{ 'QUERY PLAN': string }>`explain select d.id from decisions d
          where ${matchesWords('refuge', 'pcc036')}`.execute(trx)
        return result.rows.map((row) => row['QUERY PLAN']).join('\n')
      })
      for (const index of ['decision_words_words', 'decisions_reference_trgm', 'documents_search'])
        assert.match(plan, new RegExp(`Index Scan on ${index}\\b`), index)
    })
  })
}

describe('snippets', () => {
  test('the marked words become parts a view escapes; a headline with no marked word gives none', () => {
    assert.deepEqual(snippetParts(`a ${MATCH_START}refuge${MATCH_END} <b>in</b>\n town`), [
      { text: 'a ', marked: false },
      { text: 'refuge', marked: true },
      { text: ' <b>in</b> town', marked: false },
    ])
    assert.equal(snippetParts('nothing marked'), null)
    assert.equal(snippetParts(null), null)
  })
})
