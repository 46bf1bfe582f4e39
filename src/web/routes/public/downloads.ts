import { createReadStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import type { Response } from 'express'
import { Router } from 'express'
import { Readable } from 'node:stream'
import { logger } from '../../../logger.ts'
import type { Services } from '../../../services/index.ts'
import { safeCsvStringifier } from '../../../services/csv.ts'
import { InvalidExportError, type ExportFormat } from '../../../services/open-data/index.ts'
import type { CsvRow } from '../../../services/open-data/csv-tables.ts'
import { homeQuery } from './home.ts'

const one = (value: unknown): string | undefined => (Array.isArray(value) ? one(value[0]) : typeof value === 'string' ? value : undefined)

/** The open data page and its downloads: 360Giving, and a CSV of each public table with its filters. */
export function downloadRoutes(services: Services): Router {
  const router = Router()
  router.get('/open-data', async (_req, res) => {
    res.render('pages/open-data', { offices: await services.register.offices(), baseUrl: services.openData.baseUrl })
  })
  router.get('/downloads/360giving.json', (_req, res) => send360(services, res, 'json'))
  router.get('/downloads/360giving.csv', (_req, res) => send360(services, res, 'csv'))
  router.get('/downloads/decisions.csv', async (req, res) => {
    const raw = { q: one(req.query.q), office: one(req.query.office), year: one(req.query.year), page: undefined }
    const parsed = homeQuery.safeParse(raw)
    if (!parsed.success) {
      res.status(400).type('text/plain').send(`The filters are not valid: ${parsed.error.issues.map((i) => i.message).join('; ')}`)
      return
    }
    await sendCsv(res, 'decisions.csv', services.openData.registerTable({ text: parsed.data.q, officeId: parsed.data.office, financialYear: parsed.data.year }))
  })
  router.get('/downloads/disclosure-log.csv', async (req, res) => {
    const text = one(req.query.q)?.trim().slice(0, 200)
    await sendCsv(res, 'disclosure-log.csv', services.openData.disclosureLogTable({ text }))
  })
  return router
}

async function sendCsv(res: Response, name: string, rows: AsyncGenerator<CsvRow>): Promise<void> {
  res.type('text/csv; charset=utf-8').set({ 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'public, max-age=60' })
  await pipeline(Readable.from(rows), safeCsvStringifier({ bom: true }), res)
}

async function send360(services: Services, res: Response, format: ExportFormat): Promise<void> {
  try {
    const file = await services.openData.download360(format)
    res.type(format === 'json' ? 'application/json' : 'text/csv; charset=utf-8').set({ 'Content-Disposition': `attachment; filename="360giving.${format}"`, 'Cache-Control': 'public, max-age=300' })
    await pipeline(createReadStream(file), res)
  } catch (error) {
    if (!(error instanceof InvalidExportError)) throw error
    logger.error('360Giving export is not valid', { problems: error.problems.slice(0, 10), total: error.totalProblems })
    res.status(503).render('pages/error', { status: 503, message: null })
  }
}

