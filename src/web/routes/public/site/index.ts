import { Router } from 'express'
import type { Services } from '../../../../services/index.ts'
import { SESSION_COOKIE, SIGN_IN_CSRF_COOKIE } from '../../../session.ts'

/** The pages every public-sector site has: accessibility, privacy, cookies, contact, FOI, and the service's status. */
export function sitePageRoutes(services: Services): Router {
  const router = Router()
  const page = (path: string, view: string, locals: Record<string, unknown> = {}) =>
    router.get(path, (_req, res) => res.render(`pages/public/site/${view}`, locals))
  page('/accessibility', 'accessibility')
  page('/privacy', 'privacy', { sessionCookie: SESSION_COOKIE })
  page('/cookies', 'cookies', { sessionCookie: SESSION_COOKIE, signInCookie: SIGN_IN_CSRF_COOKIE })
  page('/contact', 'contact')
  page('/freedom-of-information', 'foi')
  router.get('/status', async (_req, res) => {
    const report = await services.health.check()
    res
      .status(report.status === 'UP' ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .render('pages/public/site/status', { report, checkedAt: new Date().toISOString() })
  })
  return router
}
