import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { SYSTEM_ACTOR } from '../../../../src/services/audit/audit.ts'
import { ImportService } from '../../../../src/services/imports/index.ts'
import { openTestDatabase, testEngines, type TestDatabase } from '../../../support/database.ts'
import { awardsOf, contributionsOf, counts, decisionByReference } from '../../../support/imports.ts'
import { rowsOf, tuplesOf } from '../../../support/rows.ts'

const SEEDS = '../shared/seeds'

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
          assert.deepEqual(
            await tuplesOf(t.database, 'decisions', ['reference', 'kind', 'status', 'review_status'], {}, 'id'),
            [
              ['2021.021', 'decision', 'imported', 'unreviewed'],
              ['2024.006', 'decision', 'imported', 'unreviewed'],
              ['PCC036/18', 'report', 'imported', 'unreviewed'],
              ['PCCML/000407/2018', 'decision', 'imported', 'unreviewed'],
              ['10653', 'foi_response', 'imported', 'unreviewed'],
            ],
          )
          const documents = await rowsOf(
            t.database,
            'documents',
            ['id', 'sha256', 'media_type', 'size_bytes', 'content', 'text'],
            {},
            'id',
          )
          assert.equal(documents.length, 5)
          const sources = await rowsOf(t.database, 'decisions', ['source_document_id'], {}, 'id')
          for (const [i, d] of documents.entries()) {
            assert.equal(d.media_type, 'text/plain')
            assert.match(d.sha256, /^[0-9a-f]{64}$/)
            assert.equal(d.content.length, d.size_bytes)
            assert.ok(d.text && d.text.length > 100)
            assert.equal(sources[i]!.source_document_id, d.id)
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
            awards.map((a) => [a.recipient_name, a.amount_pence]),
            [
              ["Juno Women's Aid", 2_396_600],
              ["Nottinghamshire Women's Aid", 2_304_700],
            ],
          )
          for (const a of awards)
            assert.deepEqual(
              [a.via, a.route, a.period_start, a.period_end, a.financial_year, a.needs_review],
              ['Nottinghamshire County Council', 'framework_call_off', '2021-04-01', '2022-03-31', 2021, true],
              'both awards on the same terms',
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
          const findings = await rowsOf(
            t.database,
            'findings',
            ['code', 'severity', 'field', 'line', 'message'],
            { decision_id: d.id },
            'id',
          )
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
          const rows = await contributionsOf(t.database, d.id, [
            'organisation_name',
            'amount_pence',
            'up_to',
            'per_annum',
          ])
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
          const entries = await rowsOf(t.database, 'audit_log', ['action', 'entity_type', 'after'], {
            action: 'import',
          })
          assert.equal(entries.length, 5)
          assert.ok(entries.every((e) => e.entity_type === 'decision'))
        })
      },
    )
  })
}
