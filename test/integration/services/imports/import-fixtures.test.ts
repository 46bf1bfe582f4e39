import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { ImportError, ImportService } from '../../../../src/services/imports/index.ts'
import { openTestDatabase, testEngines, type TestDatabase } from '../../../support/database.ts'
import { awardsOf, counts } from '../../../support/imports.ts'
import { rowOf, rowsOf } from '../../../support/rows.ts'

const FIXTURES = 'fixtures/documents'
const actor = { userId: null, label: 'test' }

for (const engine of testEngines()) {
  describe(`import on ${engine}`, () => {
    describe('fixtures into the demonstration register', () => {
      let t: TestDatabase
      let imports: ImportService
      before(async () => {
        t = await openTestDatabase(engine, { demo: true })
        imports = new ImportService(t.database)
      })
      after(() => t?.dispose())

      test('a PDF, a Word document and a text notice become records with their awards and findings', async () => {
        const pdf = await imports.importFile(join(FIXTURES, 'generated/f01-lincolnshire-small-grants.pdf'), actor)
        const docx = await imports.importFile(join(FIXTURES, 'generated/e01-wiltshire-decision-log.docx'), actor)
        const text = await imports.importFile(join(FIXTURES, 'a02-cumbria-isva-notice.txt'), actor)
        for (const outcome of [pdf, docx, text]) assert.equal(outcome.status, 'imported')

        const lincs = await t.database.db
          .selectFrom('decisions')
          .selectAll()
          .where('id', '=', pdf.decisionId)
          .executeTakeFirstOrThrow()
        assert.equal(lincs.reference, 'LPCC-DN-2023-031')
        assert.equal((await awardsOf(t.database, lincs.id)).length, 4)
        const pdfDocument = await rowOf(t.database, 'documents', ['media_type', 'file_name'], { id: pdf.documentId })
        assert.deepEqual(pdfDocument, { media_type: 'application/pdf', file_name: 'f01-lincolnshire-small-grants.pdf' })

        const wilts = await awardsOf(t.database, docx.decisionId)
        assert.equal(wilts.length, 1)
        assert.deepEqual([wilts[0]!.period_start, wilts[0]!.period_end], ['2024-07-01', '2025-06-30'])

        const cumbria = await rowsOf(t.database, 'findings', ['code', 'line', 'field'], {
          decision_id: text.decisionId,
        })
        assert.deepEqual(cumbria, [{ code: 'total_mismatch', line: 15, field: 'total_amount' }])
        const expected = JSON.parse(readFileSync(join(FIXTURES, 'a02-cumbria-isva-notice.expected.json'), 'utf8')) as {
          awards: Array<{ recipient: string; amount: number }>
        }
        const stored = await awardsOf(t.database, text.decisionId)
        assert.deepEqual(
          stored.map((a) => [a.recipient_name, a.amount_pence / 100]),
          expected.awards.map((a) => [a.recipient, a.amount]),
        )
      })

      test('a report from a known office is filed under it, and known partners are matched without review', async () => {
        const outcome = await imports.importFile(join(FIXTURES, 'generated/b01-essex-joint-da-report.docx'), actor)
        const d = await t.database.db
          .selectFrom('decisions as d')
          .innerJoin('offices as f', 'f.organisation_id', 'd.office_id')
          .select(['f.short_name', 'd.kind'])
          .where('d.id', '=', outcome.decisionId)
          .executeTakeFirstOrThrow()
        assert.deepEqual(d, { short_name: 'Essex', kind: 'report' })
        const partners = await t.database.db
          .selectFrom('contributions as c')
          .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
          .select(['o.name', 'o.needs_review'])
          .where('c.decision_id', '=', outcome.decisionId)
          .orderBy('c.id')
          .execute()
        assert.deepEqual(
          partners.map((p) => [p.name, p.needs_review]),
          [
            ['Essex County Council', false],
            ['Essex Office of the Police, Fire and Crime Commissioner', false],
            ['Southend-on-Sea Borough Council', false],
            ['Thurrock Council', false],
          ],
        )
      })

      test('recipients are matched by name and alias; unknown names are created for review', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'cr-import-'))
        try {
          const text = readFileSync(join(FIXTURES, 'a01-notts-partnership-car.txt'), 'utf8')
            .replace('2021.021', '2021.099')
            .replace("Nottinghamshire Women's Aid", 'Ashfield Survivors Trust')
          writeFileSync(join(dir, 'notice.txt'), text.replace("£23,966 to Juno Women's Aid", '£23,966 to Juno'))
          const outcome = await imports.importFile(join(dir, 'notice.txt'), actor)
          const awards = await awardsOf(t.database, outcome.decisionId)
          assert.deepEqual(
            awards.map((a) => [a.recipient_name, a.recipient, a.needs_review]),
            [
              ['Juno', "Juno Women's Aid", false],
              ['Ashfield Survivors Trust', 'Ashfield Survivors Trust', true],
            ],
          )
          const office = await t.database.db
            .selectFrom('decisions as d')
            .innerJoin('offices as f', 'f.organisation_id', 'd.office_id')
            .select('f.short_name')
            .where('d.id', '=', outcome.decisionId)
            .executeTakeFirstOrThrow()
          assert.equal(office.short_name, 'Nottinghamshire')
        } finally {
          rmSync(dir, { recursive: true, force: true })
        }
      })

      test('a document whose reference the office already holds is refused with one line, and nothing is stored', async () => {
        const before = await counts(t.database)
        await assert.rejects(
          imports.importFile(join(FIXTURES, 'a01-notts-partnership-car.txt'), actor),
          (error: unknown) => {
            assert.ok(error instanceof ImportError)
            assert.equal(error.code, 'duplicate_reference')
            assert.match(
              error.message,
              /^fixtures\/documents\/a01-notts-partnership-car\.txt: the register already holds Nottinghamshire decision 2021\.021/,
            )
            return true
          },
        )
        assert.deepEqual(await counts(t.database), before)
      })

      test('a bad file in a batch gets its one-line error, the others import, and nothing of it is stored', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'cr-import-bad-'))
        try {
          const noise = Buffer.alloc(4096)
          for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 256
          writeFileSync(join(dir, 'empty.txt'), '')
          writeFileSync(join(dir, 'noise.txt'), noise)
          writeFileSync(join(dir, 'corrupt.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), noise]))
          writeFileSync(join(dir, 'picture.png'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), noise]))
          writeFileSync(join(dir, 'large.txt'), Buffer.alloc(3000, 'a'))
          const small = new ImportService(t.database, { maxBytes: 2048 })
          const batch = ['empty.txt', join('..', 'good'), 'noise.txt', 'corrupt.pdf', 'picture.png', 'large.txt']
          const before = await counts(t.database)
          const results: string[] = []
          for (const name of batch) {
            const path = name.startsWith('..')
              ? join(FIXTURES, 'f03-warwickshire-allocation-list.txt')
              : join(dir, name)
            try {
              const outcome = await (name === 'large.txt' ? small : imports).importFile(path, actor)
              results.push(`${name}: ${outcome.status}`)
            } catch (error) {
              assert.ok(error instanceof ImportError, String(error))
              assert.equal(error.message.split('\n').length, 1)
              assert.ok(error.message.startsWith(`${path}: `), error.message)
              results.push(`${name}: ${error.code}`)
            }
          }
          assert.deepEqual(results, [
            'empty.txt: empty',
            '../good: imported',
            'noise.txt: binary',
            'corrupt.pdf: corrupt',
            'picture.png: unsupported',
            'large.txt: too_large',
          ])
          const after = await counts(t.database)
          assert.equal(after.documents, before.documents + 1)
          assert.equal(after.decisions, before.decisions + 1)
          assert.equal(after.audit_log, before.audit_log + 1)
        } finally {
          rmSync(dir, { recursive: true, force: true })
        }
      })

      test('bytes stored earlier without a record (an upload kept as it came) are read and given their record', async () => {
        const bytes = readFileSync(join(FIXTURES, 'f02-norfolk-allocations-short.txt'))
        const sha256 = createHash('sha256').update(bytes).digest('hex')
        const stored = await t.database.db
          .insertInto('documents')
          .values({
            sha256,
            file_name: 'upload.txt',
            media_type: 'text/plain',
            size_bytes: bytes.length,
            content: bytes,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        const outcome = await imports.importDocument(bytes, 'upload.txt', actor)
        assert.equal(outcome.status, 'imported')
        assert.equal(outcome.documentId, stored.id)
        const document = await rowOf(t.database, 'documents', ['text', 'extraction'], { id: stored.id })
        assert.match(document.text ?? '', /Victims' Fund/)
        assert.equal((document.extraction as { reference: string }).reference, '2022/15')
        assert.equal((await imports.importDocument(bytes, 'again.txt', actor)).status, 'unchanged')
      })

      test('an FOI response calls the FOI converter inside the import, and a failure of the import leaves nothing', async () => {
        const calls: number[] = []
        const withHook = new ImportService(t.database, {
          foiResponses: {
            fromDecision: async (decisionId, _actor, trx) => {
              const row = await trx
                .selectFrom('decisions')
                .select('kind')
                .where('id', '=', decisionId)
                .executeTakeFirstOrThrow()
              assert.equal(row.kind, 'foi_response')
              calls.push(decisionId)
            },
          },
        })
        const outcome = await withHook.importFile(join(FIXTURES, 'h02-surrey-foi.html'), actor)
        assert.deepEqual(calls, [outcome.decisionId])

        const failing = new ImportService(t.database, {
          foiResponses: { fromDecision: async () => Promise.reject(new Error('boom')) },
        })
        const before = await counts(t.database)
        await assert.rejects(failing.importFile(join(FIXTURES, 'd03-gwent-foi-late.txt'), actor), /boom/)
        assert.deepEqual(await counts(t.database), before)
      })
    })
  })
}
