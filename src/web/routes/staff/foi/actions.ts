import type { NextFunction, Request, Response } from 'express'
import type { z } from 'zod'
import {
  FOI_OUTCOMES,
  FOI_OUTCOME_LABELS,
  REVIEW_OUTCOMES,
  REVIEW_OUTCOME_LABELS,
  type FoiAction,
  type FoiOutcome,
  type ReviewOutcome,
} from '../../../../domain/foi.ts'
import { formatUkDate, todayInLondon } from '../../../../domain/uk-date.ts'
import { extensionWindow } from '../../../../domain/foi-clock.ts'
import { clockDates } from '../../../../services/foi/request-records.ts'
import type { Actor } from '../../../../services/audit/audit.ts'
import { FormError } from '../../../../services/shared/form-error.ts'
import type { FoiRequestDetail } from '../../../../services/foi/requests.ts'
import type { Services } from '../../../../services/index.ts'
import { actorOf, scopeOf } from '../../../auth.ts'
import { dateParts, errorLinks, field, idParam, parseForm, partsOf } from './form.ts'
import {
  answerRequestSchema,
  clarificationSchema,
  closeSchema,
  dateOnlySchema,
  extensionSchema,
  reviewOutcomeSchema,
} from './schemas.ts'

interface ChoiceField {
  name: 'outcome'
  legend: string
  items: Array<{ value: string; text: string }>
}

interface TextField {
  name: 'reason' | 'note'
  label: string
  hint?: string
}

/** One page that records a step in a request's life: a date, and perhaps an outcome or a reason. */
export interface ActionPage {
  path: string
  action: FoiAction | 'publish'
  title: string
  dateLegend: string
  dateHint: string
  choice?: ChoiceField
  text?: TextField
  button: string
  done: string
  schema: z.ZodType<{ date: string; outcome?: string; reason?: string; note?: string | null }>
  run: (
    services: Services,
    id: number,
    values: { date: string; outcome?: string; reason?: string; note?: string | null },
    actor: Actor,
  ) => Promise<void>
  /** What the page says before the form, from the request as it stands. */
  explain?: (detail: FoiRequestDetail) => string | null
  /** The date the form starts with; today when not given. */
  defaultDate?: (detail: FoiRequestDetail) => string | null
}

const outcomeItems = FOI_OUTCOMES.map((o) => ({ value: o, text: FOI_OUTCOME_LABELS[o] }))
const reviewItems = REVIEW_OUTCOMES.map((o) => ({ value: o, text: REVIEW_OUTCOME_LABELS[o] }))

export const ACTION_PAGES: ActionPage[] = [
  {
    path: 'clarification',
    action: 'seek_clarification',
    title: 'Ask for clarification',
    dateLegend: 'Date clarification was asked for',
    dateHint: 'The clock stops on this day. When the requester replies, a new 20 working days start.',
    text: {
      name: 'note',
      label: 'What the requester was asked',
      hint: 'For example: which financial years the request is about. Do not repeat their personal details.',
    },
    button: 'Record request for clarification',
    done: 'Clarification asked for: the clock has stopped',
    schema: clarificationSchema('date clarification was asked for', 'Enter what the requester was asked'),
    run: (s, id, v, actor) => s.foi.requests.seekClarification(id, v.date, actor, v.note ?? null),
  },
  {
    path: 'clarification-reply',
    action: 'clarification_received',
    title: 'Record the requester’s reply',
    dateLegend: 'Date the reply was received',
    dateHint: 'A new 20 working days start from the next working day.',
    text: { name: 'note', label: 'Their reply', hint: 'What the requester clarified, in a sentence or two.' },
    button: 'Record reply',
    done: 'Reply recorded: a new 20 working days have started',
    schema: clarificationSchema('date the reply was received', 'Enter what the requester replied'),
    run: (s, id, v, actor) => s.foi.requests.clarificationReceived(id, v.date, actor, v.note ?? null),
  },
  {
    path: 'extension',
    action: 'extend',
    title: 'Extend for a public interest test',
    dateLegend: 'New deadline',
    dateHint:
      'Section 10(3) allows a reasonable extension to consider the public interest: no more than 40 working days in all.',
    text: {
      name: 'reason',
      label: 'Exemption whose public interest test needs the time',
      hint: 'For example: s.43 commercial interests. Tell the requester within the 20 working days.',
    },
    button: 'Extend deadline',
    done: 'Deadline extended',
    schema: extensionSchema,
    run: (s, id, v, actor) => s.foi.requests.extend(id, v.date, v.reason!, actor),
    explain: (d) => {
      const window = extensionWindow(clockDates(d.request))
      return window
        ? `The new deadline can be any date from ${formatUkDate(window.earliest)} (the working day after the statutory deadline of ${formatUkDate(window.statutory)}) to ${formatUkDate(window.latest)} (40 working days).`
        : 'The clock is stopped while clarification is awaited: record the reply before extending the deadline.'
    },
    defaultDate: (d) => extensionWindow(clockDates(d.request))?.latest ?? null,
  },
  {
    path: 'response',
    action: 'answer',
    title: 'Record the response',
    dateLegend: 'Date the response was sent',
    dateHint: 'Every question needs an answer or an exemption first.',
    choice: { name: 'outcome', legend: 'Outcome', items: outcomeItems },
    button: 'Record response',
    done: 'Response recorded',
    schema: answerRequestSchema,
    run: (s, id, v, actor) => s.foi.requests.answer(id, v.date, v.outcome as FoiOutcome, actor),
    explain: (d) =>
      d.unanswered
        ? `${d.unanswered} ${d.unanswered === 1 ? 'question still has' : 'questions still have'} no answer or exemption.`
        : null,
  },
  {
    path: 'publish',
    action: 'publish',
    title: 'Publish to the disclosure log',
    dateLegend: 'Date of publication',
    dateHint:
      'The questions and answers appear in the public disclosure log with this date. The requester’s name and contact never do.',
    button: 'Publish',
    done: 'Published to the disclosure log',
    schema: dateOnlySchema('date of publication'),
    run: (s, id, v, actor) => s.foi.requests.publish(id, v.date, actor),
  },
  {
    path: 'review',
    action: 'request_review',
    title: 'Record a request for internal review',
    dateLegend: 'Date the review was asked for',
    dateHint: 'The review is due within 20 working days, and should take no more than 40.',
    button: 'Start internal review',
    done: 'Internal review started',
    schema: dateOnlySchema('date the review was asked for'),
    run: (s, id, v, actor) => s.foi.requests.requestReview(id, v.date, actor),
  },
  {
    path: 'review-outcome',
    action: 'complete_review',
    title: 'Record the outcome of the internal review',
    dateLegend: 'Date the review was completed',
    dateHint: 'The request closes; the requester may still complain to the Information Commissioner.',
    choice: { name: 'outcome', legend: 'Outcome of the review', items: reviewItems },
    button: 'Record review outcome',
    done: 'Internal review completed',
    schema: reviewOutcomeSchema,
    run: (s, id, v, actor) => s.foi.requests.completeReview(id, v.date, v.outcome as ReviewOutcome, actor),
  },
  {
    path: 'ico',
    action: 'refer_to_ico',
    title: 'Record a referral to the Information Commissioner',
    dateLegend: 'Date the Information Commissioner’s Office told us of the complaint',
    dateHint: '',
    button: 'Record referral',
    done: 'Referral to the Information Commissioner recorded',
    schema: dateOnlySchema('date of the referral'),
    run: (s, id, v, actor) => s.foi.requests.referToIco(id, v.date, actor),
  },
  {
    path: 'close',
    action: 'close',
    title: 'Close the request',
    dateLegend: 'Date closed',
    dateHint: '',
    text: {
      name: 'note',
      label: 'Note (optional)',
      hint: 'For example: withdrawn by the requester, or no reply to the request for clarification.',
    },
    button: 'Close request',
    done: 'Request closed',
    schema: closeSchema,
    run: (s, id, v, actor) => s.foi.requests.close(id, v.date, v.note ?? null, actor),
  },
]

/** GET shows the step's form (today's date filled in); POST records it. */
export class FoiActionController {
  constructor(
    private readonly services: Services,
    private readonly page: ActionPage,
  ) {}

  get = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.detail(req)
    if (!detail) return next()
    const date = this.page.defaultDate ? this.page.defaultDate(detail) : todayInLondon()
    this.render(res, 200, detail, { date: partsOf(date), outcome: '', text: '' }, {})
  }

  post = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.detail(req)
    if (!detail) return next()
    const textName = this.page.text?.name
    const values = {
      date: dateParts(req.body, 'date'),
      outcome: field(req, 'outcome'),
      text: textName ? field(req, textName) : '',
    }
    try {
      const input = parseForm(this.page.schema, {
        date: values.date,
        ...(this.page.choice ? { outcome: values.outcome } : {}),
        ...(textName ? { [textName]: values.text } : {}),
      })
      await this.page.run(this.services, detail.request.id, input, actorOf(res))
      req.session.flash = this.page.done
      res.redirect(`/staff/foi/${detail.request.id}`)
    } catch (error) {
      if (!(error instanceof FormError)) throw error
      this.render(res, 400, detail, values, error.errors)
    }
  }

  private async detail(req: Request): Promise<FoiRequestDetail | undefined> {
    const id = idParam(req.params.id)
    return id ? this.services.foi.requests.detail(id, scopeOf(req.res!)) : undefined
  }

  private render(
    res: Response,
    status: number,
    detail: FoiRequestDetail,
    values: { date: ReturnType<typeof partsOf>; outcome: string; text: string },
    errors: Record<string, string>,
  ): void {
    const page = this.page
    const { schema: _schema, run: _run, explain, defaultDate: _defaultDate, ...shown } = page
    res.status(status).render('pages/staff/foi/action', {
      page: shown,
      r: detail.request,
      explanation: explain?.(detail) ?? null,
      values,
      choiceItems: page.choice?.items.map((item) => ({ ...item, checked: item.value === values.outcome })),
      errors,
      errorList: errorLinks(errors),
    })
  }
}
