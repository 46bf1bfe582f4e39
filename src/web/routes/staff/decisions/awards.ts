import type { NextFunction, Request, Response } from 'express'
import type { DecisionDetail } from '../../../../db/repositories/decisions/decisions.ts'
import { PROCUREMENT_ROUTES, ROUTE_LABELS } from '../../../../domain/decision.ts'
import { formatPence } from '../../../../domain/money.ts'
import { awardIsComplete } from '../../../../services/decisions/tasks.ts'
import { ConcurrentEditError, WorkflowError } from '../../../../services/decisions/workflow.ts'
import { actorOf } from '../../../auth.ts'
import type { FieldErrors } from '../../../validation.ts'
import { awardValues, parseAwardForm } from './award-form.ts'
import type { Body } from './forms.ts'
import { carriedFields, resolveOrganisation, type NameQuestion } from './organisation-names.ts'
import { ListTaskPage } from './list-task-page.ts'
import { AMOUNT_TYPES, yearChoices } from './part-fields.ts'

type Award = DecisionDetail['awards'][number]

/** The awards of a draft in the MoJ "add another" pattern: a summary, one question page per award, removal. */
export class AwardsController extends ListTaskPage<Award> {
  protected readonly task = 'awards'
  protected readonly summaryView = 'pages/staff/decisions/awards'
  protected readonly everyWhat = 'award'

  /** Every award must be complete before the task is. */
  protected override completionErrors(detail: DecisionDetail, answer: string): FieldErrors {
    const errors = super.completionErrors(detail, answer)
    const incomplete = detail.awards.filter((a) => !awardIsComplete(a))
    if (answer === 'yes' && incomplete.length)
      errors.completed = `Complete the award to ${incomplete[0]!.recipient_name} first: it is missing a period, funding stream, procurement route or purpose`
    return errors
  }

  form = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.loadDraft(req, res, next)
    if (!detail) return
    const award = this.item(detail, req)
    if (award === undefined) return next()
    const values = award ? awardValues(award) : { amountType: 'one_off', periodType: 'years' }
    res.render('pages/staff/decisions/award', await this.formModel(detail, award, values, detail.decision.version))
  }

  save = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.loadDraft(req, res, next)
    if (!detail) return
    const award = this.item(detail, req)
    if (award === undefined) return next()
    const body = req.body as Body
    const version = Number(body.version)
    const fail = async (errors: FieldErrors) =>
      this.renderErrors(res, 'pages/staff/decisions/award', await this.formModel(detail, award, body, version), errors)
    const { form, errors } = parseAwardForm(body)
    if (!form || body.action === 'edit') return fail(body.action === 'edit' ? {} : errors)
    const recipient = await resolveOrganisation(this.services, body, 'recipient', 'recipient')
    if ('question' in recipient) return this.ask(res, detail, award, body, recipient.question, recipient.errors)
    let via = null
    if (form.viaName) {
      const resolved = await resolveOrganisation(this.services, body, 'via', 'lead commissioner')
      if ('question' in resolved) return this.ask(res, detail, award, body, resolved.question, resolved.errors)
      via = resolved.pick
    }
    try {
      await this.services.workflow.saveAward(
        detail.decision.id,
        version,
        award ? award.id : null,
        {
          recipient: recipient.pick,
          via,
          amountPence: form.amountPence,
          perAnnum: form.perAnnum,
          upTo: form.upTo,
          periodLabel: form.period.label,
          periodStart: form.period.start,
          periodEnd: form.period.end,
          financialYear: form.period.financialYear,
          fundingStreamId: form.fundingStreamId,
          route: form.route,
          routeJustification: form.routeJustification,
          purpose: form.purpose,
          condition: form.condition,
          serviceId: form.serviceId,
        },
        actorOf(res),
      )
    } catch (error) {
      if (error instanceof ConcurrentEditError) return fail({ version: error.message })
      if (error instanceof WorkflowError) return fail({ [error.field ?? 'recipient']: error.message })
      throw error
    }
    res.redirect(303, `/staff/decisions/${detail.decision.id}/awards?${award ? 'changed' : 'added'}=1`)
  }

  remove = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.loadDraft(req, res, next)
    if (!detail) return
    const award = this.item(detail, req)
    if (!award) return next()
    const body = req.body as Body
    if (body.confirm !== 'yes') return res.redirect(303, `/staff/decisions/${detail.decision.id}/awards`)
    try {
      await this.services.workflow.removeAward(detail.decision.id, Number(body.version), award.id, actorOf(res))
    } catch (error) {
      if (!(error instanceof WorkflowError)) throw error
      return this.renderErrors(res, 'pages/staff/decisions/remove', this.removeModel(detail, award), {
        confirm: error.message,
      })
    }
    res.redirect(
      303,
      `/staff/decisions/${detail.decision.id}/awards?removed=${encodeURIComponent(award.recipient_name)}`,
    )
  }

  /** The award the address names; null for a new one; undefined when the address names none of this draft's. */
  protected item(detail: DecisionDetail, req: Request): Award | null | undefined {
    if (req.params.awardId === undefined) return null
    return detail.awards.find((a) => String(a.id) === req.params.awardId)
  }

  private ask(
    res: Response,
    detail: DecisionDetail,
    award: Award | null,
    body: Body,
    question: NameQuestion,
    errors: FieldErrors,
  ): void {
    this.renderErrors(
      res,
      'pages/staff/decisions/confirm-name',
      {
        d: detail.decision,
        question,
        action: `/staff/decisions/${detail.decision.id}/awards/${award ? award.id : 'new'}`,
        hidden: carriedFields(body, `${question.field}Confirm`),
      },
      errors,
    )
  }

  protected removeModel(detail: DecisionDetail, award: Award) {
    return {
      d: detail.decision,
      version: detail.decision.version,
      heading: `Are you sure you want to remove the award to ${award.recipient_name}?`,
      what: [
        { key: 'Recipient', value: award.recipient_name },
        { key: 'Amount', value: amountText(award.amount_pence, award.per_annum, award.up_to) },
        { key: 'Period', value: award.period_label ?? 'Not given' },
      ],
      action: `/staff/decisions/${detail.decision.id}/awards/${award.id}/remove`,
      back: `/staff/decisions/${detail.decision.id}/awards`,
      button: 'Yes, remove this award',
    }
  }

  private async formModel(detail: DecisionDetail, award: Award | null, values: Body, version: number) {
    const [streams, services] = await Promise.all([
      this.services.funding.streams(),
      this.services.workflow.serviceChoices(detail.decision.office_id),
    ])
    return {
      d: detail.decision,
      award,
      version,
      values,
      years: yearChoices(),
      amountTypes: AMOUNT_TYPES,
      routes: PROCUREMENT_ROUTES.map((r) => ({ value: r, text: ROUTE_LABELS[r] })),
      streams: streams.map((s) => ({ value: String(s.id), text: s.name })),
      services: services.map((s) => ({ value: String(s.id), text: s.name })),
    }
  }

  protected async summaryModel(detail: DecisionDetail, req: Request, values: Body) {
    const services = new Map(
      (await this.services.workflow.serviceChoices(detail.decision.office_id)).map((s) => [s.id, s.name]),
    )
    const tasks = await this.services.workflow.taskList(detail.decision.id)
    const marked = tasks.find((t) => t.key === 'awards')!.state === 'completed'
    const removed = typeof req.query.removed === 'string' ? req.query.removed.slice(0, 300) : null
    return {
      d: detail.decision,
      version: detail.decision.version,
      values: { completed: values.completed ?? (marked ? 'yes' : '') },
      flash: removed
        ? `Award to ${removed} removed`
        : req.query.added === '1'
          ? 'Award added'
          : req.query.changed === '1'
            ? 'Award changed'
            : null,
      awards: detail.awards.map((a) => ({
        id: a.id,
        recipient: a.recipient_name,
        complete: awardIsComplete(a),
        rows: [
          ['Amount', amountText(a.amount_pence, a.per_annum, a.up_to)],
          ['Period', a.period_label ?? 'Not given'],
          ['Funding stream', a.stream_name ?? 'Not given'],
          [
            'Procurement route',
            a.route ? ROUTE_LABELS[a.route] + (a.route_justification ? `: ${a.route_justification}` : '') : 'Not given',
          ],
          ['Lead commissioner', a.via_name ?? 'None: paid directly'],
          ['Purpose', a.purpose ?? 'Not given'],
          ['Conditions', a.condition ?? 'None'],
          ['Commissioned service', a.service_id === null ? 'None' : (services.get(a.service_id) ?? 'Not found')],
        ],
      })),
    }
  }
}

export function amountText(pence: number, perAnnum: boolean, upTo: boolean): string {
  return `${upTo ? 'Up to ' : ''}${formatPence(pence)}${perAnnum ? ' a year' : ''}`
}
