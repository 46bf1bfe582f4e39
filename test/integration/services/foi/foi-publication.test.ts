import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { AuditService, SYSTEM_ACTOR } from '../../../../src/services/audit/audit.ts'
import { testEngines } from '../../../support/database.ts'
import { addDecision } from '../../../support/records.ts'
import { answerTo, foiSetUp, formError, OFFICER } from '../../../support/foi.ts'

for (const engine of testEngines()) {
  describe(`FOI requests published, found and imported on ${engine}`, () => {
    const { t, app: s, officeId, log } = foiSetUp(engine)

    test('the audit log never holds the requester’s name or contact', async () => {
      const { id } = await log({ requesterName: 'Audit Shy Person', requesterContact: 'shy@example.net' })
      const history = await new AuditService(t.database).history('foi_request', id)
      assert.equal(history.length, 1)
      const text = JSON.stringify(history)
      assert.doesNotMatch(text, /Audit Shy Person|shy@example\.net/)
      assert.match(text, /requester_name_held/)
    })

    test('publishing is refused while an answer names the requester', async () => {
      const { id } = await log({ requesterName: 'Petra Nameless', questions: ['What did you fund?'] })
      const [q] = (await s.foi.requests.detail(id))!.questions
      await s.foi.requests.saveAnswer(id, q!.id, answerTo(q!, 'Dear Petra Nameless, we funded refuges.'), OFFICER)
      await s.foi.requests.answer(id, '2024-06-20', 'released_in_full', OFFICER)
      await assert.rejects(
        s.foi.requests.publish(id, '2024-06-21', OFFICER),
        formError('date', /contains the requester’s name or contact/),
      )
    })

    test('find in the register: the value of the WAIS contract is one result away', async () => {
      const found = await s.foi.search.find('What is the value of the WAIS contract?')
      assert.deepEqual(found.words, ['value', 'WAIS', 'contract'])
      assert.equal(found.awards[0]?.title, '£86,000.00 to Women’s Aid Integrated Services')
      assert.equal(found.awards[0]?.link, '/decisions/nottinghamshire-10653')
      assert.equal(found.services[0]?.title, 'Medium risk domestic abuse service (City)')
      assert.ok(found.decisions.some((d) => d.link === '/decisions/nottinghamshire-10653'))
      const earlier = await s.foi.search.find('medium risk service WAIS')
      assert.ok(earlier.responses.some((r) => r.link === '/disclosure-log/nottinghamshire-10653'))
    })

    test('find in the register needs every word of a question, not any one of them', async () => {
      const one = await s.foi.search.find('WAIS medium risk')
      assert.ok(one.awards.length > 0 && one.services.length > 0 && one.decisions.length > 0)
      assert.ok(one.responses.length > 0)
      const unmatched = await s.foi.search.find('WAIS medium risk xylophone')
      assert.deepEqual(
        [unmatched.decisions, unmatched.awards, unmatched.services, unmatched.responses].map((hits) => hits.length),
        [0, 0, 0, 0],
      )
    })

    test('the disclosure log lists only published requests, and searches their questions and answers', async () => {
      const all = await s.foi.disclosureLog.search({})
      assert.ok(all.rows.every((r) => r.publishedOn && r.answeredOn))
      assert.ok(all.rows.some((r) => r.reference === '10653'))
      assert.deepEqual(
        (await s.foi.disclosureLog.search({ text: 'Intervention Worker' })).rows.map((r) => r.reference),
        ['10653'],
      )
      assert.equal((await s.foi.disclosureLog.search({ text: 'zzzz-nothing' })).total, 0)
      // Every word, wherever in the request it falls: "tender" and "pathways" are in two different questions.
      const refs = async (text: string) => (await s.foi.disclosureLog.search({ text })).rows.map((r) => r.reference)
      assert.deepEqual(await refs('tender pathways'), ['10653'])
      assert.deepEqual(await refs('tender pathways xylophone'), [])
      assert.equal(await s.foi.disclosureLog.slugForReference('10653'), 'nottinghamshire-10653')
    })

    test('an imported FOI response becomes a request with its questions and answers', async () => {
      const decisionId = await addDecision(t.database, {
        officeId: officeId(),
        reference: '7617/13',
        kind: 'foi_response',
        title: 'Freedom of Information response: domestic abuse services commissioned',
        status: 'imported',
        dateReceived: '2013-08-01',
        dateDecided: '2013-08-20',
        datePublished: '2013-10-30',
        sections: [
          {
            heading: 'Which domestic abuse services were commissioned?',
            body: 'Refuge and outreach services in the City and County.',
          },
          {
            heading: 'What does each provider receive?',
            body: 'Withheld.',
            withheld: true,
            exemption: 'section 43',
          },
        ],
      })
      const result = await s.foi.importer.fromDecision(decisionId, SYSTEM_ACTOR)
      assert.equal(result.created, true)
      const detail = (await s.foi.requests.detail(result.requestId))!
      assert.equal(detail.request.reference, '7617/13')
      assert.equal(detail.request.slug, 'nottinghamshire-7617-13')
      assert.equal(detail.request.status, 'answered')
      assert.equal(detail.request.outcome, 'released_in_part')
      assert.equal(detail.request.published_on, '2013-10-30')
      assert.equal(detail.request.requester_name, null)
      assert.deepEqual(
        detail.questions.map((q) => [q.question, q.answer, q.exemption]),
        [
          [
            'Which domestic abuse services were commissioned?',
            'Refuge and outreach services in the City and County.',
            null,
          ],
          ['What does each provider receive?', null, 's.43'],
        ],
      )
      assert.deepEqual(detail.publication, { workingDays: 50, late: true }, 'the late publication of 7617/13 shows')
      const twice = await s.foi.importer.fromDecision(decisionId, SYSTEM_ACTOR)
      assert.deepEqual(twice, { requestId: result.requestId, created: false })

      const demoDecision = await t.database.db
        .selectFrom('decisions')
        .select('id')
        .where('reference', '=', '10653')
        .executeTakeFirstOrThrow()
      const linked = await s.foi.importer.fromDecision(demoDecision.id, SYSTEM_ACTOR)
      assert.equal(linked.created, false, 'the demonstration request is already linked to its response')
      const notFoi = await t.database.db
        .selectFrom('decisions')
        .select('id')
        .where('reference', '=', '2021.021')
        .executeTakeFirstOrThrow()
      await assert.rejects(s.foi.importer.fromDecision(notFoi.id, SYSTEM_ACTOR), /not an FOI response/)
    })
  })
}
