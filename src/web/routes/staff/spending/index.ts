import { Router } from 'express'
import type { Services } from '../../../../services/index.ts'
import { csrf } from '../../../session.ts'
import { addPages } from '../../pages.ts'
import { SpendReviewController } from './review.ts'
import { SpendUploadController, spendUploadParser } from './upload.ts'

/**
 * Spending over £500 (officers, finance officers, administrators). Mounted before the staff area's own CSRF check:
 * the upload's multipart body must be parsed before its token can be read, so this router checks the token itself.
 */
export function spendingStaffRoutes(services: Services): Router {
  const router = Router()
  const upload = new SpendUploadController(services)
  const review = new SpendReviewController(services)
  router.post('/upload', spendUploadParser())
  router.use(csrf)
  addPages(router, [
    ['/', review.home],
    ['/upload', upload.get, upload.post],
    ['/uploads/:token', upload.preview, upload.confirm],
    ['/batches/:id', upload.batch],
    ['/review', review.queue],
    ['/review/:id', review.payment, review.resolve],
    ['/review/:id/split', review.splitForm, review.split],
  ])
  return router
}
