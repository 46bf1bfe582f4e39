import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SYSTEM_ACTOR } from '../../../../src/services/audit/audit.ts'
import { ImportService } from '../../../../src/services/imports/index.ts'
import type { LearnedRecord } from '../../../../src/services/imports/layout-learning.ts'
import type { DecisionKind } from '../../../../src/domain/decision.ts'
import { LAYOUT_SERIES_DIR } from '../../../../scripts/eval-learning.ts'
import { testEngines } from '../../../support/database.ts'
import { serviceSetUp } from '../../../support/services.ts'

interface Gold {
  file: string
  kind: DecisionKind
  reference: string
  title: string
  decision_date: string
  total_amount: number
}

const series = (JSON.parse(readFileSync(join(LAYOUT_SERIES_DIR, 'gold.json'), 'utf8')) as { documents: Gold[] })
  .documents
const bytesOf = (file: string) => readFileSync(join(LAYOUT_SERIES_DIR, file))

for (const engine of testEngines()) {
  describe(`learning from reviewers by layout on ${engine}`, () => {
    const { t, service: imports } = serviceSetUp(engine, (database) => new ImportService(database))

    const stored = (decisionId: number) =>
      t.database.db
        .selectFrom('decisions')
        .select(['kind', 'reference', 'title', 'date_decided', 'stated_total_pence', 'office_id'])
        .where('id', '=', decisionId)
        .executeTakeFirstOrThrow()
    const scalars = async (decisionId: number) => {
      const d = await stored(decisionId)
      return {
        kind: d.kind,
        reference: d.reference,
        title: d.title,
        decision_date: d.date_decided,
        total_amount: d.stated_total_pence === null ? null : Number(d.stated_total_pence),
      }
    }
    const goldOf = ({ kind, reference, title, decision_date, total_amount }: Gold) => ({
      kind,
      reference,
      title,
      decision_date,
      total_amount,
    })

    const confirmAsGold = async (decisionId: number, gold: Gold) => {
      const review = (await imports.review(decisionId))!
      await imports.confirm(
        decisionId,
        review.detail.decision.version,
        {
          kind: gold.kind,
          officeId: Number(review.detail.decision.office_id),
          reference: gold.reference,
          title: gold.title,
          summary: null,
          decisionText: null,
          decisionDate: gold.decision_date,
          statedTotalPence: gold.total_amount,
          statedTotalPerAnnum: false,
          awards: [],
          contributions: [],
          areas: [],
        },
        { ...SYSTEM_ACTOR, label: 'reviewer' },
      )
    }

    test('two corrected documents of a layout teach the register to read the rest of the series right', async () => {
      const [first, second, ...rest] = series
      const one = await imports.importDocument(bytesOf(first!.file), first!.file, SYSTEM_ACTOR)
      assert.notDeepEqual(await scalars(one.decisionId), goldOf(first!), 'the generic extractor misreads the layout')
      await confirmAsGold(one.decisionId, first!)

      const rules = await t.database.db.selectFrom('layout_rules').selectAll().execute()
      assert.deepEqual(rules.map((r) => r.field).sort(), ['decision_date', 'kind', 'reference', 'title'])
      const office = Number((await stored(one.decisionId)).office_id)
      assert.ok(
        rules.every((r) => Number(r.office_id) === office),
        'kept for the office the record was confirmed in',
      )
      const kept = JSON.stringify(rules.map((r) => r.rule))
      assert.doesNotMatch(kept, /WBC\/PH|Community safety|Eastgate/, 'a rule keeps labels, not the values typed')
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select(['action', 'after'])
        .where('action', '=', 'import.learn_layout')
        .execute()
      assert.equal(audit.length, 1)

      const two = await imports.importDocument(bytesOf(second!.file), second!.file, SYSTEM_ACTOR)
      assert.deepEqual(await scalars(two.decisionId), goldOf(second!), 'the second document comes out right')
      await confirmAsGold(two.decisionId, second!)
      assert.equal(
        (await t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'import.learn_layout').execute())
          .length,
        1,
        'a confirmation with nothing corrected teaches nothing new',
      )

      for (const doc of rest) {
        const outcome = await imports.importDocument(bytesOf(doc.file), doc.file, SYSTEM_ACTOR)
        assert.deepEqual(await scalars(outcome.decisionId), goldOf(doc), doc.file)
        const review = (await imports.review(outcome.decisionId))!
        const extraction = review.extraction as LearnedRecord
        assert.deepEqual(Object.keys(extraction.learned ?? {}).sort(), ['decision_date', 'kind', 'reference', 'title'])
        assert.match(extraction.learned!.reference!.on, /^\d{4}-\d{2}-\d{2}T/)
        assert.equal(extraction.provenance.reference?.text, `Register entry\t${doc.reference}`)
      }
    })

    test("a layout's rules are the office's own: another office's document of the layout is read by the generic extractor", async () => {
      const [first] = series
      const other = await t.database.db
        .selectFrom('offices')
        .select('organisation_id')
        .where('organisation_id', 'not in', t.database.db.selectFrom('layout_rules').select('office_id'))
        .executeTakeFirstOrThrow()
      await t.database.db.updateTable('layout_rules').set({ office_id: other.organisation_id }).execute()
      const text = readFileSync(join(LAYOUT_SERIES_DIR, first!.file), 'utf8').replace('WBC/PH/24/031', 'WBC/PH/24/999')
      const outcome = await imports.importDocument(new TextEncoder().encode(text), 'moved.txt', SYSTEM_ACTOR)
      const d = await stored(outcome.decisionId)
      assert.notEqual(d.reference, 'WBC/PH/24/999')
      assert.equal(((await imports.review(outcome.decisionId))!.extraction as LearnedRecord).learned, undefined)
    })
  })
}
