import type { NextFunction, Request, Response } from 'express'
import { financialYear } from '../../../../domain/financial-year.ts'
import { formatPounds } from '../../../../domain/money-words.ts'
import { SERVICE_TYPE_LABELS, SERVICE_TYPES } from '../../../../domain/service-types.ts'
import { formatUkDate } from '../../../../domain/uk-date.ts'
import type { Services } from '../../../../services/index.ts'
import type { ConditionsInput, StreamPage } from '../../../../services/ledger/stream-conditions.ts'
import { StreamNotFoundError } from '../../../../services/ledger/stream-conditions.ts'
import { FormError } from '../../../../services/shared/form-error.ts'
import { actorOf, scopeOf } from '../../../auth.ts'
import { dateParts, errorLinks, idParam, partsOf } from '../foi/form.ts'
import { optionalDate } from './service-steps.ts'
import { conditionRows, findingView } from './stream-condition-views.ts'
import type { FormAnswers } from '../../../form-answers.ts'

const DATE_FIELDS = ['grantStart', 'grantEnd', 'spendBy']
const DATE_LABELS: Record<string, string> = {
  grantStart: 'start of the grant period',
  grantEnd: 'end of the grant period',
  spendBy: 'spend-by date',
}

/** The conditions form's fields as typed, read from a request body. */
function formValues(body: Record<string, unknown>) {
  const types = body.ringFencedServiceTypes
  return {
    grantStart: dateParts(body, 'grantStart'),
    grantEnd: dateParts(body, 'grantEnd'),
    spendBy: dateParts(body, 'spendBy'),
    fundingStatus: typeof body.fundingStatus === 'string' ? body.fundingStatus : '',
    agreementReference: typeof body.agreementReference === 'string' ? body.agreementReference : '',
    ringFencedServiceTypes: (Array.isArray(types) ? types : types === undefined ? [] : [types]).map(String),
    ringFenceNames: typeof body.ringFenceNames === 'string' ? body.ringFenceNames : '',
    conditionsText: typeof body.conditionsText === 'string' ? body.conditionsText : '',
  }
}
type FormValues = ReturnType<typeof formValues>

function valuesOf(c: ConditionsInput): FormValues {
  return {
    grantStart: partsOf(c.grantStart),
    grantEnd: partsOf(c.grantEnd),
    spendBy: partsOf(c.spendBy),
    fundingStatus: c.fundingStatus,
    agreementReference: c.agreementReference ?? '',
    ringFencedServiceTypes: c.ringFencedServiceTypes,
    ringFenceNames: c.ringFenceNames.join(', '),
    conditionsText: c.conditionsText ?? '',
  }
}

/** Reads the dates out of their boxes, naming each that is not a real date. */
function readDates(values: FormValues): { dates: Record<string, string | null>; errors: Record<string, string> } {
  const dates: Record<string, string | null> = {}
  const errors: Record<string, string> = {}
  for (const name of DATE_FIELDS) {
    const parsed = optionalDate(DATE_LABELS[name]!).safeParse(values[name as 'spendBy'])
    if (parsed.success) dates[name] = parsed.data
    else errors[name] = parsed.error.issues[0]!.message
  }
  return { dates, errors }
}

function conditionsOf(stream: StreamPage['stream']): ConditionsInput {
  return {
    grantStart: stream.grantStart,
    grantEnd: stream.grantEnd,
    spendBy: stream.spendBy,
    fundingStatus: stream.fundingStatus,
    agreementReference: stream.agreementReference,
    ringFencedServiceTypes: [...stream.ringFencedServiceTypes] as ConditionsInput['ringFencedServiceTypes'],
    ringFenceNames: [...stream.ringFenceNames],
    conditionsText: stream.conditionsText,
  }
}

/** Staff pages of funding streams: the list, one stream's conditions and findings, and changing its conditions. */
export class StreamConditionsController {
  constructor(private readonly services: Services) {}

  list = async (_req: Request, res: Response): Promise<void> => {
    const streams = await this.services.streamConditions.list(scopeOf(res))
    res.render('pages/staff/ledger/streams', {
      streams: streams.map((s) => ({
        ...s,
        statusTag:
          s.fundingStatus === 'expected'
            ? { text: 'Expected', classes: 'govuk-tag--yellow' }
            : { text: 'Confirmed', classes: 'govuk-tag--green' },
        spendByText: s.spendBy ? formatUkDate(s.spendBy) : '',
      })),
    })
  }

  show = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const page = await this.load(req, res)
    if (!page) return next()
    await this.renderShow(req, res, page, { status: 200, values: {}, errors: {} })
  }

  edit = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const page = await this.load(req, res)
    if (!page) return next()
    const draft = req.session.formState?.[this.key(page)] as ConditionsInput | undefined
    this.renderForm(res, page, 200, valuesOf(draft ?? conditionsOf(page.stream)), {})
  }

  saveForm = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const page = await this.load(req, res)
    if (!page) return next()
    const values = formValues((req.body ?? {}) as Record<string, unknown>)
    const { dates, errors } = readDates(values)
    let conditions: ConditionsInput | null = null
    try {
      conditions = this.services.streamConditions.validate({ ...values, ...dates })
    } catch (error) {
      if (!(error instanceof FormError)) throw error
      for (const [field, message] of Object.entries(error.errors)) if (!(field in errors)) errors[field] = message
    }
    if (Object.keys(errors).length || !conditions) return this.renderForm(res, page, 400, values, errors)
    req.session.formState = { ...req.session.formState, [this.key(page)]: conditions }
    res.redirect(303, `/staff/ledger/streams/${page.stream.id}/conditions/check`)
  }

  check = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const page = await this.load(req, res)
    if (!page) return next()
    const draft = req.session.formState?.[this.key(page)] as ConditionsInput | undefined
    if (!draft) return res.redirect(303, `/staff/ledger/streams/${page.stream.id}/conditions`)
    res.render('pages/staff/ledger/stream-check', {
      s: page.stream,
      rows: conditionRows(draft, `/staff/ledger/streams/${page.stream.id}/conditions`),
    })
  }

  confirm = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const page = await this.load(req, res)
    if (!page) return next()
    const draft = req.session.formState?.[this.key(page)] as ConditionsInput | undefined
    if (!draft) return res.redirect(303, `/staff/ledger/streams/${page.stream.id}/conditions`)
    try {
      await this.services.streamConditions.saveConditions(page.stream.id, draft, actorOf(res))
    } catch (error) {
      if (error instanceof StreamNotFoundError) return next()
      if (!(error instanceof FormError)) throw error
      return this.renderForm(res, page, 400, valuesOf(draft), error.errors)
    }
    delete req.session.formState?.[this.key(page)]
    res.redirect(303, `/staff/ledger/streams/${page.stream.id}/conditions/saved`)
  }

  saved = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const page = await this.load(req, res)
    if (!page) return next()
    res.render('pages/staff/ledger/stream-saved', {
      s: page.stream,
      findingCount: page.findings.length,
    })
  }

  addMatchFunding = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const page = await this.load(req, res)
    if (!page) return next()
    const body = (req.body ?? {}) as Record<string, unknown>
    const values = Object.fromEntries(
      ['year', 'fromName', 'amount', 'share'].map((k) => [k, typeof body[k] === 'string' ? body[k] : '']),
    )
    try {
      await this.services.streamConditions.addMatchFunding(page.stream.id, values, actorOf(res))
    } catch (error) {
      if (error instanceof StreamNotFoundError) return next()
      if (!(error instanceof FormError)) throw error
      return this.renderShow(req, res, page, { status: 400, values, errors: error.errors })
    }
    res.redirect(303, `/staff/ledger/streams/${page.stream.id}?added=1#match-funding`)
  }

  removeMatchFunding = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const page = await this.load(req, res)
    const rowId = idParam(req.params.row)
    if (!page || rowId === null) return next()
    try {
      if (!(await this.services.streamConditions.removeMatchFunding(page.stream.id, rowId, actorOf(res)))) return next()
    } catch (error) {
      if (error instanceof StreamNotFoundError) return next()
      throw error
    }
    res.redirect(303, `/staff/ledger/streams/${page.stream.id}?removed=1#match-funding`)
  }

  private key(page: StreamPage) {
    return `stream-conditions:${page.stream.id}`
  }

  private async load(req: Request, res: Response): Promise<StreamPage | undefined> {
    const id = idParam(req.params.id)
    if (id === null) return undefined
    return this.services.streamConditions.stream({ scope: scopeOf(res) }, id)
  }

  private renderForm(
    res: Response,
    page: StreamPage,
    status: number,
    values: FormValues,
    errors: Record<string, string>,
  ) {
    res.status(status).render('pages/staff/ledger/stream-conditions', {
      s: page.stream,
      values,
      errors,
      errorList: errorLinks(errors, DATE_FIELDS),
      typeItems: SERVICE_TYPES.map((t) => ({
        value: t,
        text: SERVICE_TYPE_LABELS[t],
        checked: values.ringFencedServiceTypes.includes(t),
      })),
    })
  }

  private async renderShow(req: Request, res: Response, page: StreamPage, { status, values, errors }: FormAnswers) {
    const s = page.stream
    const received = await this.services.funding.overview()
    res.status(status).render('pages/staff/ledger/stream', {
      s,
      rows: conditionRows(conditionsOf(s)),
      matchRows: s.matchFunding.map((m) => ({
        ...m,
        yearLabel: financialYear(m.financialYear).label,
        required:
          m.amountPence !== null ? formatPounds(m.amountPence) : `${m.sharePercent}% of what the stream received`,
      })),
      years: received.find((r) => r.id === s.id)?.years ?? [],
      findings: page.findings.map(findingView),
      awardCount: page.awards.length,
      values,
      errors,
      errorList: errorLinks(errors, []),
      banner:
        req.query.added === '1' ? 'Match funding added' : req.query.removed === '1' ? 'Match funding removed' : null,
    })
  }
}
