import type { NextFunction, Request, Response } from 'express'
import { monthLabel } from '../../../../domain/forward-plan.ts'
import { formatPence } from '../../../../domain/money.ts'
import type { Services } from '../../../../services/index.ts'
import { answersOf, type PlanEntryAnswers, type PlanEntryRow } from '../../../../services/forward-plan/forward-plan.ts'
import { FormError } from '../../../../services/shared/form-error.ts'
import { actorOf, scopeOf } from '../../../auth.ts'
import { BASE, errorLinks } from './views.ts'
import type { FormAnswers } from '../../../form-answers.ts'

/** Adding a planned decision or changing one: the question page, check answers, and saving. */
export class PlanEntryFormController {
  constructor(private readonly services: Services) {}

  form = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const ctx = await this.context(req, res)
    if (!ctx) return next()
    const saved = req.session.formState?.[ctx.key] as PlanEntryAnswers | undefined
    await this.renderForm(res, ctx, { status: 200, values: saved ?? ctx.initial, errors: {} })
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
      return this.renderForm(res, ctx, { status: 400, values: answers, errors: error.errors })
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

  private async renderForm(res: Response, ctx: Context, { status, values, errors }: FormAnswers<PlanEntryAnswers>) {
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
}

interface Context {
  key: string
  base: string
  cancel: string
  heading: string
  entry: PlanEntryRow | null
  initial: PlanEntryAnswers
}
