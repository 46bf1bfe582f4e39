import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { testEngines, withTestDatabase } from '../../../../../support/database.ts'
import { healthWithDatabaseDown, withApp } from '../../../../../support/server.ts'
import { webAppSetUp } from '../../../../../support/staff.ts'
import { decisionByReference } from '../../../../../support/imports.ts'


for (const engine of testEngines()) {
  describe(`the public register pages on ${engine}`, () => {
    const web = webAppSetUp(engine)

    const get = (path: string) => fetch(`${web.baseUrl}${path}`)

    test('the home page lists decisions with reference, title, office, date and total', async () => {
      const response = await get('/')
      assert.equal(response.status, 200)
      const html = await response.text()
      assert.match(html, /2021\.021/)
      assert.match(html, /Domestic Abuse Partnership Car Pilot/)
      assert.match(html, /16 March 2021/)
      assert.match(html, /£47,013</)
      assert.match(html, /£2,125,000 a year/)
      assert.match(html, /Nottinghamshire Office of the Police and Crime Commissioner/)
    })

    test('an office’s register carries its name in the header and its copyright in the footer, without GOV.UK branding', async () => {
      const html = await (await get('/offices/nottinghamshire-office-of-the-police-and-crime-commissioner')).text()
      assert.match(html, /govuk-generic-header/)
      assert.match(html, /© Nottinghamshire Office of the Police and Crime Commissioner/)
      assert.doesNotMatch(html, /Crown copyright|govuk-logo|GOV\.UK/)
      const national = await (await get('/')).text()
      assert.match(national, /© the offices named on each record/)
      assert.doesNotMatch(national, /Crown copyright|govuk-logo|GOV\.UK/)
    })

    test('search narrows the list', async () => {
      const html = await (await get('/?q=Thurrock')).text()
      assert.match(html, /1 decision matching/)
      assert.match(html, /PCC036\/18/)
      assert.doesNotMatch(html, /2021\.021/)
    })

    test('a bad filter value is explained, not an error page', async () => {
      const response = await get('/?year=banana')
      assert.equal(response.status, 400)
      const html = await response.text()
      assert.match(html, /There is a problem/)
      assert.match(html, /Choose a financial year from the list/)
    })

    test('a decision page shows its awards with totals per period', async () => {
      const html = await (await get('/decisions/nottinghamshire-2024-006')).text()
      assert.match(html, /October 2023 to March 2024/)
      assert.match(html, /£39,381\.75.*?£56,509\.00|£95,890\.75/s)
      assert.match(html, /£95,890\.75/)
      assert.match(html, /£215,566\.69/)
      assert.match(html, /£118,338\.11/)
      assert.match(html, /id="awards-total">£429,795\.55/)
      assert.equal(html.match(/Direct award to Juno Women&#39;s Aid/g)?.length, 1)
      assert.match(html, /£48,190\.12/)
    })

    test('a decision page shows partner contributions per year', async () => {
      const html = await (await get('/decisions/hampshire-pccml-000407-2018')).text()
      assert.match(html, /£294,500 a year \(up to\)/)
      assert.match(html, /Reduced pro rata/)
    })

    test('a link between decisions is worded from each side of it', async () => {
      const later = await decisionByReference(web.database, '2021.021')
      const earlier = await decisionByReference(web.database, 'PCC036/18')
      await web.database.db
        .insertInto('decision_links')
        .values({ from_decision_id: later.id, to_decision_id: earlier.id, kind: 'supersedes' })
        .execute()
      const laterPage = await (await get(`/decisions/${later.slug}`)).text()
      assert.match(laterPage, /Supersedes: <a [^>]*>PCC036\/18 /)
      const earlierPage = await (await get(`/decisions/${earlier.slug}`)).text()
      assert.match(earlierPage, /Is superseded by: <a [^>]*>2021\.021 /)
    })

    test('an unknown decision is a 404 page', async () => {
      const response = await get('/decisions/nowhere-1')
      assert.equal(response.status, 404)
      assert.match(await response.text(), /Page not found/)
    })

    test('pages carry a content security policy with a nonce', async () => {
      const response = await get('/')
      assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
    })

    test('health answers UP with the database component', async () => {
      const response = await get('/health')
      assert.equal(response.status, 200)
      assert.deepEqual(await response.json(), { status: 'UP', components: { database: { status: 'UP', engine } } })
    })
  })
}

describe('health when the database is gone', () => {
  test('answers 503 DOWN, keeping the reason for the log', () =>
    withTestDatabase('pglite', (t) =>
      withApp(
        t.database,
        async (app) => {
          const response = await fetch(`${app.baseUrl}/health`)
          assert.equal(response.status, 503)
          assert.deepEqual(await response.json(), {
            status: 'DOWN',
            components: { database: { status: 'DOWN', engine: 'postgres' } },
          })
        },
        {
          health: healthWithDatabaseDown(t.database, 'connect ECONNREFUSED 127.0.0.1:5432', { engine: 'postgres' }),
        },
      ),
    ))
})
