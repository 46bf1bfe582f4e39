import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import type { Database } from '../../../../src/db/database.ts'
import { ApiTokenService } from '../../../../src/services/accounts/api-tokens.ts'
import { SYSTEM_ACTOR } from '../../../../src/services/audit/audit.ts'
import { ImportError, ImportService } from '../../../../src/services/imports/index.ts'
import { cli } from '../../../support/cli.ts'
import { openTestDatabase, testEngines, type TestDatabase } from '../../../support/database.ts'
import { HOSTILE, hugeText, manyPagePdf, uploadFromAnotherProcess } from '../../../support/hostile-documents.ts'
import { ImportClient } from '../../../support/import-client.ts'
import { startApp, type RunningApp } from '../../../support/server.ts'
import { addStaff } from '../../../support/staff.ts'
import { rowOf } from '../../../support/rows.ts'

const PASSWORD = 'hostile documents test passphrase 7'
const INTERNAL_WORDS =
  /xmldom|sax|parse error|hierarchy request|InvalidPDFException|FormatError|XRef|pdf\.js|undefined|\[object/i

async function stored(database: Database): Promise<{ documents: number; decisions: number }> {
  const row = await sql<{
    documents: string
    decisions: string
  }>`select (select count(*) from documents) as documents, (select count(*) from decisions) as decisions`.execute(
    database.db,
  )
  return { documents: Number(row.rows[0]!.documents), decisions: Number(row.rows[0]!.decisions) }
}

/** The error summary's message on a refused upload page. */
async function refusal(response: Response): Promise<string> {
  assert.equal(response.status, 400)
  const html = await response.text()
  const message = /The document cannot be imported: ([^<]+)</.exec(html)?.[1]
  assert.ok(message, 'the page says why the document was refused')
  return message
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}

for (const engine of testEngines()) {
  describe(`hostile documents on ${engine}`, () => {
    let t: TestDatabase
    let app: RunningApp
    let officer: ImportClient | undefined
    const files = new Map<string, Buffer>()
    before(async () => {
      t = await openTestDatabase(engine, { demo: true })
      app = await startApp(t.database)
      await addStaff(t.database, {
        email: 'hostile@test.example',
        name: 'Hal Hostile',
        roles: ['officer'],
        password: PASSWORD,
      })
      for (const hostile of HOSTILE) files.set(hostile.name, await hostile.bytes())
    })
    const signedIn = async (): Promise<ImportClient> => {
      if (!officer) {
        const client = new ImportClient(app.baseUrl)
        assert.equal((await client.signIn('hostile@test.example', PASSWORD)).status, 302)
        officer = client
      }
      return officer
    }
    after(async () => {
      await app?.stop()
      await t?.dispose()
    })

    test('each hostile document is refused on the upload page with a message naming what is wrong, and nothing is stored', async () => {
      const officer = await signedIn()
      const before = await stored(t.database)
      for (const hostile of HOSTILE) {
        const message = await refusal(await officer.upload(hostile.name, files.get(hostile.name)!, hostile.type))
        assert.match(message, hostile.reason, hostile.name)
        assert.doesNotMatch(message, INTERNAL_WORDS, `${hostile.name}: no library's own words`)
      }
      assert.deepEqual(await stored(t.database), before)
    })

    test('the site answers /health within a second while documents are read, slow or hostile', async (context) => {
      const officer = await signedIn()
      const dir = mkdtempSync(join(tmpdir(), 'hostile-health-'))
      try {
        writeFileSync(join(dir, 'slow.pdf'), await manyPagePdf(450, 60))
        writeFileSync(join(dir, 'bomb.docx'), files.get('bomb.docx')!)
        writeFileSync(join(dir, 'huge.txt'), files.get('huge.txt')!)
        const credentials = await officer.uploadCredentials()
        // The uploads come from another process, as from a browser: only the server shares this thread with /health.
        const uploads = uploadFromAnotherProcess(
          `${app.baseUrl}/staff/imports/upload`,
          credentials,
          ['slow.pdf', 'bomb.docx', 'huge.txt'].map((name) => join(dir, name)),
        )
        let finished = false
        void uploads.finally(() => (finished = true))
        const latencies: number[] = []
        while (!finished) {
          const started = performance.now()
          const health = await fetch(`${app.baseUrl}/health`)
          assert.equal(health.status, 200)
          await health.arrayBuffer()
          latencies.push(performance.now() - started)
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
        assert.deepEqual(
          await uploads,
          [302, 400, 400],
          'the slow but honest PDF is imported; the bomb and the huge text are refused',
        )
        context.diagnostic(
          `/health asked ${latencies.length} times during the imports; slowest ${Math.round(Math.max(...latencies))} ms`,
        )
        assert.ok(latencies.length >= 3, `health was asked ${latencies.length} times while the imports ran`)
        assert.ok(Math.max(...latencies) < 1000, `the slowest /health took ${Math.round(Math.max(...latencies))} ms`)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })

    test('reading that runs past its time or memory is stopped and refused with the limit named', async () => {
      const before = await stored(t.database)
      const slow = new ImportService(t.database, { readLimits: { timeoutMs: 300 } })
      await assert.rejects(
        slow.importDocument(await manyPagePdf(300, 60), 'slow.pdf', SYSTEM_ACTOR),
        (error: unknown) => {
          assert.ok(error instanceof ImportError)
          assert.equal(error.code, 'over_limit')
          assert.match(
            error.reason,
            /^reading the document took longer than 0\.3 seconds, the most the register allows$/,
          )
          return true
        },
      )
      const small = new ImportService(t.database, { readLimits: { memoryMb: 64, maxTextCharacters: 50_000_000 } })
      await assert.rejects(small.importDocument(hugeText(24_000_000), 'heavy.txt', SYSTEM_ACTOR), (error: unknown) => {
        assert.ok(error instanceof ImportError)
        assert.equal(error.code, 'over_limit')
        assert.match(error.reason, /needed more than 64 MB of memory, the most the register allows/)
        return true
      })
      assert.deepEqual(await stored(t.database), before)
      const after = await new ImportService(t.database).importDocument(
        readFileSync('fixtures/documents/a02-cumbria-isva-notice.txt'),
        'after.txt',
        SYSTEM_ACTOR,
      )
      assert.equal(after.status, 'imported', 'the next document is read as usual')
    })

    test('the staff API imports only for officers, through the same import, and refuses what the upload page refuses', async () => {
      const tokens = new ApiTokenService(t.database)
      const finance = await addStaff(t.database, {
        email: 'api-finance@test.example',
        name: 'Fay Finance',
        roles: ['finance_officer', 'administrator'],
        password: PASSWORD,
      })
      const officerUser = await addStaff(t.database, {
        email: 'api-officer@test.example',
        name: 'Olu Officer',
        roles: ['officer'],
        password: PASSWORD,
      })
      const financeToken = (await tokens.create(finance.id, { name: 'finance script', scope: 'write' }, SYSTEM_ACTOR))
        .token
      const officerToken = (
        await tokens.create(officerUser.id, { name: 'import script', scope: 'write' }, SYSTEM_ACTOR)
      ).token
      const send = (token: string, name: string, bytes: Uint8Array, type: string) => {
        const form = new FormData()
        form.append('file', new Blob([Buffer.from(bytes)], { type }), name)
        return fetch(`${app.baseUrl}/api/v1/staff/documents`, {
          method: 'POST',
          body: form,
          headers: { authorization: `Bearer ${token}` },
        })
      }
      const sendFixture = (token: string, name: string, fixture: string, type: string) =>
        send(token, name, readFileSync(`fixtures/documents/${fixture}`), type)
      const before = await stored(t.database)

      const forbidden = await sendFixture(financeToken, 'notice.txt', 'a01-notts-partnership-car.txt', 'text/plain')
      assert.equal(forbidden.status, 403)
      assert.match(forbidden.headers.get('content-type') ?? '', /^application\/problem\+json/)
      assert.match(((await forbidden.json()) as { title: string }).title, /commissioning officer/)

      for (const hostile of HOSTILE.filter((h) => ['noise.txt', 'ls.pdf', 'pages.pdf', 'bomb.docx'].includes(h.name))) {
        const response = await send(officerToken, hostile.name, files.get(hostile.name)!, 'text/plain')
        assert.equal(response.status, 422, hostile.name)
        assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/)
        const problem = (await response.json()) as {
          type: string
          detail: string
          errors: Array<{ parameter: string; detail: string }>
        }
        assert.equal(problem.type, '/api#problem-document-refused')
        assert.match(problem.detail, hostile.reason, hostile.name)
        assert.equal(problem.errors[0]?.parameter, 'file')
      }
      assert.deepEqual(await stored(t.database), before, 'nothing refused was stored')

      const created = await sendFixture(
        officerToken,
        'staffordshire.txt',
        'b02-staffordshire-refuge-report.txt',
        'application/octet-stream',
      )
      assert.equal(created.status, 201)
      const document = (await created.json()) as { id: number; decisionId: number; created: boolean; mediaType: string }
      assert.equal(document.created, true)
      assert.equal(document.mediaType, 'text/plain')
      const record = await rowOf(
        t.database,
        'decisions',
        ['status', 'review_status', 'source_document_id', 'reference'],
        { id: document.decisionId },
      )
      assert.deepEqual(
        [record.status, record.review_status, record.source_document_id, record.reference],
        ['imported', 'unreviewed', document.id, 'SCO/DR/2023/41'],
      )
    })

    test(
      'the extract and import commands refuse a hostile file with the limit named and go on with the rest',
      { skip: engine !== 'pglite' ? 'the command line is tested on the embedded engine' : false },
      async () => {
        const dir = mkdtempSync(join(tmpdir(), 'hostile-cli-'))
        try {
          writeFileSync(join(dir, 'pages.pdf'), files.get('pages.pdf')!)
          writeFileSync(join(dir, 'bomb.docx'), files.get('bomb.docx')!)
          const good = join(dir, 'good.txt')
          writeFileSync(good, readFileSync('fixtures/documents/a01-notts-partnership-car.txt'))
          const extract = await cli(['extract', join(dir, 'pages.pdf'), join(dir, 'bomb.docx'), good, '--json'], {
            IMPORT_MAX_PAGES: '1000',
          })
          assert.equal(extract.code, 1)
          assert.match(extract.stderr, /pages\.pdf: the PDF has 2,000 pages; the register reads at most 1,000/)
          assert.match(extract.stderr, /bomb\.docx: the Word document expands to/)
          assert.deepEqual(
            (JSON.parse(extract.stdout) as Array<{ reference: string }>).map((r) => r.reference),
            ['2021.021'],
          )
          const imported = await cli(['import', dir], {
            DATA_DIR: join(dir, 'data'),
            IMPORT_MAX_EXPANDED_BYTES: String(50 * 1024 * 1024),
          })
          assert.equal(imported.code, 1)
          assert.match(
            imported.stderr,
            /bomb\.docx: the Word document expands to 1\d\d\.\d MB; the register reads at most 50\.0 MB/,
          )
          assert.match(imported.stdout, /Imported 1, unchanged 0, failed 2\./)
        } finally {
          rmSync(dir, { recursive: true, force: true })
        }
      },
    )
  })
}
