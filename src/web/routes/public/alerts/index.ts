import express, { Router } from 'express'
import type { Services } from '../../../../services/index.ts'
import { addPages } from '../../pages.ts'
import { alertsCsrf } from './csrf.ts'
import { SubscribeController } from './subscribe.ts'
import { AlertLinksController } from './tokens.ts'

/**
 * Public email alerts, mounted before the public page cache: their pages carry a CSRF token or a personal
 * link, so no rendering is shared, and none is stored by a browser or proxy either.
 */
export function alertRoutes(services: Services, options: { secret: string; production: boolean }): Router {
  const router = Router()
  router.use(express.urlencoded({ extended: false, limit: '10kb' }))
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store')
    res.set('Referrer-Policy', 'no-referrer')
    next()
  })
  const links = new AlertLinksController(services)
  const subscribe = new SubscribeController(services)
  addPages(router, [
    ['/confirm/:token', links.confirmPage, links.confirm],
    ['/unsubscribe/:token', links.unsubscribePage, links.unsubscribe],
  ])
  const csrf = alertsCsrf(options)
  addPages(router, csrf, [['/new', subscribe.get, subscribe.post]])
  router.get('/check-email', subscribe.checkEmail)
  return router
}
