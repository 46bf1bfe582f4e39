import { createHash } from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'

interface Version {
  etag: string
  lastModified: number
}

/**
 * Validators for public HTML pages, so a proxy or browser can revalidate instead of downloading again:
 * `ETag` is a hash of the page without its CSP nonce (which differs on every response), `Last-Modified`
 * the second this address first showed this content (never earlier than an older version's), and
 * `Cache-Control` lets a shared cache keep a page for `maxAgeSeconds`.
 *
 * A `304 Not Modified` carries no `Content-Security-Policy`: the client keeps the policy stored with its copy,
 * whose nonce matches that copy's scripts.
 */
export function publicHttpCaching(maxAgeSeconds: number, maxAddresses = 5000) {
  const versions = new Map<string, Version>()

  function versionOf(address: string, etag: string): Version {
    const known = versions.get(address)
    if (known?.etag === etag) return known
    const now = Math.floor(Date.now() / 1000)
    const version = { etag, lastModified: Math.max(now, (known?.lastModified ?? 0) + 1) }
    versions.delete(address)
    if (versions.size >= maxAddresses) versions.delete(versions.keys().next().value!)
    versions.set(address, version)
    return version
  }

  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    const send = res.send.bind(res)
    res.send = (body?: unknown) => {
      if (res.headersSent || res.statusCode !== 200 || typeof body !== 'string' || !isHtml(res)) return send(body)
      const nonce = String(res.locals.cspNonce ?? '')
      const withoutNonce = nonce ? body.replaceAll(nonce, '') : body
      const etag = `"${createHash('sha256').update(withoutNonce).digest('base64url').slice(0, 27)}"`
      const version = versionOf(req.originalUrl, etag)
      res.setHeader('ETag', etag)
      res.setHeader('Last-Modified', new Date(version.lastModified * 1000).toUTCString())
      res.setHeader('Cache-Control', `public, max-age=${maxAgeSeconds}, must-revalidate`)
      if (isNotModified(req, version)) {
        res.removeHeader('Content-Security-Policy')
        res.status(304).end()
        return res
      }
      return send(body)
    }
    next()
  }
}

function isHtml(res: Response): boolean {
  return String(res.getHeader('content-type') ?? 'text/html').startsWith('text/html')
}

/** RFC 9110: If-None-Match decides when present; otherwise If-Modified-Since against the version's time. */
function isNotModified(req: Request, version: Version): boolean {
  const noneMatch = req.get('if-none-match')
  if (noneMatch !== undefined) {
    return noneMatch
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || tag === version.etag)
  }
  const modifiedSince = Date.parse(req.get('if-modified-since') ?? '')
  return Number.isFinite(modifiedSince) && version.lastModified * 1000 <= modifiedSince
}
