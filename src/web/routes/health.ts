import { Router } from 'express'
import type { Services } from '../../services/index.ts'

export function healthRoutes(services: Services): Router {
  const router = Router()
  router.get('/health', async (_req, res) => {
    const report = await services.health.check()
    res.status(report.status === 'UP' ? 200 : 503).json(report)
  })
  return router
}
