/** FOI requests for the tests of the FOI services: an officer, a request logged with defaults, a field's error. */
import { before } from 'node:test'
import type { Actor } from '../../src/services/audit/audit.ts'
import type { FoiService } from '../../src/services/foi/requests.ts'
import { FormError } from '../../src/services/shared/form-error.ts'
import type { TestEngine } from './database.ts'
import { servicesSetUp } from './services.ts'

export const OFFICER: Actor = { userId: null, label: 'Test Officer <officer@test.example>' }

/** Checks (for assert.rejects) that the error is a form error whose message for `field` matches `pattern`. */
export function formError(field: string, pattern: RegExp) {
  return (error: unknown) => error instanceof FormError && pattern.test(error.errors[field] ?? '')
}

/**
 * Logs a request to the office as the officer: received by email on 3 June 2024 from Zebedee Quill, about refuge
 * funding with two questions, and numbered by the office, unless `overrides` says otherwise.
 */
export function logRequest(
  foi: FoiService,
  officeId: number,
  overrides: Partial<Parameters<FoiService['log']>[0]> = {},
): ReturnType<FoiService['log']> {
  return foi.log(
    {
      reference: null,
      receivedOn: '2024-06-03',
      channel: 'email',
      requesterName: 'Zebedee Quill',
      requesterContact: 'zq@example.net',
      summary: 'Refuge funding',
      questions: ['How much was spent on refuges?', 'Which providers run them?'],
      ...overrides,
    },
    officeId,
    OFFICER,
  )
}

/**
 * The set-up of the FOI service tests (call it inside `describe`): the demonstration register's services, the
 * office that FOI requests go to, and `log` to log a request to it as `logRequest` does.
 */
export function foiSetUp(engine: TestEngine) {
  const { t, app } = servicesSetUp(engine)
  let office: number | undefined
  before(async () => {
    office = (await app.foi.requests.officeFor(null))!
  })
  const officeId = (): number => office!
  const log = (overrides: Partial<Parameters<FoiService['log']>[0]> = {}) =>
    logRequest(app.foi.requests, officeId(), overrides)
  return { t, app, officeId, log }
}

/**
 * What the answer form sends for a request's question: its own text and `answer`, with no exemption and no
 * register link unless `more` gives them.
 */
export function answerTo(
  question: { question: string },
  answer: string | null,
  more: { exemption?: string; registerLink?: string } = {},
) {
  return { question: question.question, answer, exemption: null, registerLink: null, ...more }
}

/** The answer form's exemption for information already published (section 21): the demonstration decision 2021-021. */
export const EXEMPT_AS_PUBLISHED = { exemption: 's.21', registerLink: '/decisions/nottinghamshire-2021-021' }
