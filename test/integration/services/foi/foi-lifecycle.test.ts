import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { addDays, todayInLondon } from '../../../../src/domain/uk-date.ts'
import { AuditService } from '../../../../src/services/audit/audit.ts'
import { FoiService } from '../../../../src/services/foi/requests.ts'
import { FoiDashboardService } from '../../../../src/services/foi/dashboard.ts'
import { purgeFoiPersonalData } from '../../../../src/services/foi/retention.ts'
import { testEngines } from '../../../support/database.ts'
import { answerTo, EXEMPT_AS_PUBLISHED, foiSetUp, formError, logRequest, OFFICER } from '../../../support/foi.ts'
import { rowOf, rowsOf } from '../../../support/rows.ts'

/** A dated step's refusal on a date it may not take (`why`) and the date it is then taken on. */
interface DatedStep {
  refusedOn: string
  why: RegExp
  on: string
}

for (const engine of testEngines()) {
  describe(`FOI requests on ${engine}`, () => {
    const { t, app: s, officeId, log } = foiSetUp(engine)

    test('the demonstration request has its disclosure log address', async () => {
      const row = await rowOf(t.database, 'foi_requests', ['slug', 'reference'], { reference: '10653' })
      assert.equal(row.slug, 'nottinghamshire-10653')
    })

    test('references follow the office’s FOI format and never repeat, even after one typed by hand', async () => {
      const first = await log()
      const second = await log()
      assert.equal(first.reference, '1/24')
      assert.equal(second.reference, '2/24')
      await log({ reference: '3/24' })
      const fourth = await log()
      assert.equal(fourth.reference, '4/24', 'the typed 3/24 is skipped')
      await assert.rejects(log({ reference: '3/24' }), formError('reference', /already exists/))
      const slug = await rowOf(t.database, 'foi_requests', ['slug'], { id: first.id })
      assert.equal(slug.slug, 'nottinghamshire-1-24')
      assert.equal(await s.foi.disclosureLog.entry('nottinghamshire-1-24'), undefined, 'not published')
    })

    test('a request is refused without questions or with a receipt date in the future', async () => {
      await assert.rejects(log({ questions: ['  '] }), formError('questions', /questions/))
      await assert.rejects(
        log({ receivedOn: addDays(todayInLondon(), 1) }),
        formError('receivedOn', /today or in the past/),
      )
    })

    test('clarification stops the clock, the reply restarts it, then answer and publish', async () => {
      const { id } = await log({ receivedOn: '2024-06-03' })
      const foi = s.foi.requests
      await foi.seekClarification(id, '2024-06-05', OFFICER)
      let detail = (await foi.detail(id))!
      assert.equal(detail.request.status, 'awaiting_clarification')
      assert.equal(detail.clock.stopped, true)
      assert.deepEqual(detail.actions, ['clarification_received', 'close'])
      await assert.rejects(foi.extend(id, '2024-07-15', 's.43', OFFICER), formError('date', /cannot be done/))

      /** Checks that the step is refused on `refusedOn` (`why`), then takes it on `on`; reads the request again. */
      const datedStep = async (step: (date: string) => Promise<unknown>, dates: DatedStep) => {
        await assert.rejects(step(dates.refusedOn), formError('date', dates.why))
        await step(dates.on)
        return (await foi.detail(id))!
      }

      const clarified = {
        refusedOn: '2024-06-04',
        why: /on or after the date clarification was sought/,
        on: '2024-06-10',
      }
      detail = await datedStep((date) => foi.clarificationReceived(id, date, OFFICER), clarified)
      assert.equal(detail.request.status, 'in_progress')
      assert.equal(detail.clock.statutoryDeadline, '2024-07-08')

      const extended = { refusedOn: '2024-07-08', why: /after the statutory deadline/, on: '2024-07-22' }
      const extension = await datedStep((date) => foi.extend(id, date, 's.43 commercial interests', OFFICER), extended)
      assert.equal(extension.clock.target, '2024-07-22')

      await assert.rejects(
        foi.answer(id, '2024-07-19', 'released_in_part', OFFICER),
        formError('date', /2 questions have no answer/),
      )
      const [q1, q2] = detail.questions
      await foi.saveAnswer(id, q1!.id, answerTo(q1!, '£120,000 in 2023/24.'), OFFICER)
      await assert.rejects(
        foi.saveAnswer(id, q2!.id, answerTo(q2!, null, { exemption: 's.21' }), OFFICER),
        formError('registerLink', /register page/),
      )
      const named = answerTo(q2!, 'They are named in the decision.', EXEMPT_AS_PUBLISHED)
      await foi.saveAnswer(id, q2!.id, named, OFFICER)
      await assert.rejects(foi.publish(id, '2024-07-19', OFFICER), formError('date', /Only an answered request/))
      await foi.answer(id, '2024-07-19', 'released_in_part', OFFICER)
      detail = (await foi.detail(id))!
      assert.equal(detail.request.status, 'answered')
      assert.equal(detail.clock.timeliness, 'on_time', 'inside the extension')
      assert.equal(detail.publishable, true)

      const published = { refusedOn: '2024-07-18', why: /on or after the date of the answer/, on: '2024-08-30' }
      detail = await datedStep((date) => foi.publish(id, date, OFFICER), published)
      assert.equal(detail.request.published_on, '2024-08-30')
      assert.deepEqual(detail.publication, { workingDays: 28, late: true })
      await assert.rejects(
        foi.saveAnswer(id, q1!.id, { question: 'x', answer: 'changed', exemption: null, registerLink: null }, OFFICER),
        formError('answer', /published/),
      )

      const entry = await s.foi.disclosureLog.entry(detail.request.slug!)
      assert.ok(entry)
      assert.equal(entry.request.publication.late, true)
      assert.deepEqual(
        entry.questions.map((q) => q.exemption),
        [null, 's.21'],
      )
      assert.doesNotMatch(JSON.stringify(entry), /Zebedee|zq@example/)

      await foi.requestReview(id, '2024-09-02', OFFICER)
      detail = (await foi.detail(id))!
      assert.deepEqual(detail.review, { due: '2024-09-30', latest: '2024-10-28' })
      await foi.completeReview(id, '2024-09-20', 'upheld', OFFICER)
      detail = (await foi.detail(id))!
      assert.equal(detail.request.status, 'closed')
      assert.deepEqual(detail.actions, ['refer_to_ico'])
      await foi.referToIco(id, '2024-10-01', OFFICER)
      assert.equal((await foi.detail(id))!.request.status, 'referred_to_ico')
      const actions = (await foi.detail(id))!.history.map((h) => h.action)
      assert.deepEqual(actions, [
        'log',
        'seek_clarification',
        'clarification_received',
        'extend',
        'answer_question',
        'answer_question',
        'answer',
        'publish',
        'request_review',
        'complete_review',
        'refer_to_ico',
      ])
    })

    test('the dashboard sorts open requests into overdue, due this week and later, and counts answers on time per month', async () => {
      const today = '2024-07-03'
      const foi = new FoiService(t.database, () => today)
      const dashboard = new FoiDashboardService(t.database, () => today)
      const byPost = (reference: string, receivedOn: string) =>
        logRequest(foi, officeId(), {
          reference,
          receivedOn,
          channel: 'post',
          requesterName: 'A',
          requesterContact: 'a@example.net',
          summary: null,
          questions: ['q'],
        })
      const overdue = await byPost('D-OVERDUE', '2024-05-20')
      const veryLate = await byPost('D-VERYLATE', '2024-04-02')
      const dueThisWeek = await byPost('D-WEEK', '2024-06-05')
      const later = await byPost('D-LATER', '2024-07-01')
      const view = await dashboard.dashboard()
      assert.equal(view.weekEnds, '2024-07-07')
      const refs = (rows: Array<{ reference: string }>) => rows.map((r) => r.reference)
      assert.ok(refs(view.overdue).includes('D-OVERDUE'))
      assert.deepEqual(
        view.overdue.filter((r) => r.id === veryLate.id).map((r) => r.clock.timeliness),
        ['very_late'],
      )
      assert.deepEqual(
        view.overdue.filter((r) => r.id === overdue.id).map((r) => r.clock.timeliness),
        ['late'],
      )
      assert.deepEqual(refs(view.dueThisWeek), ['D-WEEK'])
      assert.ok(refs(view.dueLater).includes('D-LATER'))
      assert.ok(!refs(view.overdue).includes('D-LATER'))
      assert.ok(dueThisWeek.id && later.id)

      const [q] = (await foi.detail(overdue.id))!.questions
      await foi.saveAnswer(
        overdue.id,
        q!.id,
        { question: 'q', answer: null, exemption: 's.12', registerLink: null },
        OFFICER,
      )
      await foi.answer(overdue.id, '2024-07-02', 'refused', OFFICER)
      const july = (await dashboard.dashboard()).months.find((m) => m.month === '2024-07')!
      // With the request answered on 19 July, inside its extension, in the test above.
      assert.equal(july.answered, 2)
      assert.equal(july.onTime, 1)
      assert.equal(july.percent, 50)
      assert.ok((await dashboard.dashboard()).awaitingPublication.some((r) => r.id === overdue.id))
    })

    test('retention deletes the requester of finished requests only, keeping the response', async () => {
      const today = todayInLondon()
      const recent = await log({ receivedOn: addDays(today, -10), requesterName: 'Recent Requester' })
      const result = await purgeFoiPersonalData(t.database, { retentionDays: 730 })
      const demo = await t.database.db
        .selectFrom('foi_requests')
        .selectAll()
        .where('reference', '=', '10653')
        .executeTakeFirstOrThrow()
      assert.ok(result.purged.some((p) => p.reference === '10653'))
      assert.equal(demo.requester_name, null)
      assert.equal(demo.requester_contact, null)
      assert.ok(demo.personal_data_deleted_at)
      const questions = await rowsOf(t.database, 'foi_questions', ['answer'], { request_id: demo.id })
      assert.equal(questions.length, 6)
      assert.ok(questions.every((q) => q.answer))
      const kept = await rowOf(t.database, 'foi_requests', ['requester_name'], { id: recent.id })
      assert.equal(kept.requester_name, 'Recent Requester', 'still open, and recent')
      const open = await rowOf(t.database, 'foi_requests', ['requester_name'], { reference: '1/24' })
      assert.equal(open.requester_name, 'Zebedee Quill', 'an open request keeps its requester however old')
      const again = await purgeFoiPersonalData(t.database, { retentionDays: 730 })
      assert.ok(!again.purged.some((p) => p.reference === '10653'), 'nothing to do twice')
      assert.ok((await new AuditService(t.database).verify()).ok)
      await assert.rejects(
        sql`update foi_requests set requester_name = 'x' where id = ${demo.id}`.execute(t.database.db),
        /foi_requests_personal_data_deleted/,
      )
    })
  })
}
