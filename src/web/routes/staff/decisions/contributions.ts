import type { Request } from 'express'
import type { DecisionDetail } from '../../../../db/repositories/decisions/decisions.ts'
import type { Actor } from '../../../../services/audit/audit.ts'
import type { ContributionDetails } from '../../../../services/decisions/draft-part-types.ts'
import type { FieldErrors } from '../../../validation.ts'
import { amountText, whoAndAmount } from './awards.ts'
import type { Body } from './forms.ts'
import { resolveOrganisation } from './organisation-names.ts'
import { ItemFormPage, type ItemPost } from './item-form-page.ts'
import { itemWithId, savedFlash } from './list-task-page.ts'
import {
  amountField,
  amountTypeField,
  amountTypeOf,
  field,
  idField,
  poundsValue,
  textField,
  yearField,
} from './part-fields.ts'

type Contribution = DecisionDetail['contributions'][number]

/** Whether a contribution depends on funding still to come, and on what. */
export function fundingText(
  c: Pick<Contribution, 'subject_to_funding' | 'funding_stream_id' | 'funding_condition'>,
  streamNames: ReadonlyMap<number, string>,
): string {
  if (!c.subject_to_funding) return 'No'
  const stream = c.funding_stream_id === null ? undefined : streamNames.get(c.funding_stream_id)
  return [stream ? `Yes, on ${stream}` : 'Yes', c.funding_condition].filter(Boolean).join(': ')
}

/** Partner contributions in the same "add another" pattern as awards. */
export class ContributionsController extends ItemFormPage<Contribution, ContributionDetails> {
  protected readonly task = 'contributions'
  protected readonly formView = 'pages/staff/decisions/contribution'
  protected readonly everyWhat = 'partner contribution'

  protected formValues(c: Contribution | null): Body {
    return c
      ? {
          partner: c.organisation_name,
          amount: poundsValue(c.amount_pence),
          amountType: amountTypeOf(c.per_annum, c.up_to),
          year: c.financial_year === null ? '' : String(c.financial_year),
          conditions: c.condition ?? '',
          proRata: c.pro_rata_with_partners ? 'yes' : '',
          service: c.service_id === null ? '' : String(c.service_id),
          subjectToFunding: c.subject_to_funding ? 'yes' : 'no',
          fundingStream: c.funding_stream_id === null ? '' : String(c.funding_stream_id),
          fundingCondition: c.funding_condition ?? '',
        }
      : { amountType: 'per_annum' }
  }

  protected async saveItem(post: ItemPost<Contribution>): Promise<void> {
    const { res, detail, item: c, body, fail } = post
    const errors: FieldErrors = {}
    textField(body, errors, 'partner', 'The partner’s name', 300, 'Enter the partner that contributes')
    const amountPence = amountField(body, errors)
    const kind = amountTypeField(body, errors)
    const financialYear = yearField(body, errors, 'year', 'Choose a financial year from the list', true)
    const condition = textField(body, errors, 'conditions', 'The condition', 5000)
    const serviceId = idField(body, errors, 'service', 'Choose a commissioned service from the list', true)
    // A form from before the question was asked sends nothing: not subject to funding.
    const subjectToFunding = field(body, 'subjectToFunding') || 'no'
    if (subjectToFunding !== 'yes' && subjectToFunding !== 'no')
      errors.subjectToFunding = 'Choose whether the contribution depends on funding still to come'
    let fundingStreamId: number | null = null
    let fundingCondition: string | null = null
    if (subjectToFunding === 'yes') {
      fundingStreamId = idField(body, errors, 'fundingStream', 'Choose a funding stream from the list', true)
      fundingCondition = textField(body, errors, 'fundingCondition', 'The funding condition', 500)
      if (fundingStreamId === null && fundingCondition === null && !errors.fundingStream && !errors.fundingCondition)
        errors.fundingStream = 'Choose the funding stream the contribution depends on, or write the condition in words'
    }
    if (Object.keys(errors).length || body.action === 'edit') return fail(body.action === 'edit' ? {} : errors)
    const partner = await resolveOrganisation(this.services, body, 'partner', 'partner')
    if ('question' in partner) return this.askName(res, detail, c, body, partner.question, partner.errors)
    await this.store(post, 'partner', {
      partner: partner.pick,
      amountPence: amountPence!,
      ...kind!,
      financialYear,
      condition,
      proRataWithPartners: field(body, 'proRata') === 'yes',
      serviceId,
      subjectToFunding: subjectToFunding === 'yes',
      fundingStreamId,
      fundingCondition,
    })
  }

  protected override readonly removalWaitsForYes = false

  protected storeItem(
    id: number,
    version: number,
    contributionId: number | null,
    details: ContributionDetails,
    actor: Actor,
  ) {
    return this.services.workflow.saveContribution(id, version, contributionId, details, actor)
  }

  protected removeItem(detail: DecisionDetail, version: number, c: Contribution, actor: Actor): Promise<void> {
    return this.services.workflow.removeContribution(detail.decision.id, version, c.id, actor)
  }

  protected removedParameter(): string {
    return '1'
  }

  protected item(detail: DecisionDetail, req: Request): Contribution | null | undefined {
    return itemWithId(detail.contributions, req.params.contributionId)
  }

  protected removal(c: Contribution) {
    return {
      heading: `Are you sure you want to remove the contribution from ${c.organisation_name}?`,
      what: whoAndAmount('Partner', c.organisation_name, c),
      button: 'Yes, remove this contribution',
    }
  }

  protected formItem(c: Contribution | null) {
    return { contribution: c }
  }

  protected async summaryModel(detail: DecisionDetail, req: Request, values: Body) {
    const streamNames = new Map((await this.services.funding.streams()).map((s) => [s.id, s.name]))
    const flash = req.query.removed === '1' ? 'Contribution removed' : savedFlash(req, 'Contribution')
    return {
      ...(await this.summaryHead(detail, values, flash)),
      contributions: detail.contributions.map((c) => ({
        id: c.id,
        partner: c.organisation_name,
        rows: [
          ['Amount', amountText(c.amount_pence, c.per_annum, c.up_to)],
          [
            'Financial year',
            c.financial_year === null
              ? 'Every year of the service'
              : `${c.financial_year}/${String((c.financial_year + 1) % 100).padStart(2, '0')}`,
          ],
          ['Condition', c.condition ?? 'None'],
          ['Subject to funding', fundingText(c, streamNames)],
          ['Reduced pro rata with other partners', c.pro_rata_with_partners ? 'Yes' : 'No'],
        ],
      })),
    }
  }
}
