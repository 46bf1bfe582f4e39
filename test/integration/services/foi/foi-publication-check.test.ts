import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { AccountService } from '../../../../src/services/accounts/accounts.ts'
import { SYSTEM_ACTOR, type Actor } from '../../../../src/services/audit/audit.ts'
import { FormError } from '../../../../src/services/shared/form-error.ts'
import { testEngines } from '../../../support/database.ts'
import { startApp } from '../../../support/server.ts'
import { StaffClient } from '../../../support/staff-client.ts'
import { servicesSetUp } from '../../../support/services.ts'
import { answerTo } from '../../../support/foi.ts'

const OFFICER: Actor = { userId: null, label: 'Test Officer <officer@test.example>' }

for (const engine of testEngines()) {
  describe(`FOI publication check on ${engine}`, () => {
    const { t, app: s } = servicesSetUp(engine)
    let officeId: number

    before(async () => {
      officeId = (await s.foi.requests.officeFor(null))!
    })

    /** Logs and answers a request whose answers are the given texts, and tries to publish it. */
    async function answered(requester: { name: string; contact: string }, answers: string[]): Promise<number> {
      const { id } = await s.foi.requests.log(
        {
          reference: null,
          receivedOn: '2024-06-03',
          channel: 'email',
          requesterName: requester.name,
          requesterContact: requester.contact,
          summary: 'Refuge funding',
          questions: answers.map((_, i) => `Question number ${i + 1}?`),
        },
        officeId,
        OFFICER,
      )
      const questions = (await s.foi.requests.detail(id))!.questions
      for (const [i, q] of questions.entries())
        await s.foi.requests.saveAnswer(id, q.id, answerTo(q, answers[i]!), OFFICER)
      await s.foi.requests.answer(id, '2024-06-20', 'released_in_full', OFFICER)
      return id
    }

    async function publishAnswered(requester: { name: string; contact: string }, answers: string[]): Promise<unknown> {
      const id = await answered(requester, answers)
      try {
        await s.foi.requests.publish(id, '2024-06-21', OFFICER)
        return null
      } catch (error) {
        return error
      }
    }

    const refusal = (error: unknown) => (error instanceof FormError ? (error.errors.date ?? '') : '')

    test('an answer addressed to the requester by surname is not published, and the error says where', async () => {
      const error = await publishAnswered({ name: 'Barnaby Quillfeather', contact: 'barnaby@example.org' }, [
        'We funded refuges.',
        'Dear Mr Quillfeather, see above.',
      ])
      assert.match(
        refusal(error),
        /^The answer to question 2 contains the requester’s name or contact \(their surname “quillfeather”\)/,
      )
    })

    test('a forename with other accents, an email local part and a phone number written differently are found', async () => {
      assert.match(
        refusal(
          await publishAnswered({ name: 'Renée Fairweather', contact: 'r.fair@example.org' }, ['Thank you, Renee.']),
        ),
        /forename “renee”/,
      )
      assert.match(
        refusal(
          await publishAnswered({ name: 'Ann Other', contact: 'r.fair@example.org' }, [
            'Copied to R.Fair for reference.',
          ]),
        ),
        /email name “r\.fair”/,
      )
      assert.match(
        refusal(
          await publishAnswered({ name: 'Ann Other', contact: '+44 7700 900123' }, ['We rang 07700-900-123 twice.']),
        ),
        /phone number/,
      )
    })

    test('an answer free of the requester is published', async () => {
      assert.equal(
        await publishAnswered({ name: 'Barnaby Quillfeather', contact: '07700 900123' }, [
          'We funded refuges in 2024 at a cost of £7,700.',
        ]),
        null,
      )
    })

    test('the publish page shows where the requester was found in its error summary', async () => {
      const id = await answered({ name: 'Barnaby Quillfeather', contact: 'barnaby@example.org' }, [
        'We funded refuges.',
        'Dear Mr QUILLFEATHER, see above.',
      ])
      const password = 'a long passphrase for the publication check'
      await new AccountService(t.database).create(
        { email: 'publisher@test.example', name: 'Publisher', roles: ['officer'], password },
        SYSTEM_ACTOR,
      )
      const app = await startApp(t.database)
      try {
        const client = new StaffClient(app.baseUrl)
        assert.equal((await client.signIn('publisher@test.example', password)).status, 302)
        await client.get(`/staff/foi/${id}/publish`)
        const response = await client.post(`/staff/foi/${id}/publish`, {
          'date-day': '21',
          'date-month': '6',
          'date-year': '2024',
        })
        assert.equal(response.status, 400)
        const summary = /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(await response.text())?.[1] ?? ''
        assert.match(
          summary,
          /The answer to question 2 contains the requester’s name or contact \(their surname “quillfeather”\)/,
        )
      } finally {
        await app.stop()
      }
    })
  })
}
