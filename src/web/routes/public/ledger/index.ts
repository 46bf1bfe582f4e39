import { Router } from 'express'
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
  const providers = new ProvidersController(services)
  router.get('/providers', providers.list)
  router.get('/providers/:slug', providers.get)
  const areas = new AreasController(services)
  router.get('/areas', areas.list)
  router.get('/areas/:slug', areas.get)
  const commissioned = new ServicesController(services)
  router.get('/services', commissioned.list)
  router.get('/services/:slug', commissioned.get)
  router.get('/pipeline', new PipelineController(services).get)
  router.get('/funding-streams', new FundingStreamsController(services).get)
  const charts = new ChartsController(services)
  router.get('/charts', charts.get)
  router.get('/charts/:file', charts.download)
  return router
}
