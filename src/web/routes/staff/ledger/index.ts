import { Router } from 'express'
import multer from 'multer'
import type { Services } from '../../../../services/index.ts'
import { csrf } from '../../../session.ts'
import { MergeController, ReviewQueueController } from './organisations.ts'
import { ReceiptsController } from './receipts.ts'
import { ServiceRecordsController } from './service-records.ts'
import { StreamConditionsController } from './stream-conditions.ts'
import { ServiceEditorController } from './service-editor.ts'
import { ServiceEventsController } from './service-events.ts'

export const MAX_CSV_BYTES = 2 * 1024 * 1024

/**
 * Staff work on the ledger: organisations (merge, review of unknown names), funding received, and each
 * service's outcome returns and partner contributions. Mounted before the staff area's CSRF check, because
 * the outcome upload's token is inside its multipart body: this router parses that body, then checks.
 */
export function ledgerStaffRoutes(services: Services): Router {
  const router = Router()
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_CSV_BYTES, files: 1, fields: 5 },
  }).single('file')
  const records = new ServiceRecordsController(services)
  router.post('/services/:slug/outcomes/upload', (req, res, next) =>
    upload(req, res, (error: unknown) => {
      if (error)
        res.locals.uploadError =
          error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE'
            ? 'The file must be 2 MB or smaller'
            : 'The file could not be read'
      next()
    }),
  )
  router.use(csrf)
  router.get('/', (_req, res) => res.render('pages/staff/ledger/index'))
  const queue = new ReviewQueueController(services)
  router.get('/organisations/review', queue.get)
  router.post('/organisations/:id/confirm', queue.confirm)
  const merge = new MergeController(services)
  router.get('/organisations/merge', merge.get)
  router.post('/organisations/merge', merge.post)
  router.get('/organisations/merges/:id', merge.show)
  router.post('/organisations/merges/:id/undo', merge.undo)
  const receipts = new ReceiptsController(services)
  router.get('/receipts', receipts.get)
  router.post('/receipts', receipts.post)
  const streams = new StreamConditionsController(services)
  router.get('/streams', streams.list)
  router.get('/streams/:id', streams.show)
  router.get('/streams/:id/conditions', streams.edit)
  router.post('/streams/:id/conditions', streams.saveForm)
  router.get('/streams/:id/conditions/check', streams.check)
  router.post('/streams/:id/conditions/check', streams.confirm)
  router.get('/streams/:id/conditions/saved', streams.saved)
  router.post('/streams/:id/match-funding', streams.addMatchFunding)
  router.post('/streams/:id/match-funding/:row/remove', streams.removeMatchFunding)
  router.get('/services', records.list)
  const editor = new ServiceEditorController(services)
  /** The check page and the question pages, the same for recording a service as for changing one. */
  const editorRoutes = (path: string) => {
    router.get(`${path}/check`, editor.check)
    router.post(`${path}/check`, editor.confirm)
    router.get(`${path}/:step`, editor.step)
    router.post(`${path}/:step`, editor.saveStep)
  }
  router.get('/services/new', editor.start)
  router.get('/services/new/from-award/:awardId', editor.startFromAward)
  editorRoutes('/services/new')
  router.get('/services/:slug/edit', editor.startEdit)
  editorRoutes('/services/:slug/edit')
  router.get('/services/:slug/saved', editor.saved)
  const events = new ServiceEventsController(services)
  router.get('/services/:slug/record/:event', events.get)
  router.post('/services/:slug/record/:event', events.post)
  router.get('/services/:slug', records.get)
  router.post('/services/:slug/outcomes', records.postOutcomes)
  router.post('/services/:slug/outcomes/upload', records.upload)
  router.get('/services/:slug/outcomes/:quarter/:measure', records.count)
  router.post('/services/:slug/outcomes/:quarter/:measure', records.correctCount)
  router.post('/services/:slug/contributions', records.postContribution)
  return router
}
