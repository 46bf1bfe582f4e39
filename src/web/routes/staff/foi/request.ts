import type { NextFunction, Request, Response } from 'express'
import { formatUkDate } from '../../../../domain/uk-date.ts'
import type { FoiAction } from '../../../../domain/foi.ts'
import { FormError } from '../../../../services/shared/form-error.ts'
import { FoiNotFoundError, type FoiRequestDetail } from '../../../../services/foi/requests.ts'
import type { Services } from '../../../../services/index.ts'
import { actorOf, scopeOf } from '../../../auth.ts'
import { field, idParam, parseForm } from './form.ts'
import { foiLabels, statusTag, timelinessTag } from './labels.ts'
import { addQuestionSchema } from './schemas.ts'
import { ACTION_PAGES } from './actions.ts'

const LONDON_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  dateStyle: 'long',
  timeStyle: 'short',
})

const HISTORY_LABELS: Record<string, string> = {
  log: 'Logged',
  import: 'Imported from a published response',
  link_response: 'Linked to its published response',
  add_question: 'Question added',
  answer_question: 'Answer saved',
  start: 'Marked as in progress',
  seek_clarification: 'Clarification asked for',
  clarification_received: 'Clarification received',
  extend: 'Deadline extended',
  answer: 'Response sent',
  publish: 'Published to the disclosure log',
  request_review: 'Internal review asked for',
  complete_review: 'Internal review completed',
  refer_to_ico: 'Referred to the Information Commissioner',
  close: 'Closed',
  purge_personal_data: 'Requester’s personal data deleted',
}

const ACTION_LINKS: Partial<Record<FoiAction, string>> = Object.fromEntries(
  ACTION_PAGES.map((page) => [page.action, page.path]),
)

/** /staff/foi/:id: one request, its clock, its questions and what can be done next. */
export class FoiRequestController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const id = idParam(req.params.id)
    const detail = id && (await this.services.foi.requests.detail(id, scopeOf(res)))
    if (!detail) return next()
    const flash = req.session?.flash
    if (flash && req.session) delete req.session.flash
    res.render('pages/staff/foi/request', {
      ...requestViewModel(detail),
      flash,
      errors: {},
      errorList: [],
      newQuestion: '',
    })
  }

  start = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const id = idParam(req.params.id)
    if (!id) return next()
    try {
      await this.services.foi.requests.start(id, actorOf(res))
      req.session.flash = 'Marked as in progress'
      res.redirect(`/staff/foi/${id}`)
    } catch (error) {
      await this.renderError(error, id, res, next, 'start')
    }
  }

  addQuestion = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const id = idParam(req.params.id)
    if (!id) return next()
    try {
      const { question } = parseForm(addQuestionSchema, { question: field(req, 'question') })
      await this.services.foi.requests.addQuestion(id, question, actorOf(res))
      req.session.flash = 'Question added'
      res.redirect(`/staff/foi/${id}#questions`)
    } catch (error) {
      await this.renderError(error, id, res, next, 'question', field(req, 'question'))
    }
  }

  private async renderError(
    error: unknown,
    id: number,
    res: Response,
    next: NextFunction,
    name: string,
    newQuestion = '',
  ): Promise<void> {
    // A request of an office outside the person's scope is not found, like one that does not exist.
    if (error instanceof FoiNotFoundError) return next()
    if (!(error instanceof FormError)) throw error
    const detail = await this.services.foi.requests.detail(id, scopeOf(res))
    if (!detail) return next()
    const message = Object.values(error.errors)[0]!
    const errors = { [name]: message }
    res.status(400).render('pages/staff/foi/request', {
      ...requestViewModel(detail),
      errors,
      errorList: [{ text: message, href: name === 'start' ? '#start-error' : `#${name}` }],
      newQuestion,
    })
  }
}

export function requestViewModel(detail: FoiRequestDetail) {
  const r = detail.request
  const clock = detail.clock
  return {
    r,
    officeName: detail.officeName,
    statusTag: statusTag(r.status),
    channel: foiLabels.channel(r.channel),
    outcome: foiLabels.outcome(r.outcome),
    reviewOutcome: foiLabels.reviewOutcome(r.review_outcome),
    clock,
    timelinessTag: timelinessTag(clock.timeliness),
    review: detail.review,
    publication: detail.publication,
    publishable: detail.publishable,
    personalDataDeletedOn: r.personal_data_deleted_at
      ? formatUkDate(r.personal_data_deleted_at.toISOString().slice(0, 10))
      : null,
    questions: detail.questions.map((q, i) => ({
      ...q,
      number: i + 1,
      exemptionLabel: foiLabels.exemption(q.exemption),
      done: Boolean(q.answer?.trim() || q.exemption),
    })),
    unanswered: detail.unanswered,
    canAddQuestions: !r.answered_on,
    canEditAnswers: !r.published_on,
    canStart: detail.actions.includes('start'),
    actions: detail.actions
      .filter((a) => ACTION_LINKS[a])
      .map((a) => ({
        href: `/staff/foi/${r.id}/${ACTION_LINKS[a]}`,
        text: ACTION_PAGES.find((p) => p.action === a)!.title,
      })),
    history: detail.history.map((h) => ({
      when: LONDON_TIME.format(new Date(h.at)),
      actor: h.actorLabel,
      action: HISTORY_LABELS[h.action] ?? h.action.replace(/_/g, ' '),
    })),
  }
}
