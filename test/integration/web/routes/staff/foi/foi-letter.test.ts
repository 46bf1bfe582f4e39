import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { extractText, getDocumentProxy } from 'unpdf'
import { addDays, todayInLondon } from '../../../../../../src/domain/uk-date.ts'
import { SYSTEM_ACTOR } from '../../../../../../src/services/audit/audit.ts'
import { FoiService } from '../../../../../../src/services/foi/requests.ts'
import { StaffClient } from '../../../../../support/staff-client.ts'
import { addStaff, signedIn, webAppSetUp } from '../../../../../support/staff.ts'
import { testEngines } from '../../../../../support/database.ts'
import { answerTo, EXEMPT_AS_PUBLISHED } from '../../../../../support/foi.ts'

for (const engine of testEngines()) {
  describe(`the FOI response letter on ${engine}`, () => {
    const web = webAppSetUp(engine)
    let client: StaffClient
    let foi: FoiService
    let id = 0

    before(async () => {
      await addStaff(web.database, { email: 'letter@test.example', name: 'Letter Officer', roles: ['officer'] })
      foi = new FoiService(web.database)
      const received = addDays(todayInLondon(), -7)
      const logged = await foi.log(
        {
          reference: 'LETTER/1',
          receivedOn: received,
          channel: 'email',
          requesterName: 'Ottoline Marchbank',
          requesterContact: 'ottoline@example.org',
          summary: 'Refuge contracts',
          questions: ['How much did you spend on refuges?', 'Which providers run them?', 'What is each provider paid?'],
        },
        await foi.officeFor(null),
        SYSTEM_ACTOR,
      )
      id = logged.id
      const detail = (await foi.detail(id))!
      const [q1, q2] = detail.questions
      await foi.saveAnswer(id, q1!.id, answerTo(q1!, '£412,000 in 2024/25.'), SYSTEM_ACTOR)
      const named = answerTo(q2!, 'They are named in the published decision.', EXEMPT_AS_PUBLISHED)
      await foi.saveAnswer(id, q2!.id, named, SYSTEM_ACTOR)
      client = await signedIn(web.baseUrl, 'letter@test.example')
    })

    test('a letter with a question unanswered is a draft naming it', async () => {
      const response = await client.get(`/staff/foi/${id}/letter`)
      assert.equal(response.status, 200)
      const html = await response.text()
      assert.match(html, /This is a draft: question 3 has no answer yet/)
      assert.match(html, /No answer recorded yet/)
    })

    test('the page and the PDF hold the questions, answers, exemptions and the rights to review and complain', async () => {
      const detail = (await foi.detail(id))!
      const q3 = detail.questions[2]!
      await foi.saveAnswer(id, q3.id, answerTo(q3, null, { exemption: 's.43' }), SYSTEM_ACTOR)
      await foi.answer(id, todayInLondon(), 'released_in_part', SYSTEM_ACTOR)

      const request = await (await client.get(`/staff/foi/${id}`)).text()
      assert.match(request, /href="\/staff\/foi\/\d+\/letter"/)
      const html = await (await client.get(`/staff/foi/${id}/letter`)).text()
      assert.doesNotMatch(html, /This is a draft/)
      assert.match(html, /Dear Ottoline Marchbank/)
      assert.match(html, /Question 1[\s\S]*How much did you spend on refuges\?[\s\S]*£412,000 in 2024\/25\./)
      assert.match(html, /Information released in part/)
      assert.match(html, /http:\/\/localhost:\d+\/decisions\/nottinghamshire-2021-021/)
      assert.match(html, /id="letter-exemptions">[\s\S]*s\.21[\s\S]*s\.43/)
      assert.match(html, /internal review[\s\S]*LETTER\/1/)
      assert.match(html, /Information Commissioner/)

      const pdf = await client.get(`/staff/foi/${id}/letter.pdf`)
      assert.equal(pdf.headers.get('content-type'), 'application/pdf')
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.arrayBuffer())), {
        mergePages: true,
      })
      for (const expected of [
        'Freedom of Information request LETTER/1',
        'Dear Ottoline Marchbank',
        'How much did you spend on refuges?',
        '£412,000 in 2024/25.',
        'Exemptions we have relied on',
        's.43',
        'Your right to ask for a review',
        'Information Commissioner’s Office',
      ])
        assert.ok(text.includes(expected), `the PDF says “${expected}”`)
      assert.ok(!text.includes('DRAFT'))
    })

    test('a request of no office the officer works for, or none at all, is not found', async () => {
      assert.equal((await client.get('/staff/foi/999999/letter')).status, 404)
      assert.equal((await client.get('/staff/foi/999999/letter.pdf')).status, 404)
    })
  })
}
