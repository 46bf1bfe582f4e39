import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { type Actor } from '../../../src/services/audit/audit.ts'
import { services } from '../../../src/services/index.ts'
import { demoFoiRequest } from '../../../src/services/demo/records.ts'
import { openTestDatabase, testEngines, type TestDatabase } from '../../support/database.ts'
import { startApp, type RunningApp } from '../../support/server.ts'
import { addStaff } from '../../support/staff.ts'
import { answerTo } from '../../support/foi.ts'

const OFFICER: Actor = { userId: null, label: 'crawl test' }
const PUBLISHED_REQUESTER = { name: 'Zebedee Quill', contact: '12 Lantern Row, Bramblehurst BH1 2ZZ' }
const OPEN_REQUESTER = { name: 'Ottoline Vane', contact: 'ottoline.vane@example.net' }
const SECRETS = [
  demoFoiRequest.requesterName,
  demoFoiRequest.requesterContact,
  PUBLISHED_REQUESTER.name,
  PUBLISHED_REQUESTER.contact,
  OPEN_REQUESTER.name,
  OPEN_REQUESTER.contact,
]
const MAX_PAGES = 600
const TEXT_TYPES = /^(text\/|application\/(json|xml|csv|ld\+json|problem\+json|atom\+xml|rss\+xml))/

/** Same-host links in a page: hrefs of HTML, and paths or addresses inside JSON, CSV and feeds. */
function linksIn(body: string, baseUrl: string): string[] {
  const found = new Set<string>()
  for (const match of body.matchAll(/href="([^"#]*)/g)) found.add(match[1]!.replace(/&amp;/g, '&'))
  for (const match of body.matchAll(/"(\/[a-z][^"\s]*)"/gi)) found.add(match[1]!)
  for (const match of body.matchAll(new RegExp(`${baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/[^"'<>\\s]*)`, 'g')))
    found.add(match[1]!)
  return [...found]
}

function worthVisiting(path: string): boolean {
  if (!path.startsWith('/') || path.startsWith('//')) return false
  if (/^\/(staff|stylesheets|javascripts|assets|moj|static)\b/.test(path)) return false
  return !/\.(css|js|png|svg|ico|woff2?|pdf|docx)(\?|$)/i.test(path)
}

for (const engine of testEngines()) {
  describe(`no requester on any public page, crawled on ${engine}`, () => {
    let t: TestDatabase
    let app: RunningApp

    before(async () => {
      t = await openTestDatabase(engine, { demo: true })
      const s = services(t.database)
      await addStaff(t.database, { email: 'reader@test.example', name: 'Reader', roles: ['officer'] })
      const officeId = await s.foi.requests.officeFor(null)
      const published = await s.foi.requests.log(
        {
          reference: 'CRAWL/1',
          receivedOn: '2024-03-01',
          channel: 'post',
          requesterName: PUBLISHED_REQUESTER.name,
          requesterContact: PUBLISHED_REQUESTER.contact,
          summary: 'Perpetrator programme funding',
          questions: ['How much went to the perpetrator programme?', 'Who provides it?'],
        },
        officeId,
        OFFICER,
      )
      const [q1, q2] = (await s.foi.requests.detail(published.id))!.questions
      await s.foi.requests.saveAnswer(
        published.id,
        q1!.id,
        answerTo(q1!, 'See the decision.', {
          exemption: 's.21',
          registerLink: '/decisions/hampshire-pccml-000407-2018',
        }),
        OFFICER,
      )
      await s.foi.requests.saveAnswer(published.id, q2!.id, answerTo(q2!, null, { exemption: 's.43' }), OFFICER)
      await s.foi.requests.answer(published.id, '2024-03-20', 'released_in_part', OFFICER)
      await s.foi.requests.publish(published.id, '2024-03-21', OFFICER)
      await s.foi.requests.log(
        {
          reference: 'CRAWL/2',
          receivedOn: '2024-04-01',
          channel: 'email',
          requesterName: OPEN_REQUESTER.name,
          requesterContact: OPEN_REQUESTER.contact,
          summary: null,
          questions: ['What is spent on refuges?'],
        },
        officeId,
        OFFICER,
      )
      app = await startApp(t.database)
    })
    after(async () => {
      await app?.stop()
      await t?.dispose()
    })

    test('the requesters are held, so the crawl has something to miss', async () => {
      const rows = await t.database.db.selectFrom('foi_requests').select('requester_name').execute()
      for (const name of [demoFoiRequest.requesterName, PUBLISHED_REQUESTER.name, OPEN_REQUESTER.name])
        assert.ok(
          rows.some((r) => r.requester_name === name),
          name,
        )
    })

    test('every page reachable from the home page and the disclosure log leaves them out', async () => {
      const queue = [
        '/',
        '/disclosure-log',
        '/disclosure-log?q=refuge',
        '/disclosure-log/10653',
        '/api',
        '/api/openapi.json',
      ]
      const seen = new Set(queue)
      const visited: string[] = []
      const leaks: string[] = []
      while (queue.length && visited.length < MAX_PAGES) {
        const path = queue.shift()!
        const response = await fetch(`${app.baseUrl}${path}`)
        const type = response.headers.get('content-type') ?? ''
        if (!response.ok || !TEXT_TYPES.test(type)) {
          await response.body?.cancel()
          continue
        }
        const body = await response.text()
        visited.push(path)
        const lower = body.toLowerCase()
        for (const secret of SECRETS) if (lower.includes(secret.toLowerCase())) leaks.push(`${path} shows ${secret}`)
        for (const link of linksIn(body, app.baseUrl)) {
          const absolute = new URL(link, `${app.baseUrl}${path}`)
          if (absolute.origin !== app.baseUrl) continue
          const next = absolute.pathname + absolute.search
          if (worthVisiting(next) && !seen.has(next)) {
            seen.add(next)
            queue.push(next)
          }
        }
      }
      assert.deepEqual(leaks, [])
      for (const page of [
        '/',
        '/disclosure-log',
        '/disclosure-log/nottinghamshire-10653',
        '/disclosure-log/nottinghamshire-crawl-1',
        '/decisions/nottinghamshire-10653',
        '/decisions/hampshire-pccml-000407-2018',
      ]) {
        assert.ok(visited.includes(page), `the crawl reached ${page}`)
      }
      assert.ok(!visited.some((p) => p.includes('crawl-2')), 'the unanswered request is not in the disclosure log')
    })
  })
}
