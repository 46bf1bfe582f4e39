import type { Request } from 'express'
import type { DecisionDetail } from '../../../../db/repositories/decisions/decisions.ts'
import { PROCUREMENT_ROUTES, ROUTE_LABELS } from '../../../../domain/decision.ts'
import { formatPence } from '../../../../domain/money.ts'
import { awardIsComplete } from '../../../../services/decisions/tasks.ts'
import type { Actor } from '../../../../services/audit/audit.ts'
import type { AwardDetails } from '../../../../services/decisions/draft-part-types.ts'
import type { FieldErrors } from '../../../validation.ts'
import { awardValues, parseAwardForm } from './award-form.ts'
import type { Body } from './forms.ts'
import { resolveOrganisation } from './organisation-names.ts'
import { ItemFormPage, type ItemPost } from './item-form-page.ts'
import { itemWithId, removedName, savedFlash } from './list-task-page.ts'

type Award = DecisionDetail['awards'][number]

/** The awards of a draft in the MoJ "add another" pattern: a summary, one question page per award, removal. */
export class AwardsController extends ItemFormPage<Award, AwardDetails> {
  protected readonly task = 'awards'
  protected readonly formView = 'pages/staff/decisions/award'
  protected readonly everyWhat = 'award'

  /** Every award must be complete before the task is. */
  protected override completionErrors(detail: DecisionDetail, answer: string): FieldErrors {
    const errors = super.completionErrors(detail, answer)
    const incomplete = detail.awards.filter((a) => !awardIsComplete(a))
    if (answer === 'yes' && incomplete.length)
      errors.completed = `Complete the award to ${incomplete[0]!.recipient_name} first: it is missing a period, funding stream, procurement route or purpose`
    return errors
  }

  protected formValues(award: Award | null): Body {
    return award ? awardValues(award) : { amountType: 'one_off', periodType: 'years' }
  }

  protected async saveItem(post: ItemPost<Award>): Promise<void> {
    const { res, detail, item: award, body, fail } = post
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
    await this.store(post, 'recipient', {
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
    })
  }

  protected storeItem(id: number, version: number, awardId: number | null, details: AwardDetails, actor: Actor) {
    return this.services.workflow.saveAward(id, version, awardId, details, actor)
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
        ...whoAndAmount('Recipient', award.recipient_name, award),
        { key: 'Period', value: award.period_label ?? 'Not given' },
      ],
      button: 'Yes, remove this award',
    }
  }

  protected formItem(award: Award | null) {
    return { award, routes: PROCUREMENT_ROUTES.map((r) => ({ value: r, text: ROUTE_LABELS[r] })) }
  }

  protected async summaryModel(detail: DecisionDetail, req: Request, values: Body) {
    const services = new Map(
      (await this.services.workflow.serviceChoices(detail.decision.office_id)).map((s) => [s.id, s.name]),
    )
    const removed = removedName(req)
    return {
      ...(await this.summaryHead(detail, values, removed ? `Award to ${removed} removed` : savedFlash(req, 'Award'))),
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

/** The rows a removal check shows first of an award or a partner contribution: who it names, then its amount. */
export function whoAndAmount(
  whoKey: string,
  who: string,
  sum: { amount_pence: number; per_annum: boolean; up_to: boolean },
): Array<{ key: string; value: string }> {
  return [
    { key: whoKey, value: who },
    { key: 'Amount', value: amountText(sum.amount_pence, sum.per_annum, sum.up_to) },
  ]
}
