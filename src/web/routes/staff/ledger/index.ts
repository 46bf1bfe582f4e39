import { Router } from 'express'
import multer from 'multer'
import type { Services } from '../../../../services/index.ts'
import { csrf } from '../../../session.ts'
import { addPages, type Page } from '../../pages.ts'
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
  const merge = new MergeController(services)
  const receipts = new ReceiptsController(services)
  const streams = new StreamConditionsController(services)
  const editor = new ServiceEditorController(services)
  const events = new ServiceEventsController(services)
  /** The check page and the question pages, the same for recording a service as for changing one. */
  const editorPages = (path: string): Page[] => [
    [`${path}/check`, editor.check, editor.confirm],
    [`${path}/:step`, editor.step, editor.saveStep],
  ]
  addPages(router, [
    ['/organisations/review', queue.get],
    ['/organisations/merge', merge.get, merge.post],
    ['/organisations/merges/:id', merge.show],
    ['/receipts', receipts.get, receipts.post],
    ['/streams', streams.list],
    ['/streams/:id', streams.show],
    ['/streams/:id/conditions', streams.edit, streams.saveForm],
    ['/streams/:id/conditions/check', streams.check, streams.confirm],
    ['/streams/:id/conditions/saved', streams.saved],
    ['/services', records.list],
    ['/services/new', editor.start],
    ['/services/new/from-award/:awardId', editor.startFromAward],
    ...editorPages('/services/new'),
    ['/services/:slug/edit', editor.startEdit],
    ...editorPages('/services/:slug/edit'),
    ['/services/:slug/saved', editor.saved],
    ['/services/:slug/record/:event', events.get, events.post],
    ['/services/:slug', records.get],
    ['/services/:slug/outcomes/:quarter/:measure', records.count, records.correctCount],
  ])
  router.post('/organisations/:id/confirm', queue.confirm)
  router.post('/organisations/merges/:id/undo', merge.undo)
  router.post('/streams/:id/match-funding', streams.addMatchFunding)
  router.post('/streams/:id/match-funding/:row/remove', streams.removeMatchFunding)
  router.post('/services/:slug/outcomes', records.postOutcomes)
  router.post('/services/:slug/outcomes/upload', records.upload)
  router.post('/services/:slug/contributions', records.postContribution)
  return router
}
