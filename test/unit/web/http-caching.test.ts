import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { publicHttpCaching } from '../../../src/web/http-caching.ts'
import { publicPageCache } from '../../../src/web/page-cache.ts'

async function withApp(run: (base: string, setContent: (text: string) => void) => Promise<void>): Promise<void> {
  let content = 'first'
  let nonce = 0
  const app = express()
  app.use((_req, res, next) => {
    res.locals.cspNonce = `nonce${++nonce}`
    res.setHeader('Content-Security-Policy', `script-src 'nonce-${res.locals.cspNonce}'`)
    next()
  })
  app.use(publicHttpCaching(30))
  app.use(publicPageCache(0))
  app.get('/', (_req, res) => {
    res.send(`<script nonce="${res.locals.cspNonce}"></script><p>${content}</p>`)
  })
  app.get('/data.json', (_req, res) => res.json({ content }))
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, (text) => (content = text))
  } finally {
    server.close()
  }
}

test('gives a page the same ETag on every response although its nonce differs, and lets shared caches keep it', async () => {
  await withApp(async (base) => {
    const first = await fetch(`${base}/`)
    const second = await fetch(`${base}/`)
    assert.notEqual(await first.text(), await second.text())
    assert.match(first.headers.get('etag') ?? '', /^"[\w-]{27}"$/)
    assert.equal(first.headers.get('etag'), second.headers.get('etag'))
    assert.equal(first.headers.get('last-modified'), second.headers.get('last-modified'))
    assert.equal(first.headers.get('cache-control'), 'public, max-age=30, must-revalidate')
  })
})

/** What a client sees: the status, the headers and the body read in full. */
type Answer = { status: number; headers: Headers; text: string }

/**
 * Asks for the page, then asks again sending back its `validator` header as the `condition` header: once while the
 * page is unchanged and once after its content changes.
 */
async function askAgainWith(validator: 'etag' | 'last-modified', condition: 'if-none-match' | 'if-modified-since') {
  const answer = async (response: Response): Promise<Answer> => ({
    status: response.status,
    headers: response.headers,
    text: await response.text(),
  })
  let asked: { sent: string; unchanged: Answer; changed: Answer } | undefined
  await withApp(async (base, setContent) => {
    const sent = (await fetch(`${base}/`)).headers.get(validator)!
    const again = async () => answer(await fetch(`${base}/`, { headers: { [condition]: sent } }))
    const unchanged = await again()
    setContent('second')
    asked = { sent, unchanged, changed: await again() }
  })
  return asked!
}

test('answers 304 without a body or a new policy when the page has not changed, and 200 when it has', async () => {
  const { unchanged, changed } = await askAgainWith('etag', 'if-none-match')
  assert.equal(unchanged.status, 304)
  assert.equal(unchanged.text, '')
  assert.equal(unchanged.headers.get('content-security-policy'), null)
  assert.equal(changed.status, 200)
  assert.match(changed.text, /second/)
  assert.ok(changed.headers.get('content-security-policy'))
})

test('answers If-Modified-Since from when the address first showed this content, later for each change', async () => {
  const { sent, unchanged, changed } = await askAgainWith('last-modified', 'if-modified-since')
  assert.equal(unchanged.status, 304)
  assert.equal(changed.status, 200)
  assert.ok(Date.parse(changed.headers.get('last-modified')!) > Date.parse(sent))
})

test('leaves responses that are not HTML pages alone', async () => {
  await withApp(async (base) => {
    const data = await fetch(`${base}/data.json`)
    assert.equal(data.headers.get('cache-control'), null)
  })
})
