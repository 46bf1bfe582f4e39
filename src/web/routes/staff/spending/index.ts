import { Router } from 'express'
import type { Services } from '../../../../services/index.ts'
import { csrf } from '../../../session.ts'
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
  router.get('/', review.home)
  router.get('/upload', upload.get)
  router.post('/upload', upload.post)
  router.get('/uploads/:token', upload.preview)
  router.post('/uploads/:token', upload.confirm)
  router.get('/batches/:id', upload.batch)
  router.get('/review', review.queue)
  router.get('/review/:id', review.payment)
  router.post('/review/:id', review.resolve)
  router.get('/review/:id/split', review.splitForm)
  router.post('/review/:id/split', review.split)
  return router
}
