import { OfficeScope } from '../../domain/office-scope.ts'
import type { Transaction } from 'kysely'
import type { Database } from '../../db/database.ts'
import { FoiRepository, type FoiRequestRecord, type FoiRequestRow } from '../../db/repositories/foi/foi.ts'
import type { DB } from '../../db/tables/index.ts'
import { foiClock, extensionProblem, publicationDelay, reviewDeadlines } from '../../domain/foi-clock.ts'
import {
  REASONABLY_ACCESSIBLE,
  allowedActions,
  isPublishable,
  type FoiAction,
  type FoiOutcome,
  type ReviewOutcome,
} from '../../domain/foi.ts'
import { todayInLondon } from '../../domain/uk-date.ts'
import { AuditService, type Actor } from '../audit/audit.ts'
import { FormError } from '../shared/form-error.ts'
import {
  FoiNotFoundError,
  actionState,
  answered,
  auditSnapshot,
  clockDates,
  personalDataIn,
  pick,
  type AnswerInput,
  type FoiRequestDetail,
  type NewFoiRequestInput,
} from './request-records.ts'

export {
  FoiNotFoundError,
  auditSnapshot,
  clockDates,
  type AnswerInput,
  type FoiRequestDetail,
  type NewFoiRequestInput,
} from './request-records.ts'

const ENTITY = 'foi_request'
/** Logging and answering FOI requests, with every change in the audit log. */
export class FoiService {
  private readonly requests: FoiRepository
  private readonly audit: AuditService

  constructor(
    private readonly database: Database,
    private readonly today: () => string = () => todayInLondon(),
  ) {
    this.requests = new FoiRepository(database.db)
    this.audit = new AuditService(database)
  }

  /**
   * The office a new request belongs to: the one chosen if the scope has it, else the scope's only office where
   * the person is an officer; with no scope (the system), the office that runs this register.
   */
  async officeFor(scope: OfficeScope | null, chosen?: number): Promise<number | null> {
    if (scope) return scope.officeFor('officer', chosen) ?? null
    const row = await this.database.db.selectFrom('register_settings').select('home_office_id').executeTakeFirst()
    return row?.home_office_id ?? null
  }

  async log(
    input: NewFoiRequestInput,
    officeId: number | null,
    actor: Actor,
  ): Promise<{ id: number; reference: string }> {
    if (officeId && actor.scope && !actor.scope.includes(officeId, 'officer'))
      throw new FoiNotFoundError('No such office')
    if (!officeId)
      throw new FormError({
        reference: 'This register has no office yet: an administrator must set one up before requests can be logged',
      })
    if (input.receivedOn > this.today())
      throw new FormError({ receivedOn: 'The date received must be today or in the past' })
    const questions = input.questions.map((q) => q.trim()).filter(Boolean)
    if (!questions.length) throw new FormError({ questions: 'Enter the request’s questions, one per line' })
    return this.database.transaction(async (trx) => {
      let reference = input.reference?.trim() || null
      if (reference && (await this.requests.referenceTaken(officeId, reference, trx))) {
        throw new FormError({ reference: `A request with the reference ${reference} already exists` })
      }
      reference ??= await this.requests.nextReference(officeId, Number(input.receivedOn.slice(0, 4)), trx)
      const created = await this.requests.insert(
        {
          officeId,
          reference,
          receivedOn: input.receivedOn,
          channel: input.channel,
          requesterName: input.requesterName.trim(),
          requesterContact: input.requesterContact.trim(),
          summary: input.summary?.trim() || null,
          questions: questions.map((question) => ({ question })),
        },
        trx,
      )
      const record = await this.requests.find(created.id, trx)
      await this.audit.recordChange(trx, actor, 'log', [ENTITY, created.id], {
        after: { ...auditSnapshot(record!.request), questions },
      })
      return created
    })
  }

  /** A request of an office the scope reaches (any office, for the system). */
  async detail(id: number, scope: OfficeScope = OfficeScope.system): Promise<FoiRequestDetail | undefined> {
    const record = await this.requests.find(id, this.database.db, { scope })
    if (!record) return undefined
    const r = record.request
    const today = this.today()
    const history = await this.audit.history(ENTITY, id)
    return {
      ...record,
      clock: foiClock(clockDates(r), today),
      review: r.review_requested_on ? reviewDeadlines(r.review_requested_on) : null,
      publication: r.answered_on ? publicationDelay(r.answered_on, r.published_on, today) : null,
      actions: allowedActions(actionState(r)),
      publishable: isPublishable({ answeredOn: r.answered_on, publishedOn: r.published_on }),
      unanswered: record.questions.filter((q) => !answered(q)).length,
      history,
    }
  }

  async saveAnswer(id: number, questionId: number, input: AnswerInput, actor: Actor): Promise<void> {
    if (input.exemption === REASONABLY_ACCESSIBLE && !input.registerLink) {
      throw new FormError({
        registerLink:
          'Give the register page where the information is published: section 21 applies only to information reasonably accessible by other means',
      })
    }
    await this.change(id, actor, 'answer_question', async (record, trx) => {
      const before = record.questions.find((q) => q.id === questionId)
      if (!before) throw new FoiNotFoundError(`Request ${id} has no question ${questionId}`)
      if (record.request.published_on)
        throw new FormError({ answer: 'This response is published: answers can no longer be changed' })
      const after = {
        question: input.question,
        answer: input.answer,
        exemption: input.exemption,
        register_link: input.registerLink,
      }
      await this.requests.updateQuestion(id, questionId, after, trx)
      return { before: { questionId, ...pick(before) }, after: { questionId, ...after } }
    })
  }

  async addQuestion(id: number, question: string, actor: Actor): Promise<number> {
    let questionId = 0
    await this.change(id, actor, 'add_question', async (record, trx) => {
      if (record.request.answered_on)
        throw new FormError({ question: 'This request has been answered: questions can no longer be added' })
      questionId = await this.requests.addQuestion(id, question.trim(), trx)
      return { after: { questionId, question } }
    })
    return questionId
  }

  async start(id: number, actor: Actor): Promise<void> {
    await this.transition(id, 'start', actor, () => ({ status: 'in_progress' }))
  }

  /** The clock stops; `question` is what the requester was asked. */
  async seekClarification(id: number, soughtOn: string, actor: Actor, question: string | null = null): Promise<void> {
    await this.transition(id, 'seek_clarification', actor, (r) => {
      this.checkDate(soughtOn, 'date', r.received_on, 'the date the request was received')
      return { status: 'awaiting_clarification', clarification_sought_on: soughtOn, clarification_question: question }
    })
  }

  /** A new 20 working days start; `reply` is what the requester clarified. */
  async clarificationReceived(
    id: number,
    receivedOn: string,
    actor: Actor,
    reply: string | null = null,
  ): Promise<void> {
    await this.transition(id, 'clarification_received', actor, (r) => {
      this.checkDate(receivedOn, 'date', r.clarification_sought_on!, 'the date clarification was sought')
      return { status: 'in_progress', clarification_received_on: receivedOn, clarification_reply: reply }
    })
  }

  async extend(id: number, deadline: string, reason: string, actor: Actor): Promise<void> {
    await this.transition(id, 'extend', actor, (r) => {
      const problem = extensionProblem(clockDates(r), deadline)
      if (problem) throw new FormError({ date: problem })
      return { extended_deadline: deadline, extension_reason: reason }
    })
  }

  async answer(id: number, answeredOn: string, outcome: FoiOutcome, actor: Actor): Promise<void> {
    await this.transition(id, 'answer', actor, (r, record) => {
      this.checkDate(
        answeredOn,
        'date',
        r.clarification_received_on ?? r.received_on,
        r.clarification_received_on ? 'the clarification reply' : 'the date the request was received',
      )
      const unanswered = record.questions.filter((q) => !answered(q))
      if (unanswered.length) {
        throw new FormError({
          date: `Answer every question before sending the response: ${unanswered.length} ${unanswered.length === 1 ? 'question has' : 'questions have'} no answer or exemption`,
        })
      }
      return { status: 'answered', answered_on: answeredOn, outcome }
    })
  }

  async publish(id: number, publishedOn: string, actor: Actor): Promise<void> {
    await this.change(id, actor, 'publish', async (record, trx) => {
      const r = record.request
      if (!isPublishable({ answeredOn: r.answered_on, publishedOn: r.published_on })) {
        throw new FormError({
          date: r.published_on
            ? 'This response is already in the disclosure log'
            : 'Only an answered request can be published',
        })
      }
      this.checkDate(publishedOn, 'date', r.answered_on!, 'the date of the answer')
      const leak = personalDataIn(record)
      if (leak) throw new FormError({ date: leak })
      await this.requests.update(id, { published_on: publishedOn }, trx)
      return { before: { published_on: null }, after: { published_on: publishedOn } }
    })
  }

  async requestReview(id: number, requestedOn: string, actor: Actor): Promise<void> {
    await this.transition(id, 'request_review', actor, (r) => {
      this.checkDate(requestedOn, 'date', r.answered_on!, 'the date of the answer')
      return { status: 'internal_review', review_requested_on: requestedOn, closed_on: null }
    })
  }

  async completeReview(id: number, completedOn: string, outcome: ReviewOutcome, actor: Actor): Promise<void> {
    await this.transition(id, 'complete_review', actor, (r) => {
      this.checkDate(completedOn, 'date', r.review_requested_on!, 'the date the review was asked for')
      return { status: 'closed', review_completed_on: completedOn, review_outcome: outcome, closed_on: completedOn }
    })
  }

  async referToIco(id: number, referredOn: string, actor: Actor): Promise<void> {
    await this.transition(id, 'refer_to_ico', actor, (r) => {
      this.checkDate(referredOn, 'date', r.answered_on!, 'the date of the answer')
      return { status: 'referred_to_ico', referred_to_ico_on: referredOn }
    })
  }

  async close(id: number, closedOn: string, note: string | null, actor: Actor): Promise<void> {
    await this.transition(id, 'close', actor, (r) => {
      this.checkDate(closedOn, 'date', r.received_on, 'the date the request was received')
      return { status: 'closed', closed_on: closedOn, closure_note: note }
    })
  }

  /** Runs one state change: checks the action is allowed now, applies the patch, audits before and after. */
  private async transition(
    id: number,
    action: FoiAction,
    actor: Actor,
    patchFor: (request: FoiRequestRow, record: FoiRequestRecord) => Partial<FoiRequestRow>,
  ): Promise<void> {
    await this.change(id, actor, action, async (record, trx) => {
      const r = record.request
      if (!allowedActions(actionState(r)).includes(action))
        throw new FormError({ date: `This cannot be done to a request that is ${r.status.replace(/_/g, ' ')}` })
      const patch = patchFor(r, record)
      await this.requests.update(id, patch, trx)
      const before = Object.fromEntries(Object.keys(patch).map((key) => [key, r[key as keyof FoiRequestRow]]))
      return { before, after: patch }
    })
  }

  private async change(
    id: number,
    actor: Actor,
    action: string,
    apply: (record: FoiRequestRecord, trx: Transaction<DB>) => Promise<{ before?: unknown; after: unknown }>,
  ): Promise<void> {
    await this.database.transaction(async (trx) => {
      const record = await this.requests.find(id, trx, { forUpdate: true, scope: actor.scope })
      if (!record) throw new FoiNotFoundError(`No FOI request ${id}`)
      const { before, after } = await apply(record, trx)
      await this.audit.record(trx, { actor, action, entityType: ENTITY, entityId: id, before, after })
    })
  }

  private checkDate(date: string, field: string, notBefore: string, what: string): void {
    if (date > this.today()) throw new FormError({ [field]: 'The date must be today or in the past' })
    if (date < notBefore) throw new FormError({ [field]: `The date must be on or after ${what}` })
  }
}
