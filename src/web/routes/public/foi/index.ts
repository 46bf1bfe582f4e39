import { Router } from 'express'
import type { Services } from '../../../../services/index.ts'
import { DisclosureLogController } from './disclosure-log.ts'
import { DisclosureLogEntryController } from './disclosure-log-entry.ts'

/** The public disclosure log of answered FOI requests. */
export function disclosureLogRoutes(services: Services): Router {
  const router = Router()
  router.get('/disclosure-log', new DisclosureLogController(services).get)
  router.get('/disclosure-log/:reference', new DisclosureLogEntryController(services).get)
  return router
}
