import { Router, type NextFunction, type Request, type Response } from 'express'
import type { Services } from '../../../../services/index.ts'
import { openDataRegister, registerBase } from '../offices/register-context.ts'

declare module 'express-serve-static-core' {
  interface Locals {
    alternateFeeds?: Array<{ href: string; title: string }>
  }
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/

/** Atom feeds of new decisions (all, per provider, per area), and the <link rel="alternate"> of the pages they follow. */
export function feedRoutes(services: Services): Router {
  const router = Router()
  router.use(advertiseFeeds)
  router.get('/feeds/decisions.atom', async (_req, res) => sendAtom(res, await services.openData.decisionsFeed(openDataRegister(res))))
  router.get('/feeds/providers/:slug.atom', async (req, res, next) => sendAtom(res, SLUG.test(req.params.slug!) ? await services.openData.providerFeed(req.params.slug!, openDataRegister(res)) : undefined, next))
  router.get('/feeds/areas/:slug.atom', async (req, res, next) => sendAtom(res, SLUG.test(req.params.slug!) ? await services.openData.areaFeed(req.params.slug!, openDataRegister(res)) : undefined, next))
  return router
}

function sendAtom(res: Response, xml: string | undefined, next?: NextFunction): void {
  if (xml === undefined) return next?.()
  res.type('application/atom+xml; charset=utf-8').set('Cache-Control', 'public, max-age=300').send(xml)
}

function advertiseFeeds(req: Request, res: Response, next: NextFunction): void {
  const feeds: Array<{ href: string; title: string }> = []
  const base = registerBase(res)
  const provider = /^\/providers\/([a-z0-9-]+)$/.exec(req.path)?.[1]
  const area = /^\/areas\/([a-z0-9-]+)$/.exec(req.path)?.[1] ?? (req.path === '/services' && typeof req.query.area === 'string' && SLUG.test(req.query.area) ? req.query.area : undefined)
  if (req.path === '/' || req.path === '/open-data') feeds.push({ href: `${base}/feeds/decisions.atom`, title: 'Newly published decisions' })
  if (provider) feeds.push({ href: `${base}/feeds/providers/${provider}.atom`, title: 'Decisions about this provider' })
  if (area) feeds.push({ href: `${base}/feeds/areas/${area}.atom`, title: 'Decisions for this area' })
  if (feeds.length) res.locals.alternateFeeds = feeds
  next()
}
