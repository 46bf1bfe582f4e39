import { Router } from 'express'
import type { Services } from '../../../../services/index.ts'
import { requireRoles } from '../../../auth.ts'
import { OutboxController } from './outbox.ts'
import { PreferencesController } from './preferences.ts'

/** Email preferences for every member of staff; the outbox for administrators. */
export function notificationStaffRoutes(services: Services, options: { smtpConfigured: boolean }): Router {
  const router = Router()
  const preferences = new PreferencesController(services)
  router.get('/preferences', preferences.get)
  router.post('/preferences', preferences.post)
  const outbox = new OutboxController(services, options)
  const admin = requireRoles('administrator')
  router.get('/outbox', admin, outbox.list)
  router.get('/outbox/:id', admin, outbox.show)
  router.post('/outbox/:id/retry', admin, outbox.retry)
  return router
}
