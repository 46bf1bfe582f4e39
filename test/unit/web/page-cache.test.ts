import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { publicPageCache } from '../../../src/web/page-cache.ts'

async function withApp(ttlSeconds: number, run: (base: string, renders: () => number) => Promise<void>): Promise<void> {
  let renders = 0
  let nonce = 0
  const app = express()
  app.use((_req, res, next) => {
    res.locals.cspNonce = `nonce${++nonce}`
    next()
  })
  app.use(publicPageCache(ttlSeconds))
  app.get('/', (_req, res) => {
    renders++
    res.send(`<script nonce="${res.locals.cspNonce}"></script>`)
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, () => renders)
  } finally {
    server.close()
  }
}

test('shares one rendering between anonymous requests and gives each its own nonce', async () => {
  await withApp(60, async (base, renders) => {
    const first = await (await fetch(`${base}/`)).text()
    const second = await fetch(`${base}/`)
    assert.equal(renders(), 1)
    assert.equal(second.headers.get('x-cache'), 'hit')
    assert.equal(first, '<script nonce="nonce1"></script>')
    assert.equal(await second.text(), '<script nonce="nonce2"></script>')
  })
})

test('does not serve staff requests from the cache', async () => {
  await withApp(60, async (base, renders) => {
    await fetch(`${base}/`)
    await fetch(`${base}/`, { headers: { cookie: 'cr.sid=abc' } })
    assert.equal(renders(), 2)
  })
})

test('is off when its lifetime is zero', async () => {
  await withApp(0, async (base, renders) => {
    await fetch(`${base}/`)
    await fetch(`${base}/`)
    assert.equal(renders(), 2)
  })
})
