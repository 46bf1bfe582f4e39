import { Router } from 'express'
import type { Services } from '../../../../services/index.ts'
import { renderAuditHeadsAtom } from '../../../../services/audit/heads-feed.ts'

/** The audit log's published heads: a page, the JSON that `audit verify --heads` reads, and an Atom feed. */
export function auditHeadRoutes(services: Services): Router {
  const router = Router()
  router.get('/audit-heads', async (_req, res) => {
    const heads = await services.audit.publishedHeads()
    res.render('pages/public/audit/audit-heads', { heads: [...heads].reverse() })
  })
  router.get('/audit-heads.json', async (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json({ heads: await services.audit.publishedHeads() })
  })
  router.get('/feeds/audit-heads.atom', async (_req, res) => {
    const xml = renderAuditHeadsAtom(await services.audit.publishedHeads(), services.openData.baseUrl, 'Commissioning Register')
    res.type('application/atom+xml; charset=utf-8').set('Cache-Control', 'public, max-age=300').send(xml)
  })
  return router
}
