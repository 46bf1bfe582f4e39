import type { NextFunction, Request, Response } from 'express'
import { z } from 'zod'
import { addMonths } from '../../../../domain/pipeline.ts'
import { formatUkDate, todayInLondon } from '../../../../domain/uk-date.ts'
import type { Services } from '../../../../services/index.ts'
import { END_REASONS, type EndReason } from '../../../../services/ledger/commissioning-records.ts'
import { FormError } from '../../../../services/shared/form-error.ts'
import { actorOf } from '../../../auth.ts'
import { mayEditService } from './service-access.ts'
import { dateParts, errorLinks, partsOf, ukDateInput } from '../foi/form.ts'
import type { FormAnswers } from '../../../form-answers.ts'

export const SERVICE_EVENTS = ['extension', 'successor', 'end'] as const
type ServiceEvent = (typeof SERVICE_EVENTS)[number]

const TITLES: Record<ServiceEvent, string> = {
  extension: 'Record an extension taken',
  successor: 'Record the successor decision',
  end: 'Record the end of the service',
}
const DONE: Record<ServiceEvent, string> = {
  extension: 'Extension recorded',
  successor: 'Successor decision recorded: the service has left the recommissioning pipeline',
  end: 'End recorded: the service has left the recommissioning pipeline',
}

const endSchema = z.object({
  endedOn: ukDateInput('date it ended'),
  reason: z.enum(Object.keys(END_REASONS) as [EndReason, ...EndReason[]], { message: 'Choose why it ended' }),
  note: z
    .string()
    .trim()
    .max(500, { message: 'Note must be 500 characters or fewer' })
    .transform((v) => v || null),
})

/** What happens to a contract after it starts: an extension taken, a successor decided, its end. */
export class ServiceEventsController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const event = String(req.params.event) as ServiceEvent
    if (!SERVICE_EVENTS.includes(event)) return next()
    if (!(await this.render(req, res, event, { status: 200, values: {}, errors: {} }))) next()
  }

  post = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const event = String(req.params.event) as ServiceEvent
    if (!SERVICE_EVENTS.includes(event)) return next()
    const page = await this.services.commissioning.service(String(req.params.slug))
    if (!page || !mayEditService(res, page.detail.service.office_id)) return next()
    const id = page.detail.service.id
    const body = (req.body ?? {}) as Record<string, unknown>
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '')
    const values = {
      months: text('months'),
      decisionId: text('decisionId'),
      reason: text('reason'),
      note: text('note'),
    }
    try {
      const records = this.services.commissioningRecords
      if (event === 'extension') {
        if (!/^\d{1,3}$/.test(values.months))
          throw new FormError({ months: 'Enter the months of extension taken as a whole number, like 12' })
        await records.recordExtension(id, Number(values.months), actorOf(res))
      } else if (event === 'successor') {
        const decisionId = /^\d{1,15}$/.test(values.decisionId) ? Number(values.decisionId) : null
        await records.recordSuccessorDecision(id, decisionId, actorOf(res))
      } else {
        const parsed = endSchema.safeParse({ ...values, endedOn: dateParts(body, 'endedOn') })
        if (!parsed.success) throw FormError.fromZod(parsed.error)
        await records.recordEnd(id, parsed.data, actorOf(res))
      }
      res.redirect(303, `/staff/ledger/services/${page.detail.service.slug}?done=${encodeURIComponent(DONE[event])}`)
    } catch (error) {
      if (!(error instanceof FormError)) throw error
      await this.render(req, res, event, {
        status: 400,
        values: { ...values, endedOn: dateParts(body, 'endedOn') },
        errors: error.errors,
      })
    }
  }

  private async render(
    req: Request,
    res: Response,
    event: ServiceEvent,
    { status, values, errors }: FormAnswers,
  ): Promise<boolean> {
    const page = await this.services.commissioning.service(String(req.params.slug))
    if (!page || !mayEditService(res, page.detail.service.office_id)) return false
    const s = page.detail.service
    const choices =
      event === 'successor' ? await this.services.commissioningRecords.choices(s.office_id) : { decisions: [] }
    const left = page.extensionAvailableMonths
    const endDefault = page.currentEnd && page.currentEnd <= todayInLondon() ? page.currentEnd : null
    res.status(status).render('pages/staff/ledger/service-event', {
      s,
      page,
      event,
      title: TITLES[event],
      values: { endedOn: partsOf(s.ended_on ?? endDefault), reason: s.end_reason, note: s.end_note, ...values },
      errors,
      errorList: errorLinks(errors, ['endedOn']),
      extension: {
        left,
        currentEnd: page.currentEnd ? formatUkDate(page.currentEnd) : null,
        newEndIfAll: page.currentEnd && left ? formatUkDate(addMonths(page.currentEnd, left)) : null,
      },
      decisionItems: [
        { value: '', text: 'Choose a decision' },
        ...choices.decisions
          .filter((d) => d.id !== s.decision_id)
          .map((d) => ({
            value: String(d.id),
            text: `${d.reference ?? ''} ${d.title}${d.decidedOn ? ` (${formatUkDate(d.decidedOn)})` : ''}`.trim(),
            selected: String(d.id) === String(values.decisionId ?? s.successor_decision_id ?? ''),
          })),
      ],
      reasonItems: Object.entries(END_REASONS).map(([value, text]) => ({
        value,
        text,
        checked: (values.reason ?? s.end_reason) === value,
      })),
    })
    return true
  }
}
