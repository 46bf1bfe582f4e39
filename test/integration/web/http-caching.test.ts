import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { request } from 'node:http'
import { openTestDatabase } from '../../support/database.ts'
import { startApp } from '../../support/server.ts'

/** The raw response, without fetch's transparent decompression. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Headers }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      response.resume()
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: new Headers(Object.entries(response.headers).map(([k, v]): [string, string] => [k, String(v)])),
        }),
      )
    })
      .on('error', reject)
      .end()
  })
}

describe('public pages behind a proxy or CDN', () => {
  test('revalidate register pages with ETag and Last-Modified, and compress HTML, CSV and JSON', async () => {
    const t = await openTestDatabase('pglite', { demo: true })
    const app = await startApp(t.database)
    try {
      for (const path of ['/', '/ledger', '/providers', '/funding-streams']) {
        const first = await fetch(`${app.baseUrl}${path}`)
        assert.equal(first.status, 200, path)
        const etag = first.headers.get('etag')
        assert.ok(etag, `${path} has an ETag`)
        assert.ok(first.headers.get('last-modified'), `${path} has Last-Modified`)
        assert.match(first.headers.get('cache-control') ?? '', /^public/, path)
        const again = await fetch(`${app.baseUrl}${path}`, { headers: { 'if-none-match': etag } })
        assert.equal(again.status, 304, `${path} revalidates`)
      }
      for (const path of ['/', '/ledger.csv', '/api/v1/decisions']) {
        const response = await rawGet(`${app.baseUrl}${path}`, { 'accept-encoding': 'gzip' })
        assert.equal(response.status, 200, path)
        assert.equal(response.headers.get('content-encoding'), 'gzip', `${path} is compressed`)
      }
    } finally {
      await app.stop()
      await t.dispose()
    }
  })
})
