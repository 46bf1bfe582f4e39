import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { sql } from 'kysely'
import type { Database } from '../../../../src/db/database.ts'
import { SYSTEM_ACTOR } from '../../../../src/services/audit/audit.ts'
import { ImportError, ImportService } from '../../../../src/services/imports/index.ts'
import { openTestDatabase, testEngines, type TestDatabase } from '../../../support/database.ts'

const SEEDS = '../shared/seeds'
const FIXTURES = 'fixtures/documents'
const actor = { userId: null, label: 'test' }

const TABLES = [
  'documents',
  'decisions',
  'awards',
  'contributions',
  'findings',
  'organisations',
  'offices',
  'areas',
  'audit_log',
] as const

async function counts(database: Database): Promise<Record<(typeof TABLES)[number], number>> {
  const tables = TABLES
  const result = {} as Record<(typeof TABLES)[number], number>
  for (const table of tables) {
    const row = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(database.db)
    result[table] = Number(row.rows[0]!.n)
  }
  return result
}

async function decisionByReference(database: Database, reference: string) {
  return database.db.selectFrom('decisions').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow()
}

async function awardsOf(database: Database, decisionId: number) {
  return database.db
    .selectFrom('awards as a')
    .leftJoin('organisations as r', 'r.id', 'a.recipient_id')
    .leftJoin('organisations as v', 'v.id', 'a.via_id')
    .select([
      'a.recipient_name',
      'a.amount_pence',
      'a.period_label',
      'a.period_start',
      'a.period_end',
      'a.financial_year',
      'a.per_annum',
      'a.up_to',
      'a.route',
      'r.name as recipient',
      'r.needs_review',
      'v.name as via',
    ])
    .where('a.decision_id', '=', decisionId)
    .orderBy('a.position')
    .execute()
}

for (const engine of testEngines()) {
  describe(`import on ${engine}`, () => {
    describe(
      'the seed documents, into an empty register',
      { skip: existsSync(SEEDS) ? false : 'no ../shared/seeds here' },
      () => {
        let t: TestDatabase
        let imports: ImportService
        before(async () => {
          t = await openTestDatabase(engine)
          imports = new ImportService(t.database)
          for (const name of readdirSync(SEEDS).sort()) {
            const outcome = await imports.importFile(join(SEEDS, name), SYSTEM_ACTOR)
            assert.equal(outcome.status, 'imported', name)
          }
        })
        after(() => t?.dispose())

        test('each seed is a stored document and an unreviewed imported record', async () => {
          const decisions = await t.database.db
            .selectFrom('decisions')
            .select(['reference', 'kind', 'status', 'review_status', 'source_document_id'])
            .orderBy('id')
            .execute()
          assert.deepEqual(
            decisions.map((d) => [d.reference, d.kind, d.status, d.review_status]),
            [
              ['2021.021', 'decision', 'imported', 'unreviewed'],
              ['2024.006', 'decision', 'imported', 'unreviewed'],
              ['PCC036/18', 'report', 'imported', 'unreviewed'],
              ['PCCML/000407/2018', 'decision', 'imported', 'unreviewed'],
              ['10653', 'foi_response', 'imported', 'unreviewed'],
            ],
          )
          const documents = await t.database.db
            .selectFrom('documents')
            .select(['id', 'sha256', 'media_type', 'size_bytes', 'content', 'text'])
            .orderBy('id')
            .execute()
          assert.equal(documents.length, 5)
          for (const [i, d] of documents.entries()) {
            assert.equal(d.media_type, 'text/plain')
            assert.match(d.sha256, /^[0-9a-f]{64}$/)
            assert.equal(d.content.length, d.size_bytes)
            assert.ok(d.text && d.text.length > 100)
            assert.equal(decisions[i]!.source_document_id, d.id)
          }
        })

        test('offices are made from the documents, one per place, with a short name and the decision maker’s title', async () => {
          const offices = await t.database.db
            .selectFrom('offices as f')
            .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
            .select(['o.name', 'o.kind', 'f.short_name', 'f.decision_maker_title'])
            .orderBy('o.id')
            .execute()
          assert.deepEqual(offices, [
            {
              name: 'Nottinghamshire PCC',
              kind: 'office',
              short_name: 'Nottinghamshire',
              decision_maker_title: 'Police and Crime Commissioner',
            },
            {
              name: 'Essex PFCC',
              kind: 'office',
              short_name: 'Essex',
              decision_maker_title: 'Police, Fire and Crime Commissioner',
            },
            {
              name: 'Hampshire PCC',
              kind: 'office',
              short_name: 'Hampshire',
              decision_maker_title: 'Police and Crime Commissioner',
            },
          ])
        })

        test('2021.021: two awards through the County Council as lead commissioner, a framework call-off, the stated total, the areas', async () => {
          const d = await decisionByReference(t.database, '2021.021')
          assert.equal(d.title, 'Domestic Abuse Partnership Car Pilot')
          assert.equal(d.date_decided, '2021-03-16')
          assert.equal(d.stated_total_pence, 4_701_300)
          assert.equal(d.slug, 'nottinghamshire-2021-021')
          assert.match(d.executive_summary ?? '', /^The PCC and Nottinghamshire Police wish to pilot/)
          assert.match(
            d.public_text,
            /Friday and Saturday nights in Ashfield and Mansfield/,
            'the narrative is searchable',
          )
          const awards = await awardsOf(t.database, d.id)
          assert.deepEqual(
            awards.map((a) => [
              a.recipient_name,
              a.amount_pence,
              a.via,
              a.route,
              a.period_start,
              a.period_end,
              a.financial_year,
              a.needs_review,
            ]),
            [
              [
                "Juno Women's Aid",
                2_396_600,
                'Nottinghamshire County Council',
                'framework_call_off',
                '2021-04-01',
                '2022-03-31',
                2021,
                true,
              ],
              [
                "Nottinghamshire Women's Aid",
                2_304_700,
                'Nottinghamshire County Council',
                'framework_call_off',
                '2021-04-01',
                '2022-03-31',
                2021,
                true,
              ],
            ],
          )
          const areas = await t.database.db
            .selectFrom('decision_areas')
            .innerJoin('areas', 'areas.id', 'decision_areas.area_id')
            .select('areas.name')
            .where('decision_id', '=', d.id)
            .orderBy('areas.name')
            .execute()
          assert.deepEqual(
            areas.map((a) => a.name),
            ['Ashfield', 'Mansfield'],
          )
        })

        test('2024.006: eighteen awards by period, with both inconsistencies as findings on their lines', async () => {
          const d = await decisionByReference(t.database, '2024.006')
          assert.equal(d.stated_total_pence, 42_979_555)
          const awards = await awardsOf(t.database, d.id)
          assert.equal(awards.length, 18)
          assert.deepEqual(
            [...new Set(awards.map((a) => a.period_label))],
            ['Oct23- Mar24', 'Apr24- Mar25', 'Apr25- Sept25'],
          )
          const first = awards[0]!
          assert.deepEqual(
            [first.period_start, first.period_end, first.financial_year],
            ['2023-10-01', '2024-03-31', 2023],
          )
          assert.equal(awards.filter((a) => a.route === 'direct_award').length, 3)
          const findings = await t.database.db
            .selectFrom('findings')
            .select(['code', 'severity', 'field', 'line', 'message'])
            .where('decision_id', '=', d.id)
            .orderBy('id')
            .execute()
          const codes = findings.map((f) => f.code)
          assert.ok(
            codes.includes('total_mismatch') &&
              codes.includes('unreadable_amount') &&
              codes.includes('period_conflict'),
            codes.join(),
          )
          assert.ok(findings.every((f) => f.line !== null && f.line > 0))
          assert.ok(findings.some((f) => f.code === 'unreadable_amount' && /15,084\.22/.test(f.message)))
          assert.ok(
            findings.some(
              (f) => f.code === 'total_mismatch' && /48,190\.12/.test(f.message) && /48,200\.12/.test(f.message),
            ),
          )
          assert.ok(
            findings.every((f) => f.field !== null),
            'each finding is placed next to a value',
          )
        })

        test('PCC036/18: per-annum contributions; the office’s own share is matched to the office', async () => {
          const d = await decisionByReference(t.database, 'PCC036/18')
          assert.equal(d.stated_total_pence, 212_500_000)
          assert.equal(d.stated_total_per_annum, true)
          const contributions = await t.database.db
            .selectFrom('contributions as c')
            .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
            .select(['c.organisation_name', 'c.amount_pence', 'c.per_annum', 'o.kind'])
            .where('c.decision_id', '=', d.id)
            .orderBy('c.id')
            .execute()
          assert.deepEqual(contributions, [
            { organisation_name: 'Essex County Council', amount_pence: 163_200_000, per_annum: true, kind: 'council' },
            { organisation_name: 'Essex PFCC', amount_pence: 45_100_000, per_annum: true, kind: 'office' },
            {
              organisation_name: 'Southend-on-Sea Borough Council',
              amount_pence: 2_500_000,
              per_annum: true,
              kind: 'council',
            },
            { organisation_name: 'Thurrock Council', amount_pence: 1_700_000, per_annum: true, kind: 'council' },
          ])
        })

        test('PCCML/000407/2018: “up to” yearly contributions', async () => {
          const d = await decisionByReference(t.database, 'PCCML/000407/2018')
          const rows = await t.database.db
            .selectFrom('contributions')
            .select(['organisation_name', 'amount_pence', 'up_to', 'per_annum'])
            .where('decision_id', '=', d.id)
            .orderBy('id')
            .execute()
          assert.deepEqual(rows[0], {
            organisation_name: 'Hampshire PCC',
            amount_pence: 29_450_000,
            up_to: true,
            per_annum: true,
          })
          assert.equal(rows.length, 5)
        })

        test('the same bytes again change nothing and say so', async () => {
          const before = await counts(t.database)
          const again = await imports.importFile(join(SEEDS, readdirSync(SEEDS).sort()[0]!), SYSTEM_ACTOR)
          assert.equal(again.status, 'unchanged')
          const first = await decisionByReference(t.database, '2021.021')
          assert.equal(again.decisionId, first.id)
          assert.deepEqual(await counts(t.database), before)
        })

        test('every import is in the audit log', async () => {
          const entries = await t.database.db
            .selectFrom('audit_log')
            .select(['action', 'entity_type', 'after'])
            .where('action', '=', 'import')
            .execute()
          assert.equal(entries.length, 5)
          assert.ok(entries.every((e) => e.entity_type === 'decision'))
        })
      },
    )

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
        const pdfDocument = await t.database.db
          .selectFrom('documents')
          .select(['media_type', 'file_name'])
          .where('id', '=', pdf.documentId)
          .executeTakeFirstOrThrow()
        assert.deepEqual(pdfDocument, { media_type: 'application/pdf', file_name: 'f01-lincolnshire-small-grants.pdf' })

        const wilts = await awardsOf(t.database, docx.decisionId)
        assert.equal(wilts.length, 1)
        assert.deepEqual([wilts[0]!.period_start, wilts[0]!.period_end], ['2024-07-01', '2025-06-30'])

        const cumbria = await t.database.db
          .selectFrom('findings')
          .select(['code', 'line', 'field'])
          .where('decision_id', '=', text.decisionId)
          .execute()
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
        const document = await t.database.db
          .selectFrom('documents')
          .select(['text', 'extraction'])
          .where('id', '=', stored.id)
          .executeTakeFirstOrThrow()
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
