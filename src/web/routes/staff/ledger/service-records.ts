import type { NextFunction, Request, Response } from 'express'
import { MEASURES, measureLabel, quarterLabel } from '../../../../domain/outcomes.ts'
import { serviceTypeLabel } from '../../../../domain/service-types.ts'
import { FormError } from '../../../../services/shared/form-error.ts'
import type { Services } from '../../../../services/index.ts'
import { CSV_COLUMNS } from '../../../../services/ledger/outcomes.ts'
import { END_REASON_SUMMARIES } from '../../../../services/ledger/commissioning-records.ts'
import { actorOf, scopeOf } from '../../../auth.ts'
import { mayEditService } from './service-access.ts'
import { errorList } from '../../../validation.ts'

type Form = 'outcomes' | 'upload' | 'contribution'
const QUARTER = /^\d{4}-(01|04|07|10)-01$/

/** A service's records kept by staff: outcome returns each quarter (typed or uploaded) and partners' contributions. */
export class ServiceRecordsController {
  constructor(private readonly services: Services) {}

  list = async (_req: Request, res: Response): Promise<void> => {
    const services = await this.services.commissioning.list({ scope: scopeOf(res) })
    res.render('pages/staff/ledger/services', {
      services: services.map((s) => ({ ...s, typeText: serviceTypeLabel(s.serviceType) })),
    })
  }

  get = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const done = typeof req.query.done === 'string' ? req.query.done : null
    if (!(await this.render(req, res, 200, { done }))) next()
  }

  postOutcomes = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    await this.handle(req, res, next, 'outcomes', async (serviceId) => {
      const count = await this.services.outcomes.recordQuarter(serviceId, req.body ?? {}, actorOf(res))
      return `${count} ${count === 1 ? 'count' : 'counts'} saved`
    })
  }

  upload = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    await this.handle(req, res, next, 'upload', async (serviceId) => {
      if (res.locals.uploadError) throw new FormError({ file: String(res.locals.uploadError) })
      if (!req.file || req.file.size === 0)
        throw new FormError({ file: 'Choose a CSV file with the columns quarter, measure and value' })
      const count = await this.services.outcomes.importCsv(serviceId, req.file.buffer.toString('utf8'), actorOf(res))
      return `${count} ${count === 1 ? 'count' : 'counts'} uploaded from ${req.file.originalname}`
    })
  }

  /** One count, to correct or delete. */
  count = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const found = await this.findCount(req)
    if (!found) return next()
    res.render('pages/staff/ledger/outcome-count', { ...found, values: { value: String(found.value) }, errors: {} })
  }

  correctCount = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const found = await this.findCount(req)
    if (!found) return next()
    const remove = req.body?.action === 'delete'
    const value = String(req.body?.value ?? '')
    try {
      await this.services.outcomes.correct(
        found.s.id,
        found.quarterStart,
        found.measure,
        remove ? null : value,
        actorOf(res),
      )
      const done = `${found.label}, ${found.quarter}: ${remove ? 'count deleted' : `corrected to ${value.trim()}`}`
      res.redirect(303, `/staff/ledger/services/${found.s.slug}?done=${encodeURIComponent(done)}`)
    } catch (error) {
      if (!(error instanceof FormError)) throw error
      res.status(400).render('pages/staff/ledger/outcome-count', {
        ...found,
        values: { value },
        errors: error.errors,
        errorList: errorList(error.errors),
      })
    }
  }

  private async findCount(req: Request) {
    const page = await this.services.commissioning.service(String(req.params.slug))
    const quarterStart = String(req.params.quarter)
    const measure = String(req.params.measure)
    if (!page || !QUARTER.test(quarterStart)) return undefined
    const row = page.detail.outcomes.find((o) => o.quarter_start === quarterStart && o.measure === measure)
    if (!row) return undefined
    return {
      s: page.detail.service,
      quarterStart,
      measure,
      value: row.value,
      label: measureLabel(measure),
      quarter: quarterLabel(quarterStart),
    }
  }

  postContribution = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    await this.handle(req, res, next, 'contribution', async (serviceId) => {
      await this.services.contributions.record(serviceId, req.body ?? {}, actorOf(res))
      return 'Contribution saved'
    })
  }

  private async handle(
    req: Request,
    res: Response,
    next: NextFunction,
    form: Form,
    action: (serviceId: number) => Promise<string>,
  ): Promise<void> {
    const page = await this.services.commissioning.service(String(req.params.slug))
    if (!page || !mayEditService(res, page.detail.service.office_id)) return next()
    try {
      const done = await action(page.detail.service.id)
      res.redirect(`/staff/ledger/services/${page.detail.service.slug}?done=${encodeURIComponent(done)}`)
    } catch (error) {
      if (!(error instanceof FormError)) throw error
      await this.render(req, res, 400, { form, errors: error.errors, values: req.body ?? {} })
    }
  }

  private async render(
    req: Request,
    res: Response,
    status: number,
    extra: { done?: string | null; form?: Form; errors?: Record<string, string>; values?: Record<string, unknown> },
  ): Promise<boolean> {
    const page = await this.services.commissioning.service(String(req.params.slug))
    if (!page || !mayEditService(res, page.detail.service.office_id)) return false
    const partners = await this.services.contributions.partners(page.detail.service.id)
    const quarters = [...new Set(page.detail.outcomes.map((o) => o.quarter_start))].sort()
    const s = page.detail.service
    res.status(status).render('pages/staff/ledger/service', {
      s,
      currentEnd: page.currentEnd,
      latestEnd: page.latestEnd,
      extensionLeft: page.extensionAvailableMonths > 0 && !s.ended_on,
      successors: page.detail.successors,
      successorDecision: page.detail.successorDecision,
      endReasonText: s.end_reason ? END_REASON_SUMMARIES[s.end_reason] : null,
      partners,
      measures: Object.entries(MEASURES).map(([key, label]) => ({ key, label })),
      csvColumns: CSV_COLUMNS.join(','),
      outcomes: {
        quarters: quarters.map(quarterLabel),
        rows: [...new Set(page.detail.outcomes.map((o) => o.measure))].sort().map((m) => ({
          label: measureLabel(m),
          values: quarters.map((q) => ({
            value: page.detail.outcomes.find((o) => o.measure === m && o.quarter_start === q)?.value ?? null,
            href: `/staff/ledger/services/${s.slug}/outcomes/${q}/${m}`,
            quarter: quarterLabel(q),
          })),
        })),
      },
      errors: extra.errors ?? {},
      errorList: extra.errors ? errorList(extra.errors) : [],
      values: extra.values ?? {},
      form: extra.form,
      done: extra.done,
    })
    return true
  }
}
