import type { NextFunction, Request, Response } from 'express'
import { z } from 'zod'
import { parsePercentage, ProRataError, type ProRataResult } from '../../../../domain/pro-rata.ts'
import { measureLabel, quarterLabel } from '../../../../domain/outcomes.ts'
import { SERVICE_TYPE_LABELS, SERVICE_TYPES, serviceTypeLabel } from '../../../../domain/service-types.ts'
import type { Services } from '../../../../services/index.ts'
import { END_REASON_SUMMARIES } from '../../../../services/ledger/commissioning-records.ts'
import { errorList, type FieldErrors } from '../../../validation.ts'
import { one } from './query.ts'
import { registerOffices } from '../offices/register-context.ts'

const listQuery = z.object({
  type: z.enum(SERVICE_TYPES, { message: 'Choose a service type from the list' }).optional(),
})

/** Commissioned services and contracts: the list, and one service with its contributions, term and pro-rata calculator. */
export class ServicesController {
  constructor(private readonly services: Services) {}

  list = async (req: Request, res: Response): Promise<void> => {
    const raw = one(req.query.type)
    const parsed = listQuery.safeParse({ type: raw || undefined })
    const errors: FieldErrors = parsed.success ? {} : { type: parsed.error.issues[0]!.message }
    const type = parsed.success ? parsed.data.type : undefined
    const rows = await this.services.commissioning.list({ serviceType: type, offices: registerOffices(res) })
    res.status(parsed.success ? 200 : 400).render('pages/public/ledger/services', {
      errors,
      errorList: errorList(errors),
      type,
      types: [{ value: '', text: 'All service types' }, ...SERVICE_TYPES.map((t) => ({ value: t, text: SERVICE_TYPE_LABELS[t], selected: t === type }))],
      services: rows.map((s) => ({ ...s, typeText: serviceTypeLabel(s.serviceType) })),
    })
  }

  get = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const page = await this.services.commissioning.service(String(req.params.slug))
    if (!page) return next()
    const errors: FieldErrors = {}
    let result: ProRataResult | null = null
    const partnerText = one(req.query.partner)
    const reductionText = one(req.query.reduction)
    if (page.calculator && (partnerText !== undefined || reductionText !== undefined)) {
      const partnerId = /^\d+$/.test(partnerText ?? '') ? Number(partnerText) : null
      const basisPoints = parsePercentage(reductionText ?? '')
      if (partnerId === null || !page.calculator.partners.some((p) => p.id === partnerId)) errors.partner = 'Choose the partner that reduces its contribution'
      if (basisPoints === null) errors.reduction = 'Enter the reduction as a percentage from 0 to 100, like 10 or 12.5'
      if (!Object.keys(errors).length) {
        try {
          result = this.services.commissioning.proRata(page, partnerId!, basisPoints!)
        } catch (error) {
          if (!(error instanceof ProRataError)) throw error
          errors.reduction = error.message
        }
      }
    }
    const years = await this.services.ledger.apportioned({ serviceId: page.detail.service.id })
    const quarters = [...new Set(page.detail.outcomes.map((o) => o.quarter_start))].sort()
    const measures = [...new Set(page.detail.outcomes.map((o) => o.measure))].sort()
    res.status(Object.keys(errors).length ? 400 : 200).render('pages/public/ledger/service', {
      ...page,
      s: page.detail.service,
      typeText: serviceTypeLabel(page.detail.service.service_type),
      endReasonText: page.detail.service.end_reason ? END_REASON_SUMMARIES[page.detail.service.end_reason] : null,
      errors,
      errorList: errorList(errors),
      calc: { partner: partnerText, reduction: reductionText },
      result,
      years,
      outcomes: {
        quarters: quarters.map((q) => ({ start: q, label: quarterLabel(q) })),
        rows: measures.map((m) => ({
          label: measureLabel(m),
          values: quarters.map((q) => page.detail.outcomes.find((o) => o.measure === m && o.quarter_start === q)?.value ?? null),
        })),
      },
    })
  }
}
