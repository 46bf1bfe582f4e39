import { Router, type RequestHandler } from 'express'
import type { Services } from '../../../../services/index.ts'
import { AreasController } from './areas.ts'
import { ChartsController } from './charts.ts'
import { ContributionsCsvController } from './contributions-csv.ts'
import { FundingStreamsController } from './funding-streams.ts'
import { LedgerController } from './ledger.ts'
import { PipelineController } from './pipeline.ts'
import { ProvidersController } from './providers.ts'
import { ServicesController } from './services.ts'

/** The public funding ledger, providers, areas, commissioned services, pipeline, funding streams and charts. */
export function ledgerPublicRoutes(services: Services): Router {
  const router = Router()
  router.use(ledgerPages(services))
  router.get('/ledger/contributions.csv', new ContributionsCsvController(services).csv)
  return router
}

/** The ledger pages every register shows, the national one and each office's, filtered by the register they belong to. */
export function ledgerPages(services: Services): Router {
  const router = Router()
  const ledger = new LedgerController(services)
  router.get('/ledger', ledger.get)
  router.get('/ledger.csv', ledger.csv)
  listAndPages(router, '/providers', new ProvidersController(services))
  listAndPages(router, '/areas', new AreasController(services))
  listAndPages(router, '/services', new ServicesController(services))
  router.get('/pipeline', new PipelineController(services).get)
  router.get('/funding-streams', new FundingStreamsController(services).get)
  const charts = new ChartsController(services)
  router.get('/charts', charts.get)
  router.get('/charts/:file', charts.download)
  return router
}

/** A list at `path` and a page for each thing in it at `path/:slug`. */
function listAndPages(router: Router, path: string, controller: { list: RequestHandler; get: RequestHandler }): void {
  router.get(path, controller.list)
  router.get(`${path}/:slug`, controller.get)
}
