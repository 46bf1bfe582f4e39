import type { NextFunction, Request, Response } from 'express'
import type { DecisionDetail } from '../../../../db/repositories/decisions/decisions.ts'
import { PROCUREMENT_ROUTES, ROUTE_LABELS } from '../../../../domain/decision.ts'
import { formatPence } from '../../../../domain/money.ts'
import { awardIsComplete } from '../../../../services/decisions/tasks.ts'
import type { Actor } from '../../../../services/audit/audit.ts'
import { actorOf } from '../../../auth.ts'
import type { FieldErrors } from '../../../validation.ts'
import { awardValues, parseAwardForm } from './award-form.ts'
import type { Body } from './forms.ts'
import { resolveOrganisation } from './organisation-names.ts'
import { itemWithId, ListTaskPage, refusalErrors } from './list-task-page.ts'
import { AMOUNT_TYPES, yearChoices } from './part-fields.ts'

type Award = DecisionDetail['awards'][number]

/** The awards of a draft in the MoJ "add another" pattern: a summary, one question page per award, removal. */
export class AwardsController extends ListTaskPage<Award> {
  protected readonly task = 'awards'
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
    if ('question' in recipient) return this.askName(res, detail, award, body, recipient.question, recipient.errors)
    let via = null
    if (form.viaName) {
      const resolved = await resolveOrganisation(this.services, body, 'via', 'lead commissioner')
      if ('question' in resolved) return this.askName(res, detail, award, body, resolved.question, resolved.errors)
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
      return fail(refusalErrors(error, 'recipient'))
    }
    res.redirect(303, `${this.summaryPath(detail)}?${award ? 'changed' : 'added'}=1`)
  }

  protected removeItem(detail: DecisionDetail, version: number, award: Award, actor: Actor): Promise<void> {
    return this.services.workflow.removeAward(detail.decision.id, version, award.id, actor)
  }

  protected removedParameter(award: Award): string {
    return encodeURIComponent(award.recipient_name)
  }

  /** The award the address names; null for a new one; undefined when the address names none of this draft's. */
  protected item(detail: DecisionDetail, req: Request): Award | null | undefined {
    return itemWithId(detail.awards, req.params.awardId)
  }

  protected removal(award: Award) {
    return {
      heading: `Are you sure you want to remove the award to ${award.recipient_name}?`,
      what: [
        { key: 'Recipient', value: award.recipient_name },
        { key: 'Amount', value: amountText(award.amount_pence, award.per_annum, award.up_to) },
        { key: 'Period', value: award.period_label ?? 'Not given' },
      ],
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
    const removed = typeof req.query.removed === 'string' ? req.query.removed.slice(0, 300) : null
    return {
      d: detail.decision,
      version: detail.decision.version,
      values: await this.completedValue(detail, values),
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
