import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Database } from '../../../src/db/database.ts'
import type { DB } from '../../../src/db/tables/index.ts'
import { openTestDatabase, testEngines, withTestDatabase } from '../../support/database.ts'
import { healthWithDatabaseDown, startApp, withApp } from '../../support/server.ts'

for (const engine of testEngines()) {
  describe(`errors seen by the public on ${engine}`, () => {
    test('health says DOWN without the connection detail', () =>
      withTestDatabase(engine, (t) =>
        withApp(
          t.database,
          async (app) => {
            const response = await fetch(`${app.baseUrl}/health`)
            assert.equal(response.status, 503)
            const text = await response.text()
            assert.doesNotMatch(text, /ECONNREFUSED|127\.0\.0\.1|5499/)
            assert.deepEqual(JSON.parse(text), {
              status: 'DOWN',
              components: { database: { status: 'DOWN', engine: t.database.engine } },
            })
          },
          { health: healthWithDatabaseDown(t.database, 'connect ECONNREFUSED 127.0.0.1:5499') },
        ),
      ))

    test('an unknown address under /api answers 404 problem+json', () =>
      withTestDatabase(engine, (t) =>
        withApp(t.database, async (app) => {
          for (const path of ['/api/v1/nothing', '/api/v2/decisions', '/api/v1/decisions/1/more']) {
            const response = await fetch(`${app.baseUrl}${path}`)
            assert.equal(response.status, 404, path)
            assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/, path)
          }
        }),
      ))
  })
}

describe('the register with its PostgreSQL server gone', () => {
  test('the API answers problem+json, downloads plain text, and health 503, without internal detail', async () => {
    const t = await openTestDatabase('pglite')
    const pool = new pg.Pool({
      connectionString: 'postgres://register:secret@127.0.0.1:5499/register',
      connectionTimeoutMillis: 1000,
    })
    pool.on('error', () => undefined)
    const gone = Object.create(t.database) as Database
    Object.defineProperty(gone, 'db', { value: new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }) })
    Object.defineProperty(gone, 'engine', { value: 'postgres' })
    Object.defineProperty(gone, 'ping', { value: () => gone.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute() })
    const app = await startApp(gone)
    try {
      for (const path of ['/api/v1/decisions', '/api/v1/organisations/1', '/api/v1/awards?year=2024']) {
        const response = await fetch(`${app.baseUrl}${path}`)
        assert.equal(response.status, 500, path)
        assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/, path)
        const problem = (await response.json()) as { status: number; title: string; detail: string }
        assert.equal(problem.status, 500)
        assert.doesNotMatch(problem.detail, /ECONNREFUSED|5499|127\.0\.0\.1/, 'no internal detail')
      }
      const csv = await fetch(`${app.baseUrl}/downloads/decisions.csv`)
      assert.equal(csv.status, 500)
      assert.match(csv.headers.get('content-type') ?? '', /^text\/plain/)
      assert.equal(csv.headers.get('content-disposition'), null)
      assert.doesNotMatch(await csv.text(), /ECONNREFUSED|5499/)
      const health = await fetch(`${app.baseUrl}/health`)
      assert.equal(health.status, 503)
      assert.doesNotMatch(await health.text(), /ECONNREFUSED|5499/)
    } finally {
      await app.stop()
      await gone.db.destroy()
      await t.dispose()
    }
  })
})
