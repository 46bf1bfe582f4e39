import { Router, type Request, type Response } from 'express'
import { parseQuarter, PLAN_STATUS_LABELS } from '../../../../domain/forward-plan.ts'
import { penceToDecimalString } from '../../../../domain/money.ts'
import type { Services } from '../../../../services/index.ts'
import type { PlanEntryRow } from '../../../../services/forward-plan/forward-plan.ts'
import { sendCsv, type CsvColumn } from '../../../csv-download.ts'
import { errorList, type FieldErrors } from '../../../validation.ts'
import { groupByMonth, panelSections, quarterItems } from '../../forward-plan-views.ts'

const COLUMNS: Array<CsvColumn<PlanEntryRow>> = [
  { header: 'Office', value: (r) => r.officeName },
  { header: 'Title', value: (r) => r.title },
  { header: 'Expected month', value: (r) => r.expectedMonth.slice(0, 7) },
  { header: 'Estimated value (pounds)', value: (r) => (r.estimatedValuePence === null ? '' : penceToDecimalString(r.estimatedValuePence)) },
  { header: 'Service', value: (r) => r.serviceName ?? '' },
  { header: 'Key decision', value: (r) => (r.keyDecision ? 'yes' : 'no') },
  { header: 'Status', value: (r) => PLAN_STATUS_LABELS[r.status] },
  { header: 'Decision reference', value: (r) => r.decisionReference ?? '' },
  { header: 'Date decided', value: (r) => r.takenOn ?? '' },
  { header: 'Date dropped', value: (r) => r.droppedOn ?? '' },
  { header: 'Reason dropped', value: (r) => r.droppedReason ?? '' },
]

/** The office chosen by `?office=`, when it is one with a forward plan. */
function chosenOffice(req: Request, offices: Array<{ id: number }>): number | undefined {
  const text = typeof req.query.office === 'string' ? req.query.office : ''
  const id = Number(text)
  return text && offices.some((o) => o.id === id) ? id : undefined
}

/** The public forward plan (page and CSV) and the public panel report, from published decisions only. */
export function forwardPlanPublicRoutes(services: Services): Router {
  const router = Router()

  router.get('/forward-plan', async (req: Request, res: Response) => {
    const offices = await services.forwardPlan.offices('public')
    const officeId = chosenOffice(req, offices)
    const entries = await services.forwardPlan.entries('public', officeId)
    res.render('pages/public/forward-plan/forward-plan', {
      offices,
      officeId,
      months: groupByMonth(entries),
      count: entries.length,
    })
  })

  router.get('/forward-plan.csv', async (req: Request, res: Response) => {
    const offices = await services.forwardPlan.offices('public')
    const rows = await services.forwardPlan.entries('public', chosenOffice(req, offices))
    await sendCsv(req, res, 'forward-plan.csv', rows, COLUMNS)
  })

  router.get('/forward-plan/panel-report', async (req: Request, res: Response) => {
    const offices = await services.forwardPlan.offices('public')
    const officeId = chosenOffice(req, offices)
    const quarterText = typeof req.query.quarter === 'string' ? req.query.quarter : ''
    const quarter = quarterText ? parseQuarter(quarterText) : null
    const errors: FieldErrors = quarterText && !quarter ? { quarter: 'Choose a quarter from the list' } : {}
    const view = await services.forwardPlan.panelReport('public', { quarter: quarter ?? undefined, officeId })
    res.status(errors.quarter ? 400 : 200).render('pages/public/forward-plan/panel-report', {
      ...view,
      officeId,
      errors,
      errorList: errorList(errors),
      quarterItems: quarterItems(view.quarters, view.report.quarter.id),
      sections: panelSections(view.report, { staff: false }),
    })
  })
  return router
}
