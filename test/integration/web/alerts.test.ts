import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { WorkflowService } from '../../../src/services/decisions/workflow.ts'
import { SmtpMailer } from '../../../src/services/notifications/mailer.ts'
import { OutboxWorker } from '../../../src/services/notifications/outbox-worker.ts'
import { openTestDatabase, testEngines, type TestDatabase } from '../../support/database.ts'
import { startApp, type RunningApp } from '../../support/server.ts'
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../../support/smtp.ts'
import { StaffClient } from '../../support/staff-client.ts'
import {
  addWorkflowPeople,
  draftReadyToSubmit,
  SIGN_OFF_CHAIN,
  type WorkflowPerson,
  draftDetails,
  signOffAs,
} from '../../support/decision-draft.ts'
import { homeOfficeId } from '../../support/records.ts'
import { rowOf, rowsOf } from '../../support/rows.ts'

const details = draftDetails({
  title: 'Helpline for survivors of stalking',
  authorName: 'Alma Alert',
  executiveSummary: 'A helpline run by a local charity.',
  decisionText: 'Approve a grant.',
})

for (const engine of testEngines()) {
  describe(`public email alerts (${engine})`, () => {
    let t: TestDatabase
    let app: RunningApp
    let smtp: TestSmtpServer
    let workflow: WorkflowService
    const people: Record<string, WorkflowPerson> = {}
    let provider: { id: number; slug: string; name: string }
    let officeId: number

    const deliver = () =>
      new OutboxWorker(t.database, {
        mailer: new SmtpMailer(smtp.url),
        baseUrl: app.baseUrl,
        mailFrom: 'alerts@register.example',
      }).runOnce()
    const mailsTo = (address: string, subject: RegExp): ReceivedMail[] =>
      smtp.received.filter((m) => m.to.includes(address) && subject.test(m.parsed.subject ?? ''))
    /** The List-Unsubscribe address and the List-Unsubscribe-Post header, as the message carries them. */
    const unsubscribeHeaders = (mail: ReceivedMail) => ({
      url: /^List-Unsubscribe:\s*<([^>]+)>/im.exec(mail.raw)?.[1],
      post: /^List-Unsubscribe-Post: (.*)$/im.exec(mail.raw)?.[1]?.trim(),
    })
    const linkIn = (mail: ReceivedMail, path: string) =>
      new RegExp(`${app.baseUrl}(${path}[A-Za-z0-9_/-]*)`).exec(mail.parsed.text ?? '')?.[1]

    async function subscribe(query: string, email: string): Promise<Response> {
      const client = new StaffClient(app.baseUrl)
      const form = await client.get(`/alerts/new?${query}`)
      assert.equal(form.status, 200)
      const fields = Object.fromEntries(
        [...(await form.text()).matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)]
          .filter(([, name]) => name !== '_csrf')
          .map(([, name, value]) => [name!, value!.replace(/&amp;/g, '&')]),
      )
      return client.post('/alerts/new', { ...fields, email })
    }

    async function publishWithAward(title: string, classification: 'non_confidential' | 'confidential') {
      const id = await draftReadyToSubmit(workflow, { ...details, title }, people.officer!.actor)
      const version = async () => (await workflow.detail(id))!.decision.version
      await workflow.saveMoney(
        id,
        await version(),
        {
          statedTotalPence: 1_000_000,
          awards: [
            {
              recipientName: provider.name,
              amountPence: 1_000_000,
              viaName: null,
              periodStart: '2024-04-01',
              periodEnd: '2025-03-31',
              fundingStreamId: (
                await t.database.db.selectFrom('funding_streams').select('id').executeTakeFirstOrThrow()
              ).id,
              route: 'grant',
              purpose: 'Support for survivors',
            },
          ],
          contributions: [],
        },
        people.officer!.actor,
      )
      await workflow.markTask(id, await version(), 'awards', true, people.officer!.actor)
      // It serves Mansfield, not Ashfield, which the area's follower below chose.
      const mansfield = await rowOf(t.database, 'areas', ['id'], { slug: 'mansfield' })
      await workflow.saveAreas(id, await version(), { areaIds: [mansfield.id], newArea: null }, people.officer!.actor)
      if (classification === 'confidential')
        await workflow.saveClassification(
          id,
          await version(),
          { classification, exemption: 's.43', withheldSections: {}, awardsExemption: null },
          people.officer!.actor,
        )
      await workflow.submit(id, await version(), people.officer!.actor)
      const signOff = signOffAs(() => workflow, people)
      for (const who of ['finance', 'ceo', 'pcc'])
        await signOff(id, who, { declaration: who === 'pcc' ? 'no_interest' : null })
      return workflow.publish(id, await version(), people.officer!.actor)
    }

    before(async () => {
      t = await openTestDatabase(engine, { demo: true })
      app = await startApp(t.database)
      smtp = await startSmtpServer()
      workflow = new WorkflowService(t.database)
      await addWorkflowPeople(t.database, SIGN_OFF_CHAIN, 'alerts.example', people)
      provider = await rowOf(t.database, 'organisations', ['id', 'slug', 'name'], { name: "Juno Women's Aid" })
      officeId = await homeOfficeId(t.database)
    })
    after(async () => {
      await smtp.close()
      await app.stop()
      await t.dispose()
    })

    test('subscribing sends one confirmation email, and nothing else until the link is followed', async () => {
      const response = await subscribe(`for=provider&provider=${provider.slug}`, 'reader@public.example')
      assert.equal(response.status, 303)
      assert.equal(response.headers.get('location'), '/alerts/check-email')
      // Asking again at once sends no second email, and answers the same.
      assert.equal((await subscribe(`for=provider&provider=${provider.slug}`, 'reader@public.example')).status, 303)
      await deliver()
      const [mail, ...more] = mailsTo('reader@public.example', /Confirm your email alert/)
      assert.ok(mail)
      assert.equal(more.length, 0)
      assert.match(mail.parsed.text ?? '', /decisions with awards to Juno Women's Aid/)
      assert.equal(mail.parsed.from?.value[0]?.name, 'Nottinghamshire Office of the Police and Crime Commissioner')
      const confirm = linkIn(mail, '/alerts/confirm/')!
      const page = await fetch(`${app.baseUrl}${confirm}`)
      assert.equal(page.status, 200)
      assert.match(await page.text(), /Confirm your email alert/)
      const confirmed = await fetch(`${app.baseUrl}${confirm}`, { method: 'POST' })
      assert.equal(confirmed.status, 200)
      assert.match(await confirmed.text(), /Email alert confirmed/)
      const row = await rowOf(t.database, 'alert_subscriptions', ['confirmed_at'], { email: 'reader@public.example' })
      assert.ok(row.confirmed_at)
    })

    test('a bad address is refused with the form shown again, keeping what was typed', async () => {
      const response = await subscribe(`for=office&office=${officeId}`, 'not an address')
      assert.equal(response.status, 400)
      const html = await response.text()
      assert.match(html, /Enter an email address in the correct format/)
      assert.match(html, /value="not an address"/)
    })

    test('a published decision emails its subscribers once, with a one-click unsubscribe header and link', async () => {
      await subscribe(`for=office&office=${officeId}`, 'office.reader@public.example')
      await subscribe(`for=search&q=helpline`, 'search.reader@public.example')
      await subscribe(`for=area&area=ashfield`, 'area.reader@public.example')
      await deliver()
      for (const address of [
        'office.reader@public.example',
        'search.reader@public.example',
        'area.reader@public.example',
      ]) {
        const mail = mailsTo(address, /Confirm/)[0]!
        await fetch(`${app.baseUrl}${linkIn(mail, '/alerts/confirm/')}`, { method: 'POST' })
      }
      // Unconfirmed: asked for, never confirmed.
      await subscribe(`for=office&office=${officeId}`, 'unconfirmed@public.example')

      const slug = await publishWithAward('Helpline for survivors of stalking', 'non_confidential')
      await deliver()
      await deliver()
      for (const address of ['reader@public.example', 'office.reader@public.example', 'search.reader@public.example']) {
        const mails = mailsTo(address, /New decision/)
        assert.equal(mails.length, 1, `${address} got ${mails.length}`)
        const mail = mails[0]!
        assert.match(mail.parsed.subject ?? '', /Helpline for survivors of stalking/)
        assert.equal(linkIn(mail, '/decisions/'), `/decisions/${slug}`)
        const headers = unsubscribeHeaders(mail)
        assert.match(String(headers.url), new RegExp(`^${app.baseUrl}/alerts/unsubscribe/`))
        assert.equal(headers.post, 'List-Unsubscribe=One-Click')
        assert.match(mail.parsed.text ?? '', /Unsubscribe:\n\S+\/alerts\/unsubscribe\//)
      }
      assert.equal(
        mailsTo('area.reader@public.example', /New decision/).length,
        0,
        'the decision does not serve Ashfield',
      )
      assert.equal(mailsTo('unconfirmed@public.example', /New decision/).length, 0)

      // A confidential decision reaches its office's subscribers as a stub, and no provider's.
      await publishWithAward('Confidential helpline contract', 'confidential')
      await deliver()
      assert.equal(mailsTo('reader@public.example', /Confidential helpline/).length, 0)
      const stub = mailsTo('office.reader@public.example', /Confidential helpline/)
      assert.equal(stub.length, 1)
      assert.match(stub[0]!.parsed.text ?? '', /confidential: the register shows only its reference, title and dates/)
    })

    test('the one-click unsubscribe deletes the address and every message to it', async () => {
      const mail = mailsTo('office.reader@public.example', /New decision/)[0]!
      const url = unsubscribeHeaders(mail).url!
      const page = await fetch(url)
      assert.equal(page.status, 200)
      assert.match(await page.text(), /Unsubscribe from emails about decisions of/)
      // What a mail program sends (RFC 8058): a POST with no cookies and no CSRF token.
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      })
      assert.equal(response.status, 200)
      assert.match(await response.text(), /You have unsubscribed/)
      const left = await rowsOf(t.database, 'alert_subscriptions', ['id'], { email: 'office.reader@public.example' })
      assert.deepEqual(left, [])
      const messages = await rowsOf(t.database, 'outbox_messages', ['id'], {
        recipient: 'office.reader@public.example',
      })
      assert.deepEqual(messages, [])
      const again = await fetch(url, { method: 'POST' })
      assert.equal(again.status, 404)
      assert.match(await again.text(), /You are not subscribed/)
    })
  })
}
