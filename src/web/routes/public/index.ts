import { Router } from 'express'
import type { Services } from '../../../services/index.ts'
import { DecisionController } from './decision.ts'
import { HomeController } from './home.ts'

export function publicRoutes(services: Services): Router {
  const router = Router()
  router.get('/', new HomeController(services).get)
  router.get('/decisions/:slug', new DecisionController(services).get)
  return router
}
