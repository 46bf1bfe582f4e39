import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { homeQuery } from '../../../src/web/routes/public/decisions/home.ts'
import { disclosureLogQuery } from '../../../src/web/routes/public/foi/disclosure-log.ts'
import { ledgerQuery } from '../../../src/web/routes/public/ledger/query.ts'
import { publicEndpoints } from '../../../src/web/routes/api/public-endpoints.ts'
import { webAppSetUp } from '../../support/staff.ts'
import { testEngines } from '../../support/database.ts'

/** Values a hostile visitor puts in every parameter and path segment. */
const HOSTILE = ['\u0000', '\uFFFE', '12345678901234567890', '-1', '1e309', '\u202Eevil']

/** Every public GET address with the query parameters it reads; `{slug}` marks a path segment. */
function publicRoutes(): Array<{ path: string; parameters: string[] }> {
  const keys = (schema: { shape: object }) => Object.keys(schema.shape)
  const pages = [
    { path: '/', parameters: keys(homeQuery) },
    { path: '/decisions/{slug}', parameters: [] },
    { path: '/decisions/{slug}/notice', parameters: [] },
    { path: '/decisions/{slug}/notice.pdf', parameters: [] },
    { path: '/open-data', parameters: [] },
    { path: '/downloads/360giving.json', parameters: [] },
    { path: '/downloads/360giving.csv', parameters: [] },
    { path: '/downloads/decisions.csv', parameters: keys(homeQuery).filter((key) => key !== 'page') },
    { path: '/downloads/disclosure-log.csv', parameters: ['q'] },
    { path: '/feeds/decisions.atom', parameters: [] },
    { path: '/feeds/providers/{slug}.atom', parameters: [] },
    { path: '/feeds/areas/{slug}.atom', parameters: [] },
    { path: '/disclosure-log', parameters: keys(disclosureLogQuery) },
    { path: '/disclosure-log/{slug}', parameters: [] },
    { path: '/ledger', parameters: keys(ledgerQuery) },
    { path: '/ledger.csv', parameters: keys(ledgerQuery) },
    { path: '/providers', parameters: [] },
    { path: '/providers/{slug}', parameters: [] },
    { path: '/areas', parameters: [] },
    { path: '/areas/{slug}', parameters: [] },
    { path: '/services', parameters: ['type', 'area'] },
    { path: '/services/{slug}', parameters: ['partner', 'reduction'] },
    { path: '/pipeline', parameters: ['on'] },
    { path: '/funding-streams', parameters: [] },
    { path: '/charts', parameters: ['year'] },
    { path: '/api', parameters: [] },
    { path: '/api/openapi.json', parameters: [] },
    { path: '/health', parameters: [] },
  ]
  const api = publicEndpoints
    .filter((endpoint) => endpoint.method === 'get')
    .map((endpoint) => ({
      path: `/api${endpoint.path.replace(/\{\w+\}/, '{slug}')}`,
      parameters: endpoint.query ? keys(endpoint.query) : [],
    }))
  return [...pages, ...api]
}

for (const engine of testEngines()) {
  describe(`hostile addresses on ${engine}`, () => {
    const web = webAppSetUp(engine)
    const realSegment = new Map<string, string>()

    before(async () => {
      // A real record for each slug route, so that query parameters of record pages are reached too.
      const firstLink = async (page: string, prefix: string) => {
        const html = await (await fetch(`${web.baseUrl}${page}`)).text()
        return new RegExp(`href="${prefix}/([a-z0-9-]+)"`).exec(html)?.[1]
      }
      for (const [page, prefix] of [
        ['/', '/decisions'],
        ['/providers', '/providers'],
        ['/areas', '/areas'],
        ['/services', '/services'],
      ] as const) {
        const slug = await firstLink(page, prefix)
        assert.ok(slug, `the demonstration register has a record under ${prefix}`)
        realSegment.set(prefix, slug)
      }
    })

    test('no value in any parameter or path segment gets a server error, and the server keeps answering', async (context) => {
      const routes = publicRoutes()
      const failures: string[] = []
      let requests = 0
      const probe = async (address: string) => {
        requests++
        const response = await fetch(`${web.baseUrl}${address}`, { redirect: 'manual' })
        await response.arrayBuffer()
        if (response.status >= 500) failures.push(`${address} answered ${response.status}`)
        const health = await fetch(`${web.baseUrl}/health`)
        await health.arrayBuffer()
        assert.equal(health.status, 200, `/health after ${address}`)
      }
      for (const route of routes) {
        const prefix = route.path.split('/{slug}')[0]!
        const withSlug = (segment: string) => route.path.replace('{slug}', encodeURIComponent(segment))
        const base = route.path.includes('{slug}') ? withSlug(realSegment.get(prefix) ?? '1') : route.path
        for (const value of HOSTILE) {
          if (route.path.includes('{slug}')) await probe(withSlug(value))
          for (const parameter of route.parameters) await probe(`${base}?${parameter}=${encodeURIComponent(value)}`)
        }
      }
      context.diagnostic(
        `${requests} hostile requests to ${routes.length} routes on ${engine}, each followed by /health`,
      )
      assert.ok(requests > routes.length * HOSTILE.length, 'every route was fuzzed')
      assert.deepEqual(failures, [])
    })
  })
}
