import {
  addWorkflowPeople,
  draftReadyToSubmit,
  SIGN_OFF_CHAIN,
  signOffAs,
  type WorkflowPerson,
  draftDetails,
} from '../../../support/decision-draft.ts'
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { addWorkingDays } from '../../../../src/domain/working-days.ts'
import { addDays } from '../../../../src/domain/uk-date.ts'
import { SYSTEM_ACTOR } from '../../../../src/services/audit/audit.ts'
import { WorkflowService } from '../../../../src/services/decisions/workflow.ts'
import { ImportService } from '../../../../src/services/imports/index.ts'
import { NotificationService } from '../../../../src/services/notifications/index.ts'
import { SmtpMailer } from '../../../../src/services/notifications/mailer.ts'
import { OutboxWorker } from '../../../../src/services/notifications/outbox-worker.ts'
import { runScheduledNotifications } from '../../../../src/services/notifications/scheduled.ts'
import { openTestDatabase, testEngines, type TestDatabase } from '../../../support/database.ts'
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../../../support/smtp.ts'
import { homeOfficeId } from '../../../support/records.ts'
import { updateRows } from '../../../support/rows.ts'

const BASE = 'https://register.example.org'
const details = draftDetails({ title: 'Outreach for survivors in Mansfield', authorName: 'Nell Notify' })

/** The working day from which the FOI clock's 20th working day is `target`. */
function receivedFor(target: string): string {
  for (let day = addDays(target, -40); day < target; day = addDays(day, 1))
    if (addWorkingDays(day, 20) === target) return day
  throw new Error(`no receipt date gives ${target}`)
}

for (const engine of testEngines()) {
  describe(`staff notifications by email (${engine})`, () => {
    let t: TestDatabase
    let smtp: TestSmtpServer
    let workflow: WorkflowService
    let officeId: number
    const people: Record<string, WorkflowPerson> = {}

    const deliver = () =>
      new OutboxWorker(t.database, {
        mailer: new SmtpMailer(smtp.url),
        baseUrl: BASE,
        mailFrom: 'n@example.org',
      }).runOnce()
    const seen = new Set<ReceivedMail>()
    /** The mails that arrived since the last call, for one address. */
    const newMailTo = (who: string, subject = /./): ReceivedMail[] => {
      const fresh = smtp.received.filter(
        (m) => !seen.has(m) && m.to.includes(people[who]!.email) && subject.test(m.parsed.subject ?? ''),
      )
      for (const m of fresh) seen.add(m)
      return fresh
    }
    const version = async (id: number) => (await workflow.detail(id))!.decision.version
    const sign = signOffAs(() => workflow, people)
    const only = (mails: ReceivedMail[]) => {
      assert.equal(mails.length, 1, `expected one email, got ${mails.map((m) => m.parsed.subject).join('; ')}`)
      return mails[0]!
    }
    const links = (mail: ReceivedMail) => mail.parsed.text ?? ''

    before(async () => {
      t = await openTestDatabase(engine, { demo: true })
      smtp = await startSmtpServer()
      workflow = new WorkflowService(t.database)
      // Only this test's people: the demonstration accounts are switched off.
      await t.database.db.updateTable('users').set({ active: false }).execute()
      await addWorkflowPeople(t.database, SIGN_OFF_CHAIN, 'notify.example', people)
      officeId = await homeOfficeId(t.database)
    })
    after(async () => {
      await smtp.close()
      await t.dispose()
    })

    test('each step of the workflow emails the person who acts next, once, with the link to act on', async () => {
      const id = await draftReadyToSubmit(workflow, details, people.officer!.actor)
      const reference = await workflow.submit(id, await version(id), people.officer!.actor)
      await deliver()
      const stage = only(newMailTo('finance'))
      assert.equal(stage.parsed.subject, `Decision ${reference} is waiting for your finance sign-off`)
      assert.match(links(stage), new RegExp(`${BASE}/staff/decisions/${id}/sign`))
      assert.equal(stage.parsed.from?.value[0]?.name, 'Nottinghamshire Office of the Police and Crime Commissioner')
      assert.equal(newMailTo('ceo').length, 0)
      assert.equal(newMailTo('officer').length, 0)

      await sign(id, 'finance', { outcome: 'returned', comment: 'Add the match funding from the council.' })
      await deliver()
      const returned = only(newMailTo('officer'))
      assert.equal(returned.parsed.subject, `Your draft ${reference} has been returned to you`)
      assert.match(links(returned), /Add the match funding from the council\./)
      assert.match(String(returned.parsed.html), /Add the match funding from the council\./)
      assert.match(links(returned), new RegExp(`${BASE}/staff/decisions/${id}\\b`))

      await workflow.submit(id, await version(id), people.officer!.actor)
      await deliver()
      only(newMailTo('finance'))
      await sign(id, 'finance')
      await deliver()
      assert.match(only(newMailTo('ceo')).parsed.subject ?? '', /waiting for your approval as chief executive/)
      await sign(id, 'ceo')
      await deliver()
      assert.match(only(newMailTo('pcc')).parsed.subject ?? '', /waiting for your decision/)
      await sign(id, 'pcc', { declaration: 'no_interest' })
      await deliver()
      const approved = only(newMailTo('officer'))
      assert.equal(approved.parsed.subject, `Decision ${reference} has been approved`)
      assert.match(links(approved), new RegExp(`${BASE}/staff/decisions/${id}/publish`))

      const slug = await workflow.publish(id, await version(id), people.officer!.actor)
      await deliver()
      const published = only(newMailTo('officer'))
      assert.equal(published.parsed.subject, `Decision ${reference} has been published`)
      assert.match(links(published), new RegExp(`${BASE}/decisions/${slug}`))
      // Nothing is sent twice, however often the worker runs.
      await deliver()
      for (const who of ['officer', 'finance', 'ceo', 'pcc']) assert.equal(newMailTo(who).length, 0)
    })

    test('a rejected decision emails its author the reasons', async () => {
      const id = await draftReadyToSubmit(workflow, { ...details, title: 'A second try' }, people.officer!.actor)
      const reference = await workflow.submit(id, await version(id), people.officer!.actor)
      await sign(id, 'finance')
      await sign(id, 'ceo')
      await sign(id, 'pcc', {
        outcome: 'rejected',
        comment: 'The council has not agreed its share.',
        declaration: 'no_interest',
      })
      await deliver()
      newMailTo('finance')
      newMailTo('ceo')
      newMailTo('pcc')
      const rejected = only(newMailTo('officer'))
      assert.equal(rejected.parsed.subject, `Decision ${reference} has been rejected`)
      assert.match(links(rejected), /The council has not agreed its share\./)
    })

    test('a person who turns a notification off on the preferences page does not get it', async () => {
      const notifications = new NotificationService(t.database)
      const finance = people.finance!
      const before = await notifications.preferences(finance.signer.userId, finance.signer.roles)
      assert.deepEqual(
        before.map((p) => [p.kind, p.enabled]),
        [
          ['decision_stage', true],
          ['monthly_digest', true],
        ],
      )
      await notifications.savePreferences(finance.signer.userId, finance.signer.roles, ['monthly_digest'])
      const id = await draftReadyToSubmit(workflow, { ...details, title: 'A third' }, people.officer!.actor)
      await workflow.submit(id, await version(id), people.officer!.actor)
      await deliver()
      assert.equal(newMailTo('finance').length, 0)
      await notifications.savePreferences(finance.signer.userId, finance.signer.roles, [
        'decision_stage',
        'monthly_digest',
      ])
    })

    test('FOI requests due in 3 working days, due today and late, and internal reviews due, email officers once', async () => {
      const today = '2026-03-02'
      const insert = (reference: string, values: Record<string, string>) =>
        t.database.db
          .insertInto('foi_requests')
          .values({ office_id: officeId, reference, received_on: '2026-01-05', status: 'in_progress', ...values })
          .returning('id')
          .executeTakeFirstOrThrow()
      const soon = await insert('NTFY-1', { received_on: receivedFor(addWorkingDays(today, 3)) })
      await insert('NTFY-2', { received_on: receivedFor(today) })
      await insert('NTFY-3', { received_on: receivedFor(addDays(today, -3)) })
      await insert('NTFY-4', { received_on: receivedFor(addWorkingDays(today, 8)) })
      await insert('NTFY-5', {
        status: 'internal_review',
        answered_on: '2026-01-20',
        outcome: 'released_in_full',
        review_requested_on: receivedFor(addWorkingDays(today, 2)),
      })
      await runScheduledNotifications(t.database, today)
      await runScheduledNotifications(t.database, today)
      await deliver()
      const subjects = newMailTo('officer', /FOI/)
        .map((m) => m.parsed.subject)
        .sort()
      assert.deepEqual(subjects, [
        'FOI request NTFY-1 is due on 5 March 2026',
        'FOI request NTFY-2 is due today',
        'FOI request NTFY-3 is late',
        'The internal review of FOI request NTFY-5 is due on 4 March 2026',
      ])
      const soonMail = smtp.received.find((m) => m.parsed.subject?.includes('NTFY-1'))!
      assert.match(links(soonMail), new RegExp(`${BASE}/staff/foi/${soon.id}`))
      // The next day the request due soon is still due soon (no second email), and the one due yesterday is late.
      await runScheduledNotifications(t.database, '2026-03-03')
      await deliver()
      assert.deepEqual(
        newMailTo('officer', /FOI/).map((m) => m.parsed.subject),
        ['FOI request NTFY-2 is late'],
      )
      await t.database.db.deleteFrom('foi_requests').where('reference', 'like', 'NTFY-%').execute()
    })

    test('imports waiting more than 5 working days email officers once, listing them', async () => {
      const outcome = await new ImportService(t.database).importFile(
        'fixtures/documents/a02-cumbria-isva-notice.txt',
        SYSTEM_ACTOR,
      )
      const decisionId = (outcome as { decisionId: number }).decisionId
      await updateRows(t.database, 'decisions', { created_at: new Date('2026-02-02T10:00:00Z') }, { id: decisionId })
      await runScheduledNotifications(t.database, '2026-02-09')
      await deliver()
      assert.equal(newMailTo('officer', /import/).length, 0, 'five working days is not yet more than five')
      await runScheduledNotifications(t.database, '2026-02-10')
      await runScheduledNotifications(t.database, '2026-02-11')
      await deliver()
      const mail = only(newMailTo('officer', /import/))
      assert.equal(mail.parsed.subject, '1 imported record imported on 2 February 2026 is waiting for review')
      assert.match(links(mail), new RegExp(`${BASE}/staff/imports/${decisionId}`))
      await updateRows(t.database, 'decisions', { review_status: 'reviewed' }, { id: decisionId })
    })

    test('the monthly digest lists services ending with no successor, once a month', async () => {
      await runScheduledNotifications(t.database, '2018-05-01')
      await runScheduledNotifications(t.database, '2018-05-20')
      await deliver()
      const mail = only(newMailTo('officer', /May 2018/))
      assert.equal(mail.parsed.subject, 'Monthly digest for May 2018: services ending and money left')
      assert.match(links(mail), /Services ending within \d+ months with no successor/)
      assert.match(links(mail), new RegExp(`${BASE}/services/`))
      assert.match(links(mail), new RegExp(`${BASE}/pipeline\\?on=2018-05-01`))
      assert.equal(only(newMailTo('finance', /May 2018/)).parsed.subject, mail.parsed.subject)
      assert.equal(newMailTo('pcc', /digest/).length, 0, 'a decision maker does not get the digest')
    })
  })
}
