import { createReadStream } from 'node:fs'
import type { NextFunction, Request, Response } from 'express'
import { Router } from 'express'
import { Readable } from 'node:stream'
import { logger } from '../../../../logger.ts'
import type { Services } from '../../../../services/index.ts'
import { safeCsvStringifier } from '../../../../services/open-data/csv.ts'
import { InvalidExportError, type ExportFormat } from '../../../../services/open-data/index.ts'
import type { CsvRow } from '../../../../services/open-data/csv-tables.ts'
import { streamDownload } from '../../../streaming.ts'
import { homeQuery } from '../decisions/home.ts'
import { openDataRegister, registerOffices } from '../offices/register-context.ts'

const one = (value: unknown): string | undefined => (Array.isArray(value) ? one(value[0]) : typeof value === 'string' ? value : undefined)

/** The open data page and its downloads: 360Giving, and a CSV of each public table with its filters. */
export function downloadRoutes(services: Services): Router {
  const router = Router()
  router.get('/open-data', async (_req, res) => {
    const register = openDataRegister(res)
    // An office's register with no published award yet has no 360Giving file (the standard needs a grant).
    const grants = register ? await services.openData.hasGrants(register) : true
    res.render('pages/public/open-data/open-data', { offices: await services.register.offices(), baseUrl: services.openData.baseUrl, grants })
  })
  router.get('/downloads/360giving.json', (req, res, next) => send360(services, req, res, next, 'json'))
  router.get('/downloads/360giving.csv', (req, res, next) => send360(services, req, res, next, 'csv'))
  router.get('/downloads/decisions.csv', async (req, res) => {
    const raw = { q: one(req.query.q), office: one(req.query.office), year: one(req.query.year), page: undefined }
    const parsed = homeQuery.safeParse(raw)
    if (!parsed.success) {
      res.status(400).type('text/plain').send(`The filters are not valid: ${parsed.error.issues.map((i) => i.message).join('; ')}`)
      return
    }
    await sendCsv(req, res, 'decisions.csv', services.openData.registerTable({ text: parsed.data.q, officeId: parsed.data.office, offices: registerOffices(res), financialYear: parsed.data.year }))
  })
  router.get('/downloads/disclosure-log.csv', async (req, res) => {
    const text = one(req.query.q)?.trim().slice(0, 200)
    await sendCsv(req, res, 'disclosure-log.csv', services.openData.disclosureLogTable({ text, offices: registerOffices(res) }))
  })
  return router
}

async function sendCsv(req: Request, res: Response, name: string, rows: AsyncGenerator<CsvRow>): Promise<void> {
  res.type('text/csv; charset=utf-8').set({ 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'public, max-age=60' })
  await streamDownload(req, res, Readable.from(rows), safeCsvStringifier({ bom: true }))
}

async function send360(services: Services, req: Request, res: Response, next: NextFunction, format: ExportFormat): Promise<void> {
  const register = openDataRegister(res)
  if (register && !(await services.openData.hasGrants(register))) return next()
  let file: string
  try {
    file = await services.openData.download360(format, register)
  } catch (error) {
    if (!(error instanceof InvalidExportError)) throw error
    logger.error('360Giving export is not valid', { problems: error.problems.slice(0, 10), total: error.totalProblems })
    res.status(503).render('pages/error', { status: 503, message: null })
    return
  }
  res.type(format === 'json' ? 'application/json' : 'text/csv; charset=utf-8').set({ 'Content-Disposition': `attachment; filename="360giving.${format}"`, 'Cache-Control': 'public, max-age=300' })
  await streamDownload(req, res, createReadStream(file))
}

