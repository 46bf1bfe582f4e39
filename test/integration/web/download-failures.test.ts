import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { request } from 'node:http'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { services as makeServices, type Services } from '../../../src/services/index.ts'
import type { CsvRow } from '../../../src/services/open-data/csv-tables.ts'
import { openTestDatabase, testEngines, type TestDatabase } from '../../support/database.ts'
import { startApp, type RunningApp } from '../../support/server.ts'

/** Far more than the socket buffers on both sides hold, so the server is still writing when the client leaves. */
const LARGE_BYTES = 8 * 1024 * 1024
/** The downloads that can be large: the ledger and the open data files. */
const LARGE_DOWNLOADS = [
  '/ledger.csv',
  '/downloads/decisions.csv',
  '/downloads/360giving.json',
  '/downloads/360giving.csv',
]

/** Reads the first chunk of a download, then destroys the socket; resolves with the bytes seen. */
function readFirstChunkAndHangUp(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, (res) => {
      res.once('data', (chunk: Buffer) => {
        req.destroy()
        resolve(chunk.length)
      })
    })
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? undefined : reject(error)))
    req.end()
  })
}

/** Reads a whole download; resolves with whether it ended cleanly and how many bytes arrived. */
function readToEnd(url: string): Promise<{ status: number; complete: boolean; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, (res) => {
      let bytes = 0
      res.on('data', (chunk: Buffer) => (bytes += chunk.length))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, complete: res.complete, bytes }))
      res.on('error', () => resolve({ status: res.statusCode ?? 0, complete: false, bytes }))
      res.on('aborted', () => resolve({ status: res.statusCode ?? 0, complete: false, bytes }))
    })
    req.on('error', reject)
    req.end()
  })
}

for (const engine of testEngines()) {
  describe(`downloads that fail after they start on ${engine}`, () => {
    let t: TestDatabase
    let app: RunningApp
    let folder: string
    const closed = { registerRows: 0 }
    let failAfterRows: number | null = null
    // In production an error that escapes every handler stops the process; the test runner only reports it.
    const escaped: string[] = []
    const recordEscape = (error: Error) => void escaped.push(error.message)

    before(async () => {
      process.on('uncaughtException', recordEscape)
      process.on('unhandledRejection', recordEscape)
      t = await openTestDatabase(engine, { demo: true })
      // A ledger far larger than the socket buffers: each public award copied many times over.
      await sql`insert into awards (decision_id, position, recipient_id, recipient_name, amount_pence, period_label, period_start, period_end, financial_year, per_annum, up_to, via_id, route, route_justification, funding_stream_id, service_id, purpose, condition, withheld)
        select decision_id, position, recipient_id, recipient_name, amount_pence, period_label, period_start, period_end, financial_year, per_annum, up_to, via_id, route, route_justification, funding_stream_id, service_id, repeat('A purpose long enough to fill the socket buffers quickly. ', 20), condition, withheld
        from awards cross join generate_series(1, 300) where not withheld`.execute(t.database.db)
      folder = await mkdtemp(join(tmpdir(), 'cr-download-'))
      const big360 = join(folder, '360giving.json')
      await writeFile(
        big360,
        `{"grants":[${Array.from({ length: LARGE_BYTES / 64 }, () => '{"id":"360G-test","title":"a grant","amountAwarded":1000}').join(',')}]}`,
      )
      const real = makeServices(t.database)
      const openData = Object.create(real.openData) as Services['openData']
      openData.download360 = async () => big360
      openData.registerTable = (filter) => {
        const rows = real.openData.registerTable(filter)
        return (async function* (): AsyncGenerator<CsvRow> {
          try {
            const header = await rows.next()
            if (!header.done) yield header.value
            for (let i = 0; i < 200_000; i++) {
              if (failAfterRows !== null && i === failAfterRows)
                throw new Error('terminating connection due to administrator command')
              yield [
                `2024.${i}`,
                'A decision with a long enough title to fill the buffers of both sockets',
                'decision',
                'non_confidential',
                'Office',
                '2024-04-01',
                '£1,000',
                '1000.00',
                'no',
                'https://example.org/',
              ]
            }
          } finally {
            closed.registerRows++
            await rows.return(undefined)
          }
        })()
      }
      app = await startApp(t.database, { openData })
    })
    after(async () => {
      process.off('uncaughtException', recordEscape)
      process.off('unhandledRejection', recordEscape)
      await app.stop()
      await t.dispose()
      await rm(folder, { recursive: true, force: true })
    })

    const assertStillServing = async () => {
      await new Promise((resolve) => setTimeout(resolve, 50))
      assert.deepEqual(escaped, [], 'no error escaped its request')
      const health = await fetch(`${app.baseUrl}/health`)
      assert.equal(health.status, 200)
      assert.equal(((await health.json()) as { status: string }).status, 'UP')
      const page = await fetch(`${app.baseUrl}/ledger`)
      await page.arrayBuffer()
      assert.equal(page.status, 200)
    }

    test('a client that hangs up in the middle of any large download leaves the server answering', async () => {
      for (const path of LARGE_DOWNLOADS) {
        const seen = await readFirstChunkAndHangUp(`${app.baseUrl}${path}`)
        assert.ok(seen > 0, `${path} started`)
        await assertStillServing()
      }
    })

    test('the whole large ledger still downloads for a client that stays', async () => {
      const result = await readToEnd(`${app.baseUrl}/ledger.csv`)
      assert.equal(result.status, 200)
      assert.ok(result.complete)
      assert.ok(result.bytes > LARGE_BYTES / 4, `the ledger is large (${result.bytes} bytes)`)
    })

    test('the rows of a download a client left are let go', async () => {
      const before = closed.registerRows
      await readFirstChunkAndHangUp(`${app.baseUrl}/downloads/decisions.csv`)
      for (let i = 0; i < 50 && closed.registerRows === before; i++)
        await new Promise((resolve) => setTimeout(resolve, 20))
      assert.equal(closed.registerRows, before + 1)
    })

    test('a database that stops in the middle of a download cuts that download short and nothing else', async () => {
      failAfterRows = 20_000
      try {
        const result = await readToEnd(`${app.baseUrl}/downloads/decisions.csv`)
        assert.equal(result.status, 200)
        assert.equal(result.complete, false, 'the client can tell the download stopped short')
        assert.ok(result.bytes > 0)
      } finally {
        failAfterRows = null
      }
      await assertStillServing()
    })
  })
}
