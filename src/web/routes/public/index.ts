import { Router } from 'express'
import type { Services } from '../../../services/index.ts'
import { DecisionController } from './decisions/decision.ts'
import { downloadRoutes } from './open-data/downloads.ts'
import { feedRoutes } from './open-data/feeds.ts'
import { auditHeadRoutes } from './audit/audit-heads.ts'
import { disclosureLogRoutes } from './foi/index.ts'
import { HomeController } from './decisions/home.ts'
import { forwardPlanPublicRoutes } from './forward-plan/index.ts'
import { ledgerPublicRoutes } from './ledger/index.ts'
import { sitePageRoutes } from './site/index.ts'
import { spendingPublicRoutes } from './spending/index.ts'

export function publicRoutes(services: Services): Router {
  const router = Router()
  router.use(feedRoutes(services))
  router.use(auditHeadRoutes(services))
  router.use(downloadRoutes(services))
  router.get('/', new HomeController(services).get)
  const decision = new DecisionController(services)
  router.get('/decisions/:slug', decision.get)
  router.get('/decisions/:slug/document', decision.document)
  router.get('/decisions/:slug/appendices/:appendixId', decision.appendix)
  router.get('/decisions/:slug/notice', decision.notice)
  router.get('/decisions/:slug/notice.pdf', decision.noticePdf)
  router.use(disclosureLogRoutes(services))
  router.use(ledgerPublicRoutes(services))
  router.use(forwardPlanPublicRoutes(services))
  router.use(spendingPublicRoutes(services))
  router.use(sitePageRoutes(services))
  return router
}
