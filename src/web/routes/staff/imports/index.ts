import { Router } from 'express'
import type { Services } from '../../../../services/index.ts'
import { csrf } from '../../../session.ts'
import { addPages } from '../../pages.ts'
import { ImportListController } from './list.ts'
import { ReviewController } from './review.ts'
import { UploadController, uploadParser } from './upload.ts'

/**
 * Import and review (officers). Mounted before the staff area's own CSRF check: the upload's multipart
 * body must be parsed before its token can be read, so this router checks the token itself.
 */
export function importStaffRoutes(services: Services): Router {
  const router = Router()
  const upload = new UploadController(services)
  const review = new ReviewController(services)
  router.post('/upload', uploadParser(services.imports.maxBytes))
  router.use(csrf)
  addPages(router, [
    ['/', new ImportListController(services).get],
    ['/upload', upload.get, upload.post],
    ['/upload/jobs/:id', upload.job],
    ['/:id', review.get, review.post],
    ['/:id/document', review.document],
  ])
  return router
}
