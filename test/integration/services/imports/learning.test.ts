import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { SYSTEM_ACTOR } from '../../../../src/services/audit/audit.ts'
import { ImportService } from '../../../../src/services/imports/index.ts'
import { corrections } from '../../../../src/services/imports/learning.ts'
import { testEngines } from '../../../support/database.ts'
import { serviceSetUp } from '../../../support/services.ts'

const notice = (reference: string, amount: string): string =>
  [
    'DECISION NOTICE',
    `Decision number: ${reference}`,
    'Title: Children and young people domestic abuse support',
    `The Commissioner approves a grant of ${amount} to Barnardo for a children's worker.`,
    'Date of decision: 6 April 2023',
  ].join('\n')

test('a correction pairs the imported and confirmed names of a line whose amount stayed', () => {
  assert.deepEqual(
    corrections(
      [
        { name: 'Barnardo', amountPence: 4500000 },
        { name: 'Haven', amountPence: 100 },
      ],
      [
        { name: "Barnardo's", amountPence: 4500000 },
        { name: 'The Haven', amountPence: 100 },
      ],
    ),
    [{ from: 'Barnardo', to: "Barnardo's" }],
  )
})

for (const engine of testEngines()) {
  describe(`learning from reviewers on ${engine}`, () => {
    const { t, service: imports } = serviceSetUp(engine, (database) => new ImportService(database))

    const recipientOf = async (decisionId: number) =>
      t.database.db
        .selectFrom('awards as a')
        .innerJoin('organisations as o', 'o.id', 'a.recipient_id')
        .select(['a.recipient_name', 'o.name'])
        .where('a.decision_id', '=', decisionId)
        .executeTakeFirstOrThrow()

    test("a recipient's name corrected on review is an alias the next import of the same misreading uses", async () => {
      const first = await imports.importDocument(
        new TextEncoder().encode(notice('2023/07', '£45,000')),
        'first.txt',
        SYSTEM_ACTOR,
      )
      assert.equal((await recipientOf(first.decisionId)).name, 'Barnardo', 'the importer read the name short')
      const review = (await imports.review(first.decisionId))!
      const office = await t.database.db.selectFrom('offices').select('organisation_id').executeTakeFirstOrThrow()
      await imports.confirm(
        first.decisionId,
        review.detail.decision.version,
        {
          kind: 'decision',
          officeId: Number(review.detail.decision.office_id ?? office.organisation_id),
          reference: '2023/07',
          summary: null,
          decisionText: null,
          title: 'Children and young people domestic abuse support',
          decisionDate: '2023-04-06',
          statedTotalPence: null,
          statedTotalPerAnnum: false,
          awards: [
            {
              recipient: "Barnardo's",
              amountPence: 4500000,
              periodLabel: null,
              periodStart: null,
              periodEnd: null,
              financialYear: null,
              perAnnum: false,
              upTo: false,
              via: null,
              route: null,
            },
          ],
          contributions: [],
          areas: [],
        },
        SYSTEM_ACTOR,
      )
      const second = await imports.importDocument(
        new TextEncoder().encode(notice('2023/19', '£30,000')),
        'second.txt',
        SYSTEM_ACTOR,
      )
      const learned = await recipientOf(second.decisionId)
      assert.equal(learned.recipient_name, 'Barnardo', 'the document still says what it says')
      assert.equal(learned.name, "Barnardo's", 'but the award goes to the organisation the reviewer chose')
    })
  })
}
