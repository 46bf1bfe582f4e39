import { Router, type NextFunction, type Request, type Response } from 'express'
import { monthLabel, parseQuarter, PLAN_STATUS_LABELS } from '../../../../domain/forward-plan.ts'
import { formatPence } from '../../../../domain/money.ts'
import { formatUkDate } from '../../../../domain/uk-date.ts'
import type { Services } from '../../../../services/index.ts'
import { answersOf, type PlanEntryAnswers, type PlanEntryRow } from '../../../../services/forward-plan/forward-plan.ts'
import { FormError } from '../../../../services/shared/form-error.ts'
import { actorOf, scopeOf } from '../../../auth.ts'
import { groupByMonth, panelSections, quarterItems } from '../../forward-plan-views.ts'

const BASE = '/staff/forward-plan'

/** The field each error links to: the month box of the expected month. */
function errorLinks(errors: Record<string, string>) {
  return Object.entries(errors).map(([field, text]) => ({
    text,
    href: `#${field === 'expectedMonth' ? 'expectedMonth-month' : field}`,
  }))
}

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
  router.param('id', (_req, _res, next, id: string) => next(/^\d{1,15}$/.test(id) ? undefined : 'route'))
  router.get('/', c.list)
  router.get('/panel-report', c.report)
  router.get('/new', c.form)
  router.post('/new', c.saveForm)
  router.get('/new/check', c.check)
  router.post('/new/check', c.confirm)
  router.get('/:id', c.show)
  router.get('/:id/added', c.added)
  router.get('/:id/change', c.form)
  router.post('/:id/change', c.saveForm)
  router.get('/:id/change/check', c.check)
  router.post('/:id/change/check', c.confirm)
  router.get('/:id/drop', c.dropForm)
  router.post('/:id/drop', c.drop)
  router.get('/:id/link', c.linkForm)
  router.post('/:id/link', c.link)
  router.post('/:id/reinstate', c.reinstate)
  return router
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
    res.render('pages/staff/forward-plan/entry', { entry, rows: this.rows(entry), done })
  }

  added = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const entry = await this.services.forwardPlan.find(Number(req.params.id), scopeOf(res))
    if (!entry) return next()
    res.render('pages/staff/forward-plan/added', { entry })
  }

  form = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const ctx = await this.context(req, res)
    if (!ctx) return next()
    const saved = req.session.formState?.[ctx.key] as PlanEntryAnswers | undefined
    await this.renderForm(res, ctx, 200, saved ?? ctx.initial, {})
  }

  saveForm = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const ctx = await this.context(req, res)
    if (!ctx) return next()
    const answers = answersOf((req.body ?? {}) as Record<string, unknown>)
    if (ctx.entry) answers.officeId = String(ctx.entry.officeId)
    try {
      await this.services.forwardPlan.validate(answers, scopeOf(res))
    } catch (error) {
      if (!(error instanceof FormError)) throw error
      return this.renderForm(res, ctx, 400, answers, error.errors)
    }
    req.session.formState = { ...(req.session.formState ?? {}), [ctx.key]: answers }
    res.redirect(303, `${ctx.base}/check`)
  }

  check = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const ctx = await this.context(req, res)
    if (!ctx) return next()
    const answers = req.session.formState?.[ctx.key] as PlanEntryAnswers | undefined
    if (!answers) return res.redirect(303, ctx.base)
    await this.renderCheck(res, ctx, answers, 200, {})
  }

  confirm = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const ctx = await this.context(req, res)
    if (!ctx) return next()
    const answers = req.session.formState?.[ctx.key] as PlanEntryAnswers | undefined
    if (!answers) return res.redirect(303, ctx.base)
    try {
      if (ctx.entry) {
        await this.services.forwardPlan.change(ctx.entry.id, answers, actorOf(res))
        delete req.session.formState?.[ctx.key]
        return res.redirect(303, `${BASE}/${ctx.entry.id}?done=changed`)
      }
      const id = await this.services.forwardPlan.add(answers, actorOf(res))
      delete req.session.formState?.[ctx.key]
      res.redirect(303, `${BASE}/${id}/added`)
    } catch (error) {
      if (!(error instanceof FormError)) throw error
      await this.renderCheck(res, ctx, answers, 400, error.errors)
    }
  }

  dropForm = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const entry = await this.services.forwardPlan.find(Number(req.params.id), scopeOf(res))
    if (!entry) return next()
    res.render('pages/staff/forward-plan/drop', { entry, values: {}, errors: {}, errorList: [] })
  }

  drop = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const id = Number(req.params.id)
    const body = (req.body ?? {}) as Record<string, unknown>
    try {
      if (!(await this.services.forwardPlan.drop(id, body, actorOf(res)))) return next()
      res.redirect(303, `${BASE}/${id}?done=dropped`)
    } catch (error) {
      if (!(error instanceof FormError)) throw error
      const entry = await this.services.forwardPlan.find(id, scopeOf(res))
      if (!entry) return next()
      res.status(400).render('pages/staff/forward-plan/drop', {
        entry,
        values: { reason: typeof body.reason === 'string' ? body.reason : '' },
        errors: error.errors,
        errorList: errorLinks(error.errors),
      })
    }
  }

  linkForm = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const entry = await this.services.forwardPlan.find(Number(req.params.id), scopeOf(res))
    if (!entry) return next()
    await this.renderLink(res, entry, 200, String(entry.decisionId ?? ''), {})
  }

  link = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const id = Number(req.params.id)
    const body = (req.body ?? {}) as Record<string, unknown>
    try {
      if (!(await this.services.forwardPlan.link(id, body, actorOf(res)))) return next()
      res.redirect(303, `${BASE}/${id}?done=linked`)
    } catch (error) {
      if (!(error instanceof FormError)) throw error
      const entry = await this.services.forwardPlan.find(id, scopeOf(res))
      if (!entry) return next()
      await this.renderLink(res, entry, 400, typeof body.decisionId === 'string' ? body.decisionId : '', error.errors)
    }
  }

  reinstate = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const id = Number(req.params.id)
    if (!(await this.services.forwardPlan.reinstate(id, actorOf(res)))) return next()
    res.redirect(303, `${BASE}/${id}?done=reinstated`)
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

  private async context(req: Request, res: Response): Promise<Context | undefined> {
    if (req.params.id === undefined)
      return {
        key: 'plan:new',
        base: `${BASE}/new`,
        cancel: BASE,
        heading: 'Add a planned decision',
        entry: null,
        initial: answersOf({}),
      }
    const entry = await this.services.forwardPlan.find(Number(req.params.id), scopeOf(res))
    if (!entry) return undefined
    return {
      key: `plan:${entry.id}`,
      base: `${BASE}/${entry.id}/change`,
      cancel: `${BASE}/${entry.id}`,
      heading: `Change ${entry.title}`,
      entry,
      initial: {
        officeId: String(entry.officeId),
        title: entry.title,
        'expectedMonth-month': String(Number(entry.expectedMonth.slice(5, 7))),
        'expectedMonth-year': entry.expectedMonth.slice(0, 4),
        estimatedValue: entry.estimatedValuePence === null ? '' : formatPence(entry.estimatedValuePence).slice(1),
        serviceId: String(entry.serviceId ?? ''),
        keyDecision: entry.keyDecision ? 'yes' : 'no',
      },
    }
  }

  private async choices(res: Response, ctx: Context) {
    const offices = ctx.entry
      ? [{ id: ctx.entry.officeId, name: ctx.entry.officeName }]
      : await this.services.forwardPlan.offices({ staff: scopeOf(res) })
    const services: Array<{ id: number; name: string }> = []
    for (const office of offices)
      for (const s of await this.services.forwardPlan.services(office.id))
        if (!services.some((x) => x.id === s.id))
          services.push({ ...s, name: offices.length > 1 ? `${s.name} (${office.name})` : s.name })
    return { offices, services }
  }

  private async renderForm(
    res: Response,
    ctx: Context,
    status: number,
    values: PlanEntryAnswers,
    errors: Record<string, string>,
  ) {
    const { offices, services } = await this.choices(res, ctx)
    res.status(status).render('pages/staff/forward-plan/form', {
      ctx,
      values: { ...values, officeId: values.officeId || (offices.length === 1 ? String(offices[0]!.id) : '') },
      errors,
      errorList: errorLinks(errors),
      offices,
      officeItems: [
        { value: '', text: 'Choose the office' },
        ...offices.map((o) => ({ value: String(o.id), text: o.name, selected: String(o.id) === values.officeId })),
      ],
      serviceItems: [
        { value: '', text: 'No service' },
        ...services.map((s) => ({ value: String(s.id), text: s.name, selected: String(s.id) === values.serviceId })),
      ],
    })
  }

  private async renderCheck(
    res: Response,
    ctx: Context,
    answers: PlanEntryAnswers,
    status: number,
    errors: Record<string, string>,
  ) {
    const { offices, services } = await this.choices(res, ctx)
    const month = `${answers['expectedMonth-year']}-${answers['expectedMonth-month'].padStart(2, '0')}-01`
    const rows: Array<[string, string, string]> = [
      ['Title', answers.title.trim(), 'title'],
      ['Expected month', monthLabel(month), 'expectedMonth-month'],
      [
        'Estimated value',
        answers.estimatedValue ? `£${answers.estimatedValue.replace(/^£/, '')}` : 'Not given',
        'estimatedValue',
      ],
      ['Service', services.find((s) => String(s.id) === answers.serviceId)?.name ?? 'None', 'serviceId'],
      ['Key decision', answers.keyDecision === 'yes' ? 'Yes' : 'No', 'keyDecision'],
    ]
    if (offices.length > 1)
      rows.unshift(['Office', offices.find((o) => String(o.id) === answers.officeId)?.name ?? '', 'officeId'])
    res.status(status).render('pages/staff/forward-plan/check', {
      ctx,
      errorList: Object.values(errors).map((text) => ({ text, href: ctx.base })),
      rows: rows.map(([key, value, field]) => ({
        key: { text: key },
        value: { text: value },
        actions: { items: [{ href: `${ctx.base}#${field}`, text: 'Change', visuallyHiddenText: key.toLowerCase() }] },
      })),
    })
  }

  private rows(entry: PlanEntryRow) {
    const change = (field: string, what: string) => ({
      items: [{ href: `${BASE}/${entry.id}/change#${field}`, text: 'Change', visuallyHiddenText: what }],
    })
    const rows = [
      { key: { text: 'Office' }, value: { text: entry.officeName } },
      { key: { text: 'Title' }, value: { text: entry.title }, actions: change('title', 'title') },
      {
        key: { text: 'Expected month' },
        value: { text: monthLabel(entry.expectedMonth) },
        actions: change('expectedMonth-month', 'expected month'),
      },
      {
        key: { text: 'Estimated value' },
        value: { text: entry.estimatedValuePence === null ? 'Not given' : formatPence(entry.estimatedValuePence) },
        actions: change('estimatedValue', 'estimated value'),
      },
      {
        key: { text: 'Service' },
        value: { text: entry.serviceName ?? 'None' },
        actions: change('serviceId', 'service'),
      },
      {
        key: { text: 'Key decision' },
        value: { text: entry.keyDecision ? 'Yes' : 'No' },
        actions: change('keyDecision', 'key decision'),
      },
      { key: { text: 'Status' }, value: { text: PLAN_STATUS_LABELS[entry.status] } },
    ]
    if (entry.status === 'taken')
      rows.push({
        key: { text: 'Taken by' },
        value: {
          text: `${entry.decisionReference ?? 'No reference'}: ${entry.decisionTitle ?? ''}${entry.takenOn ? `, ${formatUkDate(entry.takenOn)}` : ''}`,
        },
        actions: {
          items: [{ href: `${BASE}/${entry.id}/link`, text: 'Change', visuallyHiddenText: 'decision that took it' }],
        },
      })
    if (entry.status === 'dropped')
      rows.push({
        key: { text: 'Dropped' },
        value: { text: `${formatUkDate(entry.droppedOn)}: ${entry.droppedReason ?? ''}` },
      })
    return rows
  }
}

interface Context {
  key: string
  base: string
  cancel: string
  heading: string
  entry: PlanEntryRow | null
  initial: PlanEntryAnswers
}
