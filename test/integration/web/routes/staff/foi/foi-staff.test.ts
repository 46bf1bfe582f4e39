import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Role } from '../../../../../../src/domain/roles.ts'
import { AccountService } from '../../../../../../src/services/accounts/accounts.ts'
import { SYSTEM_ACTOR } from '../../../../../../src/services/audit/audit.ts'
import { StaffClient } from '../../../../../support/staff-client.ts'
import { signedIn, STAFF_PASSWORD, webAppSetUp } from '../../../../../support/staff.ts'
import { testEngines } from '../../../../../support/database.ts'
import { valueOf } from '../../../../../support/rows.ts'

const errorSummary = (html: string) => {
  const list = /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? ''
  return [...list.matchAll(/<a href="(#[^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[1]} ${m[2]}`)
}
const dateFields = (name: string, iso: string) => {
  const [year, month, day] = iso.split('-')
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year! }
}

/** What the new request form sends: received by email on `receivedOn` (an ISO date), with `fields`. */
const newRequest = (receivedOn: string, fields: Record<string, string>) => ({
  ...dateFields('receivedOn', receivedOn),
  channel: 'email',
  ...fields,
})
/** What the answer form sends for a question: its text, with no answer, exemption or register link unless `more` gives them. */
const answerForm = (
  question: string,
  more: { answer?: string; exemption?: string; registerLink?: string; use?: string } = {},
) => ({ question, answer: '', exemption: '', registerLink: '', ...more })

for (const engine of testEngines()) {
  describe(`FOI pages on ${engine}`, () => {
    const web = webAppSetUp(engine)
    let demoId: number

    before(async () => {
      const accounts = new AccountService(web.database)
      const roles: Role[] = ['officer', 'finance_officer', 'chief_executive', 'decision_maker', 'administrator']
      for (const role of roles)
        await accounts.create(
          { email: `${role}@test.example`, name: `Test ${role}`, roles: [role], password: STAFF_PASSWORD },
          SYSTEM_ACTOR,
        )
      demoId = await valueOf(web.database, 'foi_requests', 'id', { reference: '10653' })
    })

    const officer = async () => {
      const client = new StaffClient(web.baseUrl)
      assert.equal((await client.signIn('officer@test.example', STAFF_PASSWORD)).status, 302)
      return client
    }
    /** The officer's client, on the new request form. */
    const officerOnNewRequest = async () => {
      const client = await officer()
      await client.get('/staff/foi/new')
      return client
    }

    test('only officers may work on FOI requests; others are refused and strangers sent to sign in', async () => {
      const pages = ['/staff/foi', '/staff/foi/new', `/staff/foi/${demoId}`, `/staff/foi/${demoId}/review`]
      const stranger = new StaffClient(web.baseUrl)
      for (const page of pages) {
        const response = await stranger.get(page)
        assert.equal(response.status, 302, page)
        assert.match(response.headers.get('location') ?? '', /^\/staff\/sign-in\?returnTo=/)
      }
      for (const role of ['finance_officer', 'chief_executive', 'decision_maker', 'administrator']) {
        const client = await signedIn(web.baseUrl, `${role}@test.example`)
        for (const page of pages) assert.equal((await client.get(page)).status, 403, `${role} ${page}`)
      }
      const client = await officer()
      for (const page of pages) assert.equal((await client.get(page)).status, 200, page)
      assert.equal((await client.get('/staff/foi/999999')).status, 404)
      assert.equal((await client.get(`/staff/foi/${demoId}/questions/999999`)).status, 404)
    })

    test('the request page shows the requester to staff, the clock and the late-publication check', async () => {
      const client = await officer()
      const html = await (await client.get(`/staff/foi/${demoId}`)).text()
      assert.match(html, /Demonstration Requester/)
      assert.match(html, /<strong id="deadline">14 November 2013<\/strong>/)
      assert.match(html, /Published on 20 November 2013, 10 working days after the response/)
    })

    test('a form with mistakes is shown again with its messages and what was typed', async () => {
      const client = await officerOnNewRequest()
      const mistakes = newRequest('2024-02-30', { requesterName: 'Kept Name', requesterContact: '', questions: '' })
      const html = await client.postRefused('/staff/foi/new', mistakes)
      assert.deepEqual(errorSummary(html), [
        '#receivedOn-day The date the request was received must be a real date',
        '#requesterContact Enter an email or postal address to reply to',
        '#questions Enter the request’s questions, one per line',
      ])
      assert.match(html, /value="Kept Name"/)
      assert.match(html, /<title>Error: /)
    })

    test('a form without its CSRF token is refused', async () => {
      const form = newRequest('2024-02-01', { requesterName: 'X', requesterContact: 'x@example.net', questions: 'Q?' })
      const client = await officerOnNewRequest()
      assert.equal((await client.post('/staff/foi/new', form, { csrf: false })).status, 403)
    })

    test('log, clarify, answer with the register’s help, respond and publish, all through the pages', async () => {
      const client = await officerOnNewRequest()
      const request = newRequest('2024-06-03', {
        channel: 'web_form',
        requesterName: 'Harriet Pageflow',
        requesterContact: 'harriet@example.net',
        summary: 'The WAIS medium risk service',
        questions: '1. What is the value of the WAIS contract?\n2. Until when does it run?',
      })
      const location = await client.postRedirected('/staff/foi/new', request)
      const id = Number(/\/staff\/foi\/(\d+)$/.exec(location)?.[1])
      let html = await (await client.get(location)).text()
      assert.match(html, /Request 1\/24 logged/)
      assert.match(html, /What is the value of the WAIS contract\?/)
      assert.match(html, /Until when does it run\?/)
      assert.match(html, /<strong id="deadline">1 July 2024<\/strong>/)

      await client.get(`/staff/foi/${id}/clarification`)
      await client.postRedirected(`/staff/foi/${id}/clarification`, {
        ...dateFields('date', '2024-06-04'),
        note: 'Which of the WAIS services do you mean?',
      })
      html = await (await client.get(`/staff/foi/${id}`)).text()
      assert.match(html, /The clock stopped on 4 June 2024/)
      const reply = (date: string) => ({ ...dateFields('date', date), note: 'The medium risk service' })
      assert.match(
        await client.postRefused(`/staff/foi/${id}/clarification-reply`, reply('2024-06-03')),
        /The date must be on or after the date clarification was sought/,
      )
      await client.postRedirected(`/staff/foi/${id}/clarification-reply`, reply('2024-06-10'))
      html = await (await client.get(`/staff/foi/${id}`)).text()
      assert.match(html, /<strong id="deadline">8 July 2024<\/strong>/)

      const questionIds = [...html.matchAll(new RegExp(`/staff/foi/${id}/questions/(\\d+)`, 'g'))].map((m) =>
        Number(m[1]),
      )
      const [first, second] = [...new Set(questionIds)].map((question) => `/staff/foi/${id}/questions/${question}`)
      html = await (await client.get(first!)).text()
      assert.match(html, /value="value WAIS contract"/, 'the panel searches the question’s words')
      assert.match(html, /£86,000.00 to Women’s Aid Integrated Services/)
      const awards = html.slice(html.indexOf('id="found-awards"'), html.indexOf('id="found-services-heading"'))
      const use = /name="use" value="([^"]*)"/
        .exec(awards)?.[1]
        ?.replace(/&#10;/g, '\n')
        .replace(/&amp;/g, '&')
        .replace(/&#39;/g, "'")
      assert.ok(use, 'a "use in answer" button for the award')
      const value = 'What is the value of the WAIS contract?'
      const response = await client.post(first!, answerForm(value, { use }))
      assert.equal(response.status, 200)
      html = await response.text()
      assert.match(html, /<textarea[^>]*id="answer"[^>]*>£86,000.00 to Women’s Aid Integrated Services/)
      assert.match(html, /id="registerLink"[^>]*value="\/decisions\/nottinghamshire-10653"/)

      assert.match(
        await client.postRefused(first!, answerForm(value)),
        /Enter the answer, or choose the exemption that applies/,
      )
      const decision = '/decisions/nottinghamshire-10653'
      const answer = '£86,000.00 to Women’s Aid Integrated Services.'
      await client.postRedirected(first!, answerForm(value, { answer, registerLink: decision }))
      const respond = (outcome: string) => ({ ...dateFields('date', '2024-06-20'), outcome })
      assert.match(
        await client.postRefused(`/staff/foi/${id}/response`, respond('released_in_full')),
        /1 question has no answer or exemption/,
      )
      await client.postRedirected(
        second!,
        answerForm('Until when does it run?', { exemption: 's.21', registerLink: decision }),
      )
      await client.postRedirected(`/staff/foi/${id}/response`, respond('released_in_part'))
      await client.postRedirected(`/staff/foi/${id}/publish`, dateFields('date', '2024-06-24'))
      html = await (await client.get(`/staff/foi/${id}`)).text()
      assert.match(html, /Published on 24 June 2024, 2 working days after the response/)

      const log = await (await fetch(`${web.baseUrl}/disclosure-log?q=WAIS`)).text()
      assert.match(log, /href="\/disclosure-log\/nottinghamshire-1-24">1\/24</)
      const entry = await (await fetch(`${web.baseUrl}/disclosure-log/nottinghamshire-1-24`)).text()
      assert.match(entry, /What is the value of the WAIS contract\?/)
      assert.match(entry, /Already published, so exempt under section 21/)
      assert.match(entry, /href="\/decisions\/nottinghamshire-10653"/)
      assert.doesNotMatch(entry, /Harriet|harriet@example/)
    })

    test('the disclosure log answers 404 for requests not published, and redirects a bare reference', async () => {
      assert.equal((await fetch(`${web.baseUrl}/disclosure-log/nottinghamshire-nothing`)).status, 404)
      const redirect = await fetch(`${web.baseUrl}/disclosure-log/10653`, { redirect: 'manual' })
      assert.equal(redirect.status, 301)
      assert.equal(redirect.headers.get('location'), '/disclosure-log/nottinghamshire-10653')
      const bad = await fetch(`${web.baseUrl}/disclosure-log?page=0`)
      assert.equal(bad.status, 400)
    })
  })
}
