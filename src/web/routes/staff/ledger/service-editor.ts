import type { NextFunction, Request, Response } from 'express'
import { formatPence } from '../../../../domain/money.ts'
import { SERVICE_TYPE_LABELS, SERVICE_TYPES, serviceTypeLabel } from '../../../../domain/service-types.ts'
import { formatUkDate } from '../../../../domain/uk-date.ts'
import type { Services } from '../../../../services/index.ts'
import type { ServiceChoices, ServiceRecord } from '../../../../services/ledger/commissioning-records.ts'
import { FormError } from '../../../../services/shared/form-error.ts'
import { actorOf, scopeOf } from '../../../auth.ts'
import { errorLinks, partsOf } from '../foi/form.ts'
import {
  emptyRecord,
  firstUnanswered,
  SERVICE_STEPS,
  STEP_TITLES,
  stepInput,
  stepSchemas,
  type ServiceStep,
} from './service-steps.ts'
import type { FormAnswers } from '../../../form-answers.ts'

interface Draft {
  record: ServiceRecord
  /** Once check answers has been seen, each page returns to it. */
  checking: boolean
  /** The draft award this new service was started from, to be set to pay for it once saved. */
  fromAwardId?: number
}

const DATE_FIELDS = ['startDate', 'endDate']

/** The office a member of staff records services for: the first of theirs (null for a deployment administrator). */
function actingOffice(res: Response): number | null {
  return scopeOf(res).officeIds()?.[0] ?? null
}

/** Creating a service, or editing one, a question page at a time, then check answers and a confirmation. */
export class ServiceEditorController {
  constructor(private readonly services: Services) {}

  start = async (req: Request, res: Response): Promise<void> => {
    const officeId = actingOffice(res) ?? (await this.services.officeSettings.get())?.officeId ?? null
    this.setDraft(req, 'new', { record: emptyRecord(officeId), checking: false })
    res.redirect(303, '/staff/ledger/services/new/details')
  }

  /** A new service prefilled from an award (provider, lead commissioner, areas, period, name, kind), for the officer to check page by page. */
  startFromAward = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const awardId = Number(req.params.awardId)
    if (!Number.isSafeInteger(awardId) || awardId <= 0) return next()
    const found = await this.services.commissioningRecords.recordFromAward(awardId, scopeOf(res))
    if (!found) return next()
    this.setDraft(req, 'new', { record: found.record, checking: false, fromAwardId: awardId })
    res.redirect(303, '/staff/ledger/services/new/details?fromAward=1')
  }

  startEdit = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const slug = String(req.params.slug)
    const found = await this.services.commissioningRecords.record(slug, scopeOf(res))
    if (!found) return next()
    const { id: _id, ...record } = found
    this.setDraft(req, slug, { record, checking: true })
    res.redirect(303, `/staff/ledger/services/${slug}/edit/check`)
  }

  step = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const ctx = this.context(req)
    const step = String(req.params.step) as ServiceStep
    if (!SERVICE_STEPS.includes(step)) return next()
    if (!ctx) return res.redirect(303, this.startUrl(req))
    const missing = firstUnanswered(ctx.draft.record)
    if (missing && SERVICE_STEPS.indexOf(step) > SERVICE_STEPS.indexOf(missing))
      return res.redirect(303, `${ctx.base}/${missing}`)
    res.locals.fromAward = req.query.fromAward === '1' && step === 'details'
    await this.renderStep(res, ctx, step, { status: 200, values: this.valuesOf(ctx.draft.record, step), errors: {} })
  }

  saveStep = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const ctx = this.context(req)
    const step = String(req.params.step) as ServiceStep
    if (!ctx || !SERVICE_STEPS.includes(step)) return next()
    const body = (req.body ?? {}) as Record<string, unknown>
    if (step === 'partners') return this.savePartners(req, res, ctx, body)
    const parsed = stepSchemas[step].safeParse(stepInput(step, body))
    if (!parsed.success) {
      const errors = FormError.fromZod(parsed.error).errors
      return this.renderStep(res, ctx, step, { status: 400, values: { ...stepInput(step, body) }, errors })
    }
    Object.assign(ctx.draft.record, parsed.data)
    this.setDraft(req, ctx.key, ctx.draft)
    res.redirect(303, this.after(ctx, step))
  }

  check = async (req: Request, res: Response): Promise<void> => {
    const ctx = this.context(req)
    if (!ctx) return res.redirect(303, this.startUrl(req))
    const missing = firstUnanswered(ctx.draft.record)
    if (missing) return res.redirect(303, `${ctx.base}/${missing}`)
    ctx.draft.checking = true
    this.setDraft(req, ctx.key, ctx.draft)
    await this.renderCheck(res, ctx, 200, {})
  }

  confirm = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const ctx = this.context(req)
    if (!ctx) return next()
    try {
      const saved = await this.services.commissioningRecords.save(
        ctx.draft.record,
        actorOf(res),
        ctx.key === 'new' ? undefined : ctx.key,
        ctx.key === 'new' ? ctx.draft.fromAwardId : undefined,
      )
      delete req.session.formState?.[`service:${ctx.key}`]
      const outcome = ctx.key === 'new' ? `created=1${saved.linkedAward ? '&award=1' : ''}` : 'updated=1'
      res.redirect(303, `/staff/ledger/services/${saved.slug}/saved?${outcome}`)
    } catch (error) {
      if (!(error instanceof FormError)) throw error
      await this.renderCheck(res, ctx, 400, error.errors)
    }
  }

  saved = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const page = await this.services.commissioning.service(String(req.params.slug))
    if (!page) return next()
    res.render('pages/staff/ledger/service-saved', {
      s: page.detail.service,
      created: req.query.created === '1',
      linkedAward: req.query.award === '1',
    })
  }

  private async savePartners(req: Request, res: Response, ctx: Context, body: Record<string, unknown>) {
    const partners = ctx.draft.record.partners
    const remove = typeof body.remove === 'string' ? Number(body.remove) : NaN
    if (Number.isInteger(remove) && remove >= 0 && remove < partners.length) {
      partners.splice(remove, 1)
      this.setDraft(req, ctx.key, ctx.draft)
      return res.redirect(303, `${ctx.base}/partners`)
    }
    if (body.action !== 'add') return res.redirect(303, this.after(ctx, 'partners'))
    const parsed = stepSchemas.partner.safeParse(stepInput('partner', body))
    const errors = parsed.success ? {} : FormError.fromZod(parsed.error).errors
    if (parsed.success && partners.some((p) => p.organisationId === parsed.data.organisationId))
      errors.organisationId = 'This partner is already listed: remove it first to change its amount'
    if (!parsed.success || Object.keys(errors).length)
      return this.renderStep(res, ctx, 'partners', { status: 400, values: stepInput('partner', body), errors })
    const { organisationId, amount, upTo, condition } = parsed.data
    partners.push({ organisationId, amountPence: amount, upTo: upTo === 'yes', condition })
    this.setDraft(req, ctx.key, ctx.draft)
    res.redirect(303, `${ctx.base}/partners`)
  }

  private after(ctx: Context, step: ServiceStep): string {
    const next = SERVICE_STEPS[SERVICE_STEPS.indexOf(step) + 1]
    return ctx.draft.checking || !next ? `${ctx.base}/check` : `${ctx.base}/${next}`
  }

  private valuesOf(record: ServiceRecord, step: ServiceStep): Record<string, unknown> {
    if (step === 'dates')
      return {
        ...record,
        startDate: partsOf(record.startDate),
        endDate: partsOf(record.endDate),
        extensionMonths: record.extensionMonths ?? '',
        breakNoticeMonths: record.breakNoticeMonths ?? '',
      }
    if (step === 'partners') return { upTo: 'yes' }
    return {
      ...record,
      areaIds: record.areaIds.map(String),
      providerIds: record.providerIds.map(String),
      leadCommissionerId: String(record.leadCommissionerId ?? ''),
      predecessorId: String(record.predecessorId ?? ''),
    }
  }

  private async renderStep(res: Response, ctx: Context, step: ServiceStep, { status, values, errors }: FormAnswers) {
    const choices = await this.services.commissioningRecords.choices(actingOffice(res))
    const index = SERVICE_STEPS.indexOf(step)
    const back = ctx.draft.checking
      ? `${ctx.base}/check`
      : index > 0
        ? `${ctx.base}/${SERVICE_STEPS[index - 1]}`
        : ctx.cancel
    res.status(status).render(`pages/staff/ledger/service-steps/${step}`, {
      ctx: { ...ctx, title: STEP_TITLES[step], back },
      record: ctx.draft.record,
      values,
      errors,
      errorList: errorLinks(errors, DATE_FIELDS),
      choices,
      typeItems: SERVICE_TYPES.map((t) => ({
        value: t,
        text: SERVICE_TYPE_LABELS[t],
        checked: values.serviceType === t,
      })),
      partnerRows: this.partnerRows(ctx.draft.record, choices),
    })
  }

  private partnerRows(record: ServiceRecord, choices: ServiceChoices) {
    const name = (id: number) => choices.organisations.find((o) => o.id === id)?.name ?? `Organisation ${id}`
    return record.partners.map((p, index) => ({
      index,
      name: name(p.organisationId),
      amount: `${p.upTo ? 'up to ' : ''}${formatPence(p.amountPence)} a year`,
      condition: p.condition,
    }))
  }

  private async renderCheck(res: Response, ctx: Context, status: number, errors: Record<string, string>) {
    const r = ctx.draft.record
    const choices = await this.services.commissioningRecords.choices(actingOffice(res))
    const org = (id: number | null) => choices.organisations.find((o) => o.id === id)?.name
    const area = (id: number) => choices.areas.find((a) => a.id === id)
    const term = [
      r.extensionMonths
        ? `${r.extensionMonths} months of extension${r.extensionText ? ` (${r.extensionText})` : ''}`
        : '',
    ]
    res.status(status).render('pages/staff/ledger/service-check', {
      ctx: { ...ctx, back: `${ctx.base}/predecessor` },
      errors,
      errorList: Object.entries(errors).map(([, text]) => ({ text })),
      rows: [
        ['Name', r.name, 'details'],
        ['Type', serviceTypeLabel(r.serviceType), 'details'],
        ['Description', r.description ?? 'None', 'details'],
        [
          'Areas served',
          r.areaIds.map((id) => `${area(id)?.name}${area(id)?.gssCode ? ` (${area(id)!.gssCode})` : ''}`).join(', '),
          'areas',
        ],
        ['Providers', r.providerIds.map((id) => org(id)).join(', '), 'providers'],
        ['Lead commissioner', org(r.leadCommissionerId) ?? 'None', 'providers'],
        [
          'Partners',
          this.partnerRows(r, choices)
            .map((p) => `${p.name}: ${p.amount}${p.condition ? ` (${p.condition})` : ''}`)
            .join('; ') || 'None',
          'partners',
        ],
        ['Start', r.startDate ? formatUkDate(r.startDate) : 'Not stated', 'dates'],
        ['End', r.endDate ? formatUkDate(r.endDate) : 'Not stated', 'dates'],
        ['Extension options', term[0] || 'None', 'dates'],
        ['Break clause notice', r.breakNoticeMonths !== null ? `${r.breakNoticeMonths} months` : 'None', 'dates'],
        [
          'Replaces',
          choices.services.find((s) => s.id === r.predecessorId)?.name ?? 'No earlier contract',
          'predecessor',
        ],
      ].map(([key, value, step]) => ({
        key: { text: key },
        value: { text: value },
        actions: {
          items: [{ href: `${ctx.base}/${step}`, text: 'Change', visuallyHiddenText: String(key).toLowerCase() }],
        },
      })),
    })
  }

  private context(req: Request): Context | undefined {
    const slug = req.params.slug ? String(req.params.slug) : null
    const key = slug ?? 'new'
    const draft = req.session.formState?.[`service:${key}`] as Draft | undefined
    if (!draft) return undefined
    return {
      key,
      draft,
      base: slug ? `/staff/ledger/services/${slug}/edit` : '/staff/ledger/services/new',
      cancel: slug ? `/staff/ledger/services/${slug}` : '/staff/ledger/services',
      heading: slug ? `Change ${draft.record.name}` : 'Add a service',
    }
  }

  private startUrl(req: Request): string {
    return req.params.slug ? `/staff/ledger/services/${String(req.params.slug)}/edit` : '/staff/ledger/services/new'
  }

  private setDraft(req: Request, key: string, draft: Draft): void {
    req.session.formState = { ...(req.session.formState ?? {}), [`service:${key}`]: draft }
  }
}

interface Context {
  key: string
  draft: Draft
  base: string
  cancel: string
  heading: string
}
