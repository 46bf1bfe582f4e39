import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { webAppSetUp } from '../../support/staff.ts'
import { testEngines } from '../../support/database.ts'

for (const engine of testEngines()) {
  describe(`invalid input in the address on ${engine}`, () => {
    const web = webAppSetUp(engine)
    const get = (path: string) => fetch(`${web.baseUrl}${path}`, { redirect: 'manual' })

    before(async () => {})

    test('a NUL in a CSV download’s search words gets a plain-text 400 naming the parameter, and the server stays up', async () => {
      for (const path of [
        '/downloads/decisions.csv?q=%00',
        '/downloads/disclosure-log.csv?q=%00',
        '/ledger.csv?type=%00',
      ]) {
        const response = await get(path)
        assert.equal(response.status, 400, path)
        assert.match(response.headers.get('content-type') ?? '', /^text\/plain/, path)
        assert.equal(response.headers.get('content-disposition'), null, path)
        assert.match(
          await response.text(),
          /query parameter “(q|type)” holds a character that is not allowed \(U\+0000\)/,
          path,
        )
      }
      assert.equal((await get('/health')).status, 200)
    })

    test('pages answer an HTML 400 that says what is wrong', async () => {
      for (const [path, said] of [
        ['/?q=%00', /query parameter “q” holds a character that is not allowed \(U\+0000\)/],
        ['/disclosure-log?q=a%EF%BF%BEb', /query parameter “q” holds a character that is not allowed \(U\+FFFE\)/],
        ['/ledger?q=%ED%A0%80', /query parameter “q” is not valid: its value is not percent-encoded UTF-8/],
        ['/services?type=%FF', /query parameter “type” is not valid/],
        ['/decisions/abc%00def', /address holds a character that is not allowed \(U\+0000\)/],
        ['/providers/%E0%A4%A', /address is not valid/],
        ['/charts?year=%1B', /U\+001B/],
      ] as const) {
        const response = await get(path)
        assert.equal(response.status, 400, path)
        assert.match(response.headers.get('content-type') ?? '', /^text\/html/, path)
        assert.match(await response.text(), said, path)
      }
    })

    test('the API answers problem+json naming the parameter', async () => {
      const response = await get('/api/v1/decisions?q=%00')
      assert.equal(response.status, 400)
      assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/)
      const problem = (await response.json()) as {
        status: number
        errors: Array<{ parameter: string; detail: string }>
      }
      assert.equal(problem.status, 400)
      assert.equal(problem.errors[0]?.parameter, 'q')
      const badPath = await get('/api/v1/decisions/%ZZ')
      assert.equal(badPath.status, 400)
      assert.match(badPath.headers.get('content-type') ?? '', /^application\/problem\+json/)
    })

    test('ids too long for any record, impossible years and infinite numbers get a 400, not a 500', async () => {
      for (const path of [
        '/api/v1/decisions/12345678901234567890',
        '/api/v1/awards/12345678901234567890',
        '/api/v1/organisations/99999999999999999',
        '/api/v1/decisions?office=12345678901234567890',
        '/api/v1/awards?provider=12345678901234567890',
        '/api/v1/services?area=12345678901234567890',
        '/api/v1/decisions?year=1800',
        '/api/v1/decisions?year=9999',
        '/api/v1/awards?year=1e309',
        '/api/v1/decisions?limit=1e309',
        '/?year=1800',
        '/?year=9999',
        '/?office=12345678901234567890',
        '/?page=1e309',
        '/ledger?provider=12345678901234567890',
        '/ledger?year=1800',
        '/downloads/decisions.csv?year=9999',
      ]) {
        const response = await get(path)
        await response.arrayBuffer()
        assert.equal(response.status, 400, path)
      }
    })

    test('a page far past the last is not a server error', async () => {
      for (const path of ['/?page=99999', '/disclosure-log?page=99999', '/ledger?page=99999']) {
        const response = await get(path)
        await response.arrayBuffer()
        assert.ok(response.status < 500, `${path} answered ${response.status}`)
      }
    })

    test('ordinary text, accents, emoji and right-to-left script are still searched', async () => {
      for (const q of ['refuge', 'Café', '🏠 shelter', 'مأوى', 'tab\there']) {
        const response = await get(`/?q=${encodeURIComponent(q)}`)
        await response.arrayBuffer()
        assert.equal(response.status, 200, q)
      }
    })
  })
}
