import type { ProcurementRoute } from '../../../../domain/decision.ts'
import type { DecisionDetail } from '../../../../db/repositories/decisions/decisions.ts'
import { awardFields, readField } from '../../../../services/shared/award-fields.ts'
import type { FieldErrors } from '../../../validation.ts'
import type { Body } from './forms.ts'
import {
  amountTypeField,
  amountTypeOf,
  field,
  idField,
  periodField,
  periodValues,
  poundsValue,
  textField,
  type Period,
} from './part-fields.ts'

/** One award's question page, read: everything but who the organisations are, which is asked separately. */
export interface AwardForm {
  recipientName: string
  viaName: string | null
  amountPence: number
  perAnnum: boolean
  upTo: boolean
  period: Period
  fundingStreamId: number
  route: ProcurementRoute
  routeJustification: string | null
  purpose: string
  condition: string | null
  serviceId: number | null
}

/** The award page's words for the fields every award form shares (see services/shared/award-fields.ts). */
const shared = awardFields({
  amount: {
    missing: 'Enter the amount in pounds',
    notPounds: 'Enter the amount in pounds, like 23,966 or 1,234.56',
    tooSmall: 'The amount must be more than £0',
    leastPence: 1,
  },
  recipientMissing: 'Enter who receives the money',
  recipient: 'The recipient’s name',
  via: 'The lead commissioner’s name',
  routeNotListed: 'Choose how the award was procured',
  routeMissing: 'Choose how the award was procured',
})

export function parseAwardForm(body: Body): { form?: AwardForm; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const recipientName = readField(errors, 'recipient', shared.recipient, field(body, 'recipient'))
  const amountPence = readField(errors, 'amount', shared.amount, field(body, 'amount'))
  const kind = amountTypeField(body, errors)
  const period = periodField(body, errors)
  const fundingStreamId = idField(body, errors, 'stream', 'Choose the funding stream the money comes from', false)
  const route = readField(errors, 'route', shared.route, field(body, 'route'))
  const routeJustification = textField(body, errors, 'justification', 'The justification', 5000)
  if (route === 'direct_award' && !routeJustification)
    errors.justification = 'Explain why the award was made directly, without competition'
  const viaName = readField(errors, 'via', shared.via, field(body, 'via'))
  const purpose = textField(body, errors, 'purpose', 'The purpose', 5000, 'Enter what the money is for')
  const condition = textField(body, errors, 'conditions', 'The conditions', 5000)
  const serviceId = idField(body, errors, 'service', 'Choose a commissioned service from the list', true)
  if (Object.keys(errors).length) return { errors }
  return {
    form: {
      recipientName: recipientName!,
      viaName,
      amountPence: amountPence!,
      ...kind!,
      period: period!,
      fundingStreamId: fundingStreamId!,
      route: route!,
      routeJustification: route === 'direct_award' ? routeJustification : null,
      purpose: purpose!,
      condition,
      serviceId,
    },
    errors,
  }
}

/** The question page's values for an award already recorded. */
export function awardValues(award: DecisionDetail['awards'][number]): Record<string, string> {
  return {
    recipient: award.recipient_name,
    amount: poundsValue(award.amount_pence),
    amountType: amountTypeOf(award.per_annum, award.up_to),
    ...periodValues(award.period_start, award.period_end),
    stream: award.funding_stream_id === null ? '' : String(award.funding_stream_id),
    route: award.route ?? '',
    justification: award.route_justification ?? '',
    via: award.via_name ?? '',
    purpose: award.purpose ?? '',
    conditions: award.condition ?? '',
    service: award.service_id === null ? '' : String(award.service_id),
  }
}
