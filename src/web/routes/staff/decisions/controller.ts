import type { NextFunction, Request, Response } from 'express'
import type { DecisionDetail } from '../../../../db/repositories/decisions/decisions.ts'
import { PROCUREMENT_ROUTES, ROUTE_LABELS, LINK_KINDS, LINK_LABELS } from '../../../../domain/decision.ts'
import { financialYear, financialYearOf } from '../../../../domain/financial-year.ts'
import { todayInLondon } from '../../../../domain/uk-date.ts'
import {
  STAGE_FOR_STATUS,
  STAGE_LABELS,
  isEditable,
  isPublishable,
  mayActOnStage,
} from '../../../../domain/workflow.ts'
import type { Services } from '../../../../services/index.ts'
import {
  ConcurrentEditError,
  WorkflowError,
  holderOf,
  type Signer,
  type SignOffInput,
} from '../../../../services/decisions/workflow.ts'
import { actorOf } from '../../../auth.ts'
import { errorList, type FieldErrors } from '../../../validation.ts'
import { decisionViewModel } from '../../public/decisions/decision.ts'
import {
  EXEMPTIONS,
  awardRowsFrom,
  awardRowsOf,
  contributionRowsFrom,
  contributionRowsOf,
  detailsSchema,
  detailsValues,
  financeSchema,
  parseClassification,
  parseForm,
  parseLinks,
  parseMoney,
  totalsByYear,
  type AwardRowInput,
  type Body,
  type ContributionRowInput,
} from './forms.ts'

const BLANK_AWARD: AwardRowInput = {
  recipient: '',
  amount: '',
  year: '',
  perAnnum: false,
  upTo: false,
  via: '',
  route: '',
  stream: '',
  justification: '',
}
const BLANK_CONTRIBUTION: ContributionRowInput = {
  organisation: '',
  amount: '',
  perAnnum: false,
  upTo: false,
  condition: '',
}

function signerOf(res: Response): Signer {
  const user = res.locals.user!
  return { userId: user.id, name: user.name, roles: user.roles }
}

/** The staff pages of one decision: task list, the forms of each task, submission, sign-off and publication. */
export class DecisionStaffController {
  constructor(private readonly services: Services) {}

  list = async (_req: Request, res: Response): Promise<void> => {
    const user = res.locals.user!
    const all = await this.services.workflow.staffList()
    const edited = await this.services.workflow.editedBy(user.id)
    const waiting = all.filter((d) => {
      const stage = STAGE_FOR_STATUS[d.status]
      return (
        stage &&
        !edited.has(d.id) &&
        mayActOnStage({
          signerId: user.id,
          signerRoles: user.roles,
          authorId: d.created_by,
          status: d.status,
          earlierSigners: [],
        }).ok
      )
    })
    res.render('pages/staff/decisions/list', {
      drafts: all.filter((d) => d.status === 'draft' && holderOf(d) === user.id),
      waiting,
      inProgress: all.filter((d) => STAGE_FOR_STATUS[d.status] && !waiting.includes(d)),
      toPublish: all.filter((d) => isPublishable(d.status)),
      published: all.filter((d) => d.status === 'published').slice(0, 20),
      stageLabel: (status: keyof typeof STAGE_FOR_STATUS) => STAGE_LABELS[STAGE_FOR_STATUS[status]!],
    })
  }

  newForm = (_req: Request, res: Response): void => {
    res.render('pages/staff/decisions/details', {
      values: { kind: 'decision', authorName: res.locals.user!.name },
      isNew: true,
    })
  }

  create = async (req: Request, res: Response): Promise<void> => {
    const { data, errors } = parseForm(detailsSchema, req.body as Body)
    if (!data) return this.renderErrors(res, 'pages/staff/decisions/details', { values: req.body, isNew: true }, errors)
    const id = await this.services.workflow.createDraft(data, actorOf(res))
    res.redirect(`/staff/decisions/${id}`)
  }

  show = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.load(req)
    if (!detail) return next()
    const user = res.locals.user!
    const d = detail.decision
    const verdict = await this.signVerdict(detail, res)
    const history = await this.services.audit.history('decision', d.id)
    const names = new Map((await this.services.accounts.list()).map((u) => [u.id, u.name]))
    const holder = holderOf(d)
    const holds = holder === null || holder === user.id
    res.render('pages/staff/decisions/show', {
      ...decisionViewModel(detail),
      staffSections: detail.sections,
      tasks: this.tasks(detail),
      editable: isEditable(d.status) && holds,
      heldBy: isEditable(d.status) && !holds && holder !== null ? (names.get(holder) ?? 'another officer') : null,
      canHandOver: isEditable(d.status) && holder === user.id && user.roles.includes('officer'),
      canSubmit: isEditable(d.status) && holds,
      canSign: verdict.ok,
      signReason: verdict.ok ? null : verdict.reason,
      stageLabel: verdict.ok ? STAGE_LABELS[verdict.stage] : null,
      canPublish: isPublishable(d.status) && user.roles.some((r) => r === 'officer' || r === 'administrator'),
      timeline: history
        .map((h) => ({
          label: { text: h.action },
          datetime: { timestamp: h.at, type: 'datetime' },
          byline: { text: h.actorUserId ? (names.get(h.actorUserId) ?? h.actorLabel) : h.actorLabel },
        }))
        .reverse(),
      flash: req.query.saved === '1' ? 'Saved' : req.query.handedOver === '1' ? 'Draft handed over' : null,
    })
  }

  editForm =
    (task: 'details' | 'finance' | 'money' | 'classification' | 'links') =>
    async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      const detail = await this.load(req)
      if (!detail) return next()
      if (!isEditable(detail.decision.status)) return res.redirect(`/staff/decisions/${detail.decision.id}`)
      res.render(`pages/staff/decisions/${task}`, await this.taskModel(task, detail, this.currentValues(task, detail)))
    }

  save =
    (task: 'details' | 'finance' | 'money' | 'classification' | 'links') =>
    async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      const detail = await this.load(req)
      if (!detail) return next()
      const body = req.body as Body
      const id = detail.decision.id
      const version = Number(body.version)
      const values = task === 'money' ? this.moneyValues(body) : body
      const fail = async (errors: FieldErrors) =>
        this.renderErrors(
          res,
          `pages/staff/decisions/${task}`,
          await this.taskModel(task, detail, values, version),
          errors,
        )
      try {
        const actor = actorOf(res)
        if (task === 'details') {
          const { data, errors } = parseForm(detailsSchema, body)
          if (!data) return fail(errors)
          await this.services.workflow.saveDetails(id, version, data, actor)
        } else if (task === 'finance') {
          const { data, errors } = parseForm(financeSchema, body)
          if (!data) return fail(errors)
          await this.services.workflow.saveFinance(id, version, data, actor)
        } else if (task === 'money') {
          const streams = await this.streams()
          const parsed = parseMoney(
            awardRowsFrom(body),
            contributionRowsFrom(body),
            String(body.statedTotal ?? ''),
            streams.map((s) => s.id),
          )
          if (
            body.action === 'add-row' ||
            body.action === 'add-contribution' ||
            body.action === 'recalculate' ||
            Object.keys(parsed.errors).length
          ) {
            const model = await this.taskModel(task, detail, values, version)
            if (body.action === 'add-row') (model.awardRows as AwardRowInput[]).push(BLANK_AWARD, BLANK_AWARD)
            if (body.action === 'add-contribution')
              (model.contributionRows as ContributionRowInput[]).push(BLANK_CONTRIBUTION)
            return this.renderErrors(
              res,
              'pages/staff/decisions/money',
              { ...model, totals: totalsByYear(parsed.awards) },
              body.action ? {} : parsed.errors,
            )
          }
          await this.services.workflow.saveMoney(
            id,
            version,
            {
              statedTotalPence: parsed.statedTotalPence,
              awards: parsed.awards.map((a) => {
                const year = financialYear(a.startYear)
                return {
                  recipientName: a.recipient,
                  amountPence: a.amountPence,
                  periodLabel: year.label,
                  periodStart: year.start,
                  periodEnd: year.end,
                  financialYear: a.startYear,
                  perAnnum: a.perAnnum,
                  upTo: a.upTo,
                  viaName: a.via,
                  route: a.route,
                  routeJustification: a.justification,
                  fundingStreamId: a.streamId,
                }
              }),
              contributions: parsed.contributions.map((c) => ({
                organisationName: c.organisation,
                amountPence: c.amountPence,
                perAnnum: c.perAnnum,
                upTo: c.upTo,
                condition: c.condition,
              })),
            },
            actor,
          )
        } else if (task === 'classification') {
          const { data, errors } = parseClassification(body)
          if (!data) return fail(errors)
          await this.services.workflow.saveClassification(id, version, data, actor)
        } else {
          const { data, errors } = parseLinks(body)
          if (!data) return fail(errors)
          await this.services.workflow.saveLinks(id, version, data, actor)
        }
        res.redirect(`/staff/decisions/${id}?saved=1`)
      } catch (error) {
        if (error instanceof ConcurrentEditError) return fail({ version: error.message })
        if (error instanceof WorkflowError) return fail({ [error.field ?? 'title']: error.message })
        throw error
      }
    }

  submitCheck = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.load(req)
    if (!detail) return next()
    res.render('pages/staff/decisions/submit', { ...decisionViewModel(detail), staffSections: detail.sections })
  }

  submit = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.load(req)
    if (!detail) return next()
    try {
      await this.services.workflow.submit(detail.decision.id, Number((req.body as Body).version), actorOf(res))
      res.redirect(`/staff/decisions/${detail.decision.id}`)
    } catch (error) {
      if (!(error instanceof WorkflowError)) throw error
      this.renderErrors(
        res,
        'pages/staff/decisions/submit',
        { ...decisionViewModel(detail), staffSections: detail.sections },
        { version: error.message },
      )
    }
  }

  /** Someone who may not sign this decision now is told why in plain words, and shown no form. */
  signForm = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.load(req)
    if (!detail) return next()
    const verdict = await this.signVerdict(detail, res)
    if (!verdict.ok)
      return res.render('pages/staff/decisions/sign', { ...this.signModel(detail, {}), refusal: verdict.reason })
    res.render('pages/staff/decisions/sign', this.signModel(detail, {}))
  }

  handOverForm = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.load(req)
    if (!detail) return next()
    res.render('pages/staff/decisions/hand-over', await this.handOverModel(detail, {}))
  }

  handOver = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.load(req)
    if (!detail) return next()
    const body = req.body as Body
    const toUserId = Number(body.holder)
    try {
      if (!Number.isSafeInteger(toUserId) || toUserId <= 0)
        throw new WorkflowError('Choose an officer to hand this draft to', 'holder')
      await this.services.workflow.handOver(detail.decision.id, Number(body.version), toUserId, actorOf(res))
      res.redirect(303, `/staff/decisions/${detail.decision.id}?handedOver=1`)
    } catch (error) {
      if (!(error instanceof WorkflowError)) throw error
      this.renderErrors(res, 'pages/staff/decisions/hand-over', await this.handOverModel(detail, body), {
        [error.field ?? 'holder']: error.message,
      })
    }
  }

  private async handOverModel(detail: DecisionDetail, values: Body) {
    const officers = await this.services.workflow.handOverCandidates(detail.decision)
    return {
      d: detail.decision,
      version: values.version ?? detail.decision.version,
      officers: officers.map((o) => ({
        value: String(o.id),
        text: o.name,
        hint: { text: o.email },
        checked: values.holder === String(o.id),
      })),
    }
  }

  private async signVerdict(detail: DecisionDetail, res: Response) {
    const user = res.locals.user!
    const d = detail.decision
    const earlier = detail.signOffs
      .filter((s) => s.outcome === 'approved')
      .map((s) => ({ userId: s.signer_user_id, stage: s.stage }))
    const editorIds = await this.services.workflow.editors(d.id)
    return mayActOnStage({
      signerId: user.id,
      signerRoles: user.roles,
      authorId: d.created_by,
      status: d.status,
      earlierSigners: earlier,
      editorIds,
    })
  }

  /** The sign-off form posts here first: the answers are shown back for checking before anything is signed. */
  signCheck = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.load(req)
    if (!detail) return next()
    const body = req.body as Body
    const { input, errors } = this.signInput(body, STAGE_FOR_STATUS[detail.decision.status] === 'decision_maker')
    if (!input) return this.renderErrors(res, 'pages/staff/decisions/sign', this.signModel(detail, body), errors)
    res.render('pages/staff/decisions/sign-check', { ...this.signModel(detail, body), input })
  }

  sign = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.load(req)
    if (!detail) return next()
    const body = req.body as Body
    const { input, errors } = this.signInput(body, STAGE_FOR_STATUS[detail.decision.status] === 'decision_maker')
    if (!input) return this.renderErrors(res, 'pages/staff/decisions/sign', this.signModel(detail, body), errors)
    try {
      await this.services.workflow.signOff(detail.decision.id, Number(body.version), signerOf(res), input, actorOf(res))
      res.redirect(`/staff/decisions/${detail.decision.id}`)
    } catch (error) {
      if (!(error instanceof WorkflowError)) throw error
      this.renderErrors(res, 'pages/staff/decisions/sign', this.signModel(detail, body), {
        [error.field ?? 'outcome']: error.message,
      })
    }
  }

  publishCheck = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.load(req)
    if (!detail) return next()
    res.render('pages/staff/decisions/publish', { ...decisionViewModel(detail), staffSections: detail.sections })
  }

  publish = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.load(req)
    if (!detail) return next()
    try {
      const slug = await this.services.workflow.publish(
        detail.decision.id,
        Number((req.body as Body).version),
        actorOf(res),
      )
      res.redirect(`/decisions/${slug}`)
    } catch (error) {
      if (!(error instanceof WorkflowError)) throw error
      this.renderErrors(
        res,
        'pages/staff/decisions/publish',
        { ...decisionViewModel(detail), staffSections: detail.sections },
        { version: error.message },
      )
    }
  }

  private async load(req: Request): Promise<DecisionDetail | undefined> {
    const id = Number(req.params.id)
    if (!Number.isSafeInteger(id) || id <= 0) return undefined
    const detail = await this.services.workflow.detail(id)
    return detail && detail.decision.created_by !== null ? detail : undefined
  }

  private renderErrors(res: Response, view: string, model: Record<string, unknown>, errors: FieldErrors): void {
    res.status(Object.keys(errors).length ? 400 : 200).render(view, { ...model, errors, errorList: errorList(errors) })
  }

  private tasks(detail: DecisionDetail) {
    const d = detail.decision
    const id = d.id
    const has = (key: string) => detail.sections.some((s) => s.key === key)
    const status = (done: boolean) =>
      done ? { text: 'Completed' } : { tag: { text: 'Not yet started', classes: 'govuk-tag--blue' } }
    return [
      {
        title: { text: 'Decision details' },
        href: `/staff/decisions/${id}/details`,
        status: status(Boolean(d.executive_summary && d.decision_text)),
      },
      {
        title: { text: 'Financial information' },
        href: `/staff/decisions/${id}/finance`,
        status: status(d.revenue_or_capital !== null || has('financial_information')),
      },
      {
        title: { text: 'Awards and partner contributions' },
        href: `/staff/decisions/${id}/money`,
        status: status(detail.awards.length > 0 || detail.contributions.length > 0),
      },
      {
        title: { text: 'Classification' },
        href: `/staff/decisions/${id}/classification`,
        status: {
          text:
            d.classification === 'non_confidential'
              ? 'Not confidential'
              : d.classification === 'confidential'
                ? 'Confidential'
                : 'Partially confidential',
        },
      },
      {
        title: { text: 'Related decisions' },
        href: `/staff/decisions/${id}/links`,
        status: { text: detail.links.length ? `${detail.links.length} linked` : 'None' },
      },
    ]
  }

  private currentValues(task: string, detail: DecisionDetail): Record<string, unknown> {
    if (task === 'money') {
      return {
        awardRows: [...awardRowsOf(detail), BLANK_AWARD, BLANK_AWARD],
        contributionRows: [...contributionRowsOf(detail), BLANK_CONTRIBUTION],
        statedTotal:
          detail.decision.stated_total_pence === null ? '' : (detail.decision.stated_total_pence / 100).toFixed(2),
      }
    }
    if (task === 'classification') {
      const values: Record<string, unknown> = {
        classification: detail.decision.classification,
        exemption: detail.decision.exemption ?? '',
      }
      for (const s of detail.sections)
        if (s.withheld) Object.assign(values, { [`withhold-${s.key}`]: 'yes', [`exemption-${s.key}`]: s.exemption })
      if (detail.decision.awards_exemption)
        Object.assign(values, { 'withhold-awards': 'yes', 'exemption-awards': detail.decision.awards_exemption })
      return values
    }
    if (task === 'links') {
      return {
        links: [
          ...detail.links.filter((l) => l.direction === 'from').map((l) => ({ reference: l.reference, kind: l.kind })),
          { reference: '', kind: '' },
        ],
      }
    }
    return detailsValues(detail)
  }

  private moneyValues(body: Body): Record<string, unknown> {
    const awardRows = awardRowsFrom(body)
    const contributionRows = contributionRowsFrom(body)
    return {
      awardRows: awardRows.length ? awardRows : [BLANK_AWARD],
      contributionRows: contributionRows.length ? contributionRows : [BLANK_CONTRIBUTION],
      statedTotal: body.statedTotal ?? '',
    }
  }

  private async taskModel(
    task: string,
    detail: DecisionDetail,
    values: Record<string, unknown>,
    version = detail.decision.version,
  ): Promise<Record<string, unknown>> {
    const model: Record<string, unknown> = { d: detail.decision, version, values, ...values }
    if (task === 'money') {
      const current = financialYearOf(todayInLondon()).startYear
      model.years = Array.from({ length: 12 }, (_, i) => financialYear(current + 3 - i))
      model.routes = PROCUREMENT_ROUTES.map((r) => ({ value: r, text: ROUTE_LABELS[r] }))
      model.streams = await this.streams()
      model.totals = []
    }
    if (task === 'classification') model.exemptions = EXEMPTIONS
    if (task === 'links') {
      model.linkKinds = LINK_KINDS.map((k) => ({ value: k, text: LINK_LABELS[k] }))
      if (!Array.isArray(values.links)) model.links = parseLinkRows(values)
    }
    return model
  }

  private streams() {
    return this.services.database.db.selectFrom('funding_streams').select(['id', 'name']).orderBy('name').execute()
  }

  private signModel(detail: DecisionDetail, values: Body) {
    const stage = STAGE_FOR_STATUS[detail.decision.status]
    return {
      ...decisionViewModel(detail),
      staffSections: detail.sections,
      stage,
      stageLabel: stage ? STAGE_LABELS[stage] : null,
      values,
      version: values.version ?? detail.decision.version,
    }
  }

  private signInput(body: Body, decisionMaker: boolean): { input?: SignOffInput; errors: FieldErrors } {
    const outcome = String(body.outcome ?? '')
    const allowed = decisionMaker ? ['approved', 'rejected', 'returned'] : ['approved', 'returned']
    if (!allowed.includes(outcome))
      return {
        errors: {
          outcome: decisionMaker
            ? 'Choose whether to approve, reject or return the decision'
            : 'Choose whether to approve the decision or return it to the author',
        },
      }
    const comment = String(body.comment ?? '').trim() || null
    const declaration = decisionMaker && outcome !== 'returned' ? String(body.declaration ?? '') : ''
    const errors: FieldErrors = {}
    if (outcome === 'returned' && !comment) errors.comment = 'Say what the author needs to change'
    if (outcome === 'rejected' && !comment) errors.comment = 'Give the reasons for rejecting the decision'
    if (decisionMaker && outcome !== 'returned' && !['no_interest', 'interest_declared'].includes(declaration))
      errors.declaration = 'Make the declaration of interests'
    const declaredInterest = String(body.declaredInterest ?? '').trim() || null
    if (declaration === 'interest_declared' && !declaredInterest) errors.declaredInterest = 'State the interest'
    if (Object.keys(errors).length) return { errors }
    return {
      input: {
        outcome: outcome as SignOffInput['outcome'],
        comment,
        declaration: (declaration || null) as SignOffInput['declaration'],
        declaredInterest,
      },
      errors,
    }
  }
}

function parseLinkRows(values: Record<string, unknown>): Array<{ reference: string; kind: string }> {
  const links: Array<{ reference: string; kind: string }> = []
  for (let i = 0; i < 20; i++) {
    if (values[`links-${i}-reference`] === undefined) break
    links.push({ reference: String(values[`links-${i}-reference`]), kind: String(values[`links-${i}-kind`] ?? '') })
  }
  return links.length ? links : [{ reference: '', kind: '' }]
}
