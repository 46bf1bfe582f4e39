import type { NextFunction, Request, Response } from 'express'

interface CachedPage {
  body: string
  nonce: string
  status: number
  expires: number
}

/**
 * A micro-cache of public register pages: for a few seconds, anonymous GETs of the same address share one
 * rendering. Staff requests (with a session cookie) and anything but HTML 200s pass through untouched.
 * The cached HTML carries the CSP nonce of the request that made it, so each hit swaps in its own.
 */
export function publicPageCache(ttlSeconds: number, maxEntries = 500) {
  const pages = new Map<string, CachedPage>()
  return (req: Request, res: Response, next: NextFunction): void => {
    if (ttlSeconds <= 0 || req.method !== 'GET' || req.headers.cookie?.includes('cr.sid=')) return next()
    const key = req.originalUrl
    const hit = pages.get(key)
    const nonce = String(res.locals.cspNonce)
    if (hit && hit.expires > Date.now()) {
      res.status(hit.status).type('html').setHeader('x-cache', 'hit')
      res.send(hit.body.replaceAll(hit.nonce, nonce))
      return
    }
    const send = res.send.bind(res)
    res.send = (body?: unknown) => {
      // A second send after a streamed or failed response would throw ERR_HTTP_HEADERS_SENT outside any handler.
      if (res.headersSent) return res
      if (
        res.statusCode === 200 &&
        typeof body === 'string' &&
        String(res.getHeader('content-type') ?? 'text/html').startsWith('text/html')
      ) {
        if (pages.size >= maxEntries) pages.delete(pages.keys().next().value!)
        pages.set(key, { body, nonce, status: res.statusCode, expires: Date.now() + ttlSeconds * 1000 })
      }
      return send(body)
    }
    next()
  }
}
