import { Router, type NextFunction, type Request, type Response } from 'express'
import { parseQuarter } from '../../../../domain/forward-plan.ts'
import { formatUkDate } from '../../../../domain/uk-date.ts'
import type { Services } from '../../../../services/index.ts'
import type { PlanEntryRow } from '../../../../services/forward-plan/forward-plan.ts'
import { FormError } from '../../../../services/shared/form-error.ts'
import { actorOf, scopeOf } from '../../../auth.ts'
import { groupByMonth, panelSections, quarterItems } from '../../forward-plan-views.ts'
import { addPages, type Page } from '../../pages.ts'
import { PlanEntryFormController } from './entry-form.ts'
import { BASE, entrySummaryRows, errorLinks } from './views.ts'

const DONE: Record<string, string> = {
  changed: 'Planned decision changed',
  linked: 'Planned decision linked to the decision that took it',
  dropped: 'Planned decision dropped',
  reinstated: 'Planned decision put back on the plan',
}

/**
 * Staff keep the forward plan: add a planned decision (question page, check answers, confirmation), change
 * it, link it to the decision that took it, drop it with a reason, and read the panel report.
 */
export function forwardPlanStaffRoutes(services: Services): Router {
  const router = Router()
  const c = new ForwardPlanController(services)
  const form = new PlanEntryFormController(services)
  /** The question page and the check page, the same for adding a planned decision as for changing one. */
  const formPages = (path: string): Page[] => [
    [path, form.form, form.saveForm],
    [`${path}/check`, form.check, form.confirm],
  ]
  router.param('id', (_req, _res, next, id: string) => next(/^\d{1,15}$/.test(id) ? undefined : 'route'))
  addPages(router, [
    ['/', c.list],
    ['/panel-report', c.report],
    ...formPages('/new'),
    ['/:id', c.show],
    ['/:id/added', c.added],
    ...formPages('/:id/change'),
    ['/:id/drop', c.dropForm, c.drop],
    ['/:id/link', c.linkForm, c.link],
  ])
  router.post('/:id/reinstate', c.reinstate)
  return router
}

/**
 * What a form on a plan entry does: its action, the word the entry page says once it is done, and how a refused
 * form is shown again.
 */
interface EntryAction {
  done: string
  action: (id: number, body: Record<string, unknown>) => Promise<boolean>
  refused: (entry: PlanEntryRow, body: Record<string, unknown>, errors: Record<string, string>) => unknown
}

class ForwardPlanController {
  constructor(private readonly services: Services) {}

  list = async (req: Request, res: Response): Promise<void> => {
    const reader = { staff: scopeOf(res) }
    const offices = await this.services.forwardPlan.offices(reader)
    const officeId = this.chosenOffice(req, offices)
    const entries = await this.services.forwardPlan.entries(reader, officeId)
    res.render('pages/staff/forward-plan/list', {
      offices,
      officeId,
      months: groupByMonth(entries),
      count: entries.length,
    })
  }

  report = async (req: Request, res: Response): Promise<void> => {
    const reader = { staff: scopeOf(res) }
    const offices = await this.services.forwardPlan.offices(reader)
    const officeId = this.chosenOffice(req, offices)
    const quarterText = typeof req.query.quarter === 'string' ? req.query.quarter : ''
    const quarter = quarterText ? parseQuarter(quarterText) : undefined
    const view = await this.services.forwardPlan.panelReport(reader, { quarter: quarter ?? undefined, officeId })
    const errors: Record<string, string> = quarterText && !quarter ? { quarter: 'Choose a quarter from the list' } : {}
    res.status(quarterText && !quarter ? 400 : 200).render('pages/staff/forward-plan/panel-report', {
      ...view,
      officeId,
      errors,
      errorList: errorLinks(errors),
      quarterItems: quarterItems(view.quarters, view.report.quarter.id),
      sections: panelSections(view.report, { staff: true }),
    })
  }

  show = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const entry = await this.services.forwardPlan.find(Number(req.params.id), scopeOf(res))
    if (!entry) return next()
    const done = typeof req.query.done === 'string' ? DONE[req.query.done] : undefined
    res.render('pages/staff/forward-plan/entry', { entry, rows: entrySummaryRows(entry), done })
  }

  added = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const entry = await this.services.forwardPlan.find(Number(req.params.id), scopeOf(res))
    if (!entry) return next()
    res.render('pages/staff/forward-plan/added', { entry })
  }

  dropForm = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const entry = await this.services.forwardPlan.find(Number(req.params.id), scopeOf(res))
    if (!entry) return next()
    res.render('pages/staff/forward-plan/drop', { entry, values: {}, errors: {}, errorList: [] })
  }

  drop = (req: Request, res: Response, next: NextFunction): Promise<void> =>
    this.act(req, res, next, {
      done: 'dropped',
      action: (id, body) => this.services.forwardPlan.drop(id, body, actorOf(res)),
      refused: (entry, body, errors) =>
        res.status(400).render('pages/staff/forward-plan/drop', {
          entry,
          values: { reason: typeof body.reason === 'string' ? body.reason : '' },
          errors,
          errorList: errorLinks(errors),
        }),
    })

  linkForm = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const entry = await this.services.forwardPlan.find(Number(req.params.id), scopeOf(res))
    if (!entry) return next()
    await this.renderLink(res, entry, 200, String(entry.decisionId ?? ''), {})
  }

  link = (req: Request, res: Response, next: NextFunction): Promise<void> =>
    this.act(req, res, next, {
      done: 'linked',
      action: (id, body) => this.services.forwardPlan.link(id, body, actorOf(res)),
      refused: (entry, body, errors) =>
        this.renderLink(res, entry, 400, typeof body.decisionId === 'string' ? body.decisionId : '', errors),
    })

  reinstate = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const id = Number(req.params.id)
    if (!(await this.services.forwardPlan.reinstate(id, actorOf(res)))) return next()
    res.redirect(303, `${BASE}/${id}?done=reinstated`)
  }

  /**
   * Runs `action` on the entry the address names, then shows the entry saying it is `done`; when the form is
   * refused, `refused` shows it again with its errors. An entry the scope does not reach is not found.
   */
  private async act(
    req: Request,
    res: Response,
    next: NextFunction,
    { done, action, refused }: EntryAction,
  ): Promise<void> {
    const id = Number(req.params.id)
    const body = (req.body ?? {}) as Record<string, unknown>
    try {
      if (!(await action(id, body))) return next()
      res.redirect(303, `${BASE}/${id}?done=${done}`)
    } catch (error) {
      if (!(error instanceof FormError)) throw error
      const entry = await this.services.forwardPlan.find(id, scopeOf(res))
      if (!entry) return next()
      await refused(entry, body, error.errors)
    }
  }

  private chosenOffice(req: Request, offices: Array<{ id: number }>): number | undefined {
    const text = typeof req.query.office === 'string' ? req.query.office : ''
    const id = Number(text)
    return text && offices.some((o) => o.id === id) ? id : undefined
  }

  private async renderLink(
    res: Response,
    entry: PlanEntryRow,
    status: number,
    decisionId: string,
    errors: Record<string, string>,
  ) {
    const decisions = await this.services.forwardPlan.linkableDecisions(entry.officeId)
    res.status(status).render('pages/staff/forward-plan/link', {
      entry,
      errors,
      errorList: errorLinks(errors),
      items: [
        { value: '', text: 'Choose a decision' },
        ...decisions.map((d) => ({
          value: String(d.id),
          text: `${d.reference ?? 'No reference'}: ${d.title}${d.takenOn ? ` (${formatUkDate(d.takenOn)})` : ''}`,
          selected: String(d.id) === decisionId,
        })),
      ],
      count: decisions.length,
    })
  }
}
