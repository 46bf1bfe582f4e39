import { sql, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely'
import type { FoiChannel, FoiOutcome, FoiStatus } from '../../../domain/foi.ts'
import { formatReference, referenceScope } from '../../../domain/reference-format.ts'
import type { DB, FoiQuestionsTable, FoiRequestsTable } from '../../tables/index.ts'

type Handle = Kysely<DB> | Transaction<DB>

export type FoiRequestRow = Selectable<FoiRequestsTable>
export type FoiQuestionRow = Omit<Selectable<FoiQuestionsTable>, 'search'>

export interface FoiRequestRecord {
  request: FoiRequestRow
  officeName: string
  officeShortName: string
  questions: FoiQuestionRow[]
}

export interface NewFoiRequest {
  officeId: number
  reference: string
  receivedOn: string
  channel: FoiChannel
  requesterName: string | null
  requesterContact: string | null
  summary: string | null
  status?: FoiStatus
  outcome?: FoiOutcome | null
  answeredOn?: string | null
  publishedOn?: string | null
  decisionId?: number | null
  questions: Array<{
    question: string
    answer?: string | null
    exemption?: string | null
    registerLink?: string | null
  }>
}

/** A request as the public may see it: no requester, no internal notes. */
export interface PublicFoiRequest {
  id: number
  slug: string
  reference: string
  officeName: string
  summary: string | null
  receivedOn: string
  answeredOn: string
  publishedOn: string
  outcome: FoiOutcome | null
  decisionSlug: string | null
  questionCount: number
  firstQuestion: string | null
}

export interface PublicFoiQuestion {
  position: number
  question: string
  answer: string | null
  exemption: string | null
  registerLink: string | null
}

/** The dates and state the dashboard needs of a request; never the requester. */
export interface FoiClockRow {
  id: number
  reference: string
  summary: string | null
  status: FoiStatus
  receivedOn: string
  clarificationSoughtOn: string | null
  clarificationReceivedOn: string | null
  extendedDeadline: string | null
  answeredOn: string | null
  publishedOn: string | null
  reviewRequestedOn: string | null
  reviewCompletedOn: string | null
}

const QUESTION_COLUMNS = ['id', 'request_id', 'position', 'question', 'answer', 'exemption', 'register_link'] as const

const CLOCK_COLUMNS = [
  'r.id',
  'r.reference',
  'r.summary',
  'r.status',
  'r.received_on as receivedOn',
  'r.clarification_sought_on as clarificationSoughtOn',
  'r.clarification_received_on as clarificationReceivedOn',
  'r.extended_deadline as extendedDeadline',
  'r.answered_on as answeredOn',
  'r.published_on as publishedOn',
  'r.review_requested_on as reviewRequestedOn',
  'r.review_completed_on as reviewCompletedOn',
] as const

const FOI_SCOPE_PREFIX = 'foi:'

export class FoiRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The office's FOI reference format, or undefined when there is no such office. */
  async referenceFormat(officeId: number, handle: Handle = this.db): Promise<string | undefined> {
    const row = await handle
      .selectFrom('offices')
      .select('foi_reference_format')
      .where('organisation_id', '=', officeId)
      .executeTakeFirst()
    return row?.foi_reference_format
  }

  /** The next free reference in the office's FOI format for a request received in that year. */
  async nextReference(officeId: number, year: number, handle: Handle): Promise<string> {
    const format = (await this.referenceFormat(officeId, handle)) ?? '{seq}/{yy}'
    const scope = FOI_SCOPE_PREFIX + referenceScope(format, year)
    for (;;) {
      const { last_value } = await handle
        .insertInto('reference_sequences')
        .values({ office_id: officeId, scope, last_value: 1 })
        .onConflict((oc) =>
          oc.columns(['office_id', 'scope']).doUpdateSet({ last_value: sql`reference_sequences.last_value + 1` }),
        )
        .returning('last_value')
        .executeTakeFirstOrThrow()
      const reference = formatReference(format, year, last_value)
      if (!(await this.referenceTaken(officeId, reference, handle))) return reference
    }
  }

  async referenceTaken(officeId: number, reference: string, handle: Handle = this.db): Promise<boolean> {
    const row = await handle
      .selectFrom('foi_requests')
      .select('id')
      .where('office_id', '=', officeId)
      .where(sql<string>`lower(reference)`, '=', reference.toLowerCase())
      .executeTakeFirst()
    return Boolean(row)
  }

  async insert(input: NewFoiRequest, handle: Handle): Promise<{ id: number; reference: string }> {
    const row = await handle
      .insertInto('foi_requests')
      .values({
        office_id: input.officeId,
        reference: input.reference,
        received_on: input.receivedOn,
        channel: input.channel,
        requester_name: input.requesterName,
        requester_contact: input.requesterContact,
        summary: input.summary,
        status: input.status ?? 'received',
        outcome: input.outcome ?? null,
        answered_on: input.answeredOn ?? null,
        published_on: input.publishedOn ?? null,
        decision_id: input.decisionId ?? null,
      })
      .returning(['id', 'reference'])
      .executeTakeFirstOrThrow()
    if (input.questions.length) {
      await handle
        .insertInto('foi_questions')
        .values(
          input.questions.map((q, position) => ({
            request_id: row.id,
            position,
            question: q.question,
            answer: q.answer ?? null,
            exemption: q.exemption ?? null,
            register_link: q.registerLink ?? null,
          })),
        )
        .execute()
    }
    return row
  }

  async find(
    id: number,
    handle: Handle = this.db,
    options: { forUpdate?: boolean } = {},
  ): Promise<FoiRequestRecord | undefined> {
    let query = handle.selectFrom('foi_requests').selectAll().where('id', '=', id)
    if (options.forUpdate) query = query.forUpdate()
    const request = await query.executeTakeFirst()
    if (!request) return undefined
    const [office, questions] = await Promise.all([
      handle
        .selectFrom('offices as f')
        .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
        .select(['o.name', 'f.short_name'])
        .where('f.organisation_id', '=', request.office_id)
        .executeTakeFirstOrThrow(),
      this.questions(id, handle),
    ])
    return { request, officeName: office.name, officeShortName: office.short_name, questions }
  }

  async findByDecision(decisionId: number, handle: Handle = this.db): Promise<{ id: number } | undefined> {
    return handle.selectFrom('foi_requests').select('id').where('decision_id', '=', decisionId).executeTakeFirst()
  }

  async findByReference(
    officeId: number,
    reference: string,
    handle: Handle = this.db,
  ): Promise<{ id: number; decision_id: number | null } | undefined> {
    return handle
      .selectFrom('foi_requests')
      .select(['id', 'decision_id'])
      .where('office_id', '=', officeId)
      .where(sql<string>`lower(reference)`, '=', reference.toLowerCase())
      .executeTakeFirst()
  }

  questions(requestId: number, handle: Handle = this.db): Promise<FoiQuestionRow[]> {
    return handle
      .selectFrom('foi_questions')
      .select(QUESTION_COLUMNS)
      .where('request_id', '=', requestId)
      .orderBy('position')
      .execute()
  }

  async update(id: number, patch: Updateable<FoiRequestsTable>, handle: Handle): Promise<void> {
    await handle
      .updateTable('foi_requests')
      .set({ ...patch, updated_at: sql`now()` })
      .where('id', '=', id)
      .execute()
  }

  async updateQuestion(
    requestId: number,
    questionId: number,
    patch: Updateable<FoiQuestionsTable>,
    handle: Handle,
  ): Promise<boolean> {
    const result = await handle
      .updateTable('foi_questions')
      .set(patch)
      .where('id', '=', questionId)
      .where('request_id', '=', requestId)
      .executeTakeFirst()
    return Number(result.numUpdatedRows) > 0
  }

  async addQuestion(requestId: number, question: string, handle: Handle): Promise<number> {
    const { next } = await handle
      .selectFrom('foi_questions')
      .select(sql<number>`coalesce(max(position) + 1, 0)`.as('next'))
      .where('request_id', '=', requestId)
      .executeTakeFirstOrThrow()
    const { id } = await handle
      .insertInto('foi_questions')
      .values({ request_id: requestId, position: Number(next), question })
      .returning('id')
      .executeTakeFirstOrThrow()
    return id
  }

  /** Requests whose clock or follow-up still needs watching: everything not closed, and answers not yet published. */
  activeClocks(): Promise<FoiClockRow[]> {
    return this.db
      .selectFrom('foi_requests as r')
      .select(CLOCK_COLUMNS)
      .where((eb) =>
        eb.or([
          eb('r.status', '<>', 'closed'),
          eb.and([eb('r.answered_on', 'is not', null), eb('r.published_on', 'is', null)]),
        ]),
      )
      .orderBy('r.received_on')
      .orderBy('r.id')
      .execute()
  }

  /** Requests answered on or after a date, for the share answered on time. */
  answeredSince(from: string): Promise<FoiClockRow[]> {
    return this.db
      .selectFrom('foi_requests as r')
      .select(CLOCK_COLUMNS)
      .where('r.answered_on', '>=', from)
      .orderBy('r.answered_on')
      .execute()
  }

  async latestAnswer(): Promise<string | null> {
    const row = await this.db
      .selectFrom('foi_requests')
      .select(sql<string | null>`max(answered_on)`.as('latest'))
      .executeTakeFirstOrThrow()
    return row.latest
  }

  /** Staff search by reference or words of the summary, questions and answers. */
  search(text: string, limit: number): Promise<FoiClockRow[]> {
    const like = `%${escapeLike(text)}%`
    return this.db
      .selectFrom('foi_requests as r')
      .select(CLOCK_COLUMNS)
      .where((eb) =>
        eb.or([
          eb('r.reference', 'ilike', like),
          eb('r.summary', 'ilike', like),
          eb.exists(
            eb
              .selectFrom('foi_questions as q')
              .select('q.id')
              .whereRef('q.request_id', '=', 'r.id')
              .where(sql<boolean>`q.search @@ websearch_to_tsquery('english', ${text})`),
          ),
        ]),
      )
      .orderBy('r.received_on', 'desc')
      .orderBy('r.id', 'desc')
      .limit(limit)
      .execute()
  }

  /** The public disclosure log: answered and published requests, newest publication first. */
  async disclosureLog(filter: {
    text?: string
    page: number
    pageSize: number
  }): Promise<{ rows: PublicFoiRequest[]; total: number }> {
    let query = this.db
      .selectFrom('foi_requests as r')
      .where('r.published_on', 'is not', null)
      .where('r.answered_on', 'is not', null)
    if (filter.text) {
      const text = filter.text
      const like = `%${escapeLike(text)}%`
      query = query.where((eb) =>
        eb.or([
          eb('r.reference', 'ilike', like),
          eb(
            sql<boolean>`to_tsvector('english', coalesce(r.summary, '')) @@ websearch_to_tsquery('english', ${text})`,
            '=',
            true,
          ),
          eb.exists(
            eb
              .selectFrom('foi_questions as q')
              .select('q.id')
              .whereRef('q.request_id', '=', 'r.id')
              .where(sql<boolean>`q.search @@ websearch_to_tsquery('english', ${text})`),
          ),
        ]),
      )
    }
    const [count, rows] = await Promise.all([
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      query
        .innerJoin('organisations as o', 'o.id', 'r.office_id')
        .leftJoin('decisions as d', (join) =>
          join
            .onRef('d.id', '=', 'r.decision_id')
            .on('d.status', 'in', ['published', 'imported'])
            .on('d.review_status', '=', 'reviewed'),
        )
        .select([
          'r.id',
          'r.slug',
          'r.reference',
          'o.name as officeName',
          'r.summary',
          'r.received_on as receivedOn',
          'r.answered_on as answeredOn',
          'r.published_on as publishedOn',
          'r.outcome',
          'd.slug as decisionSlug',
        ])
        .select((eb) => [
          eb
            .selectFrom('foi_questions as q')
            .select(sql<number>`count(*)`.as('n'))
            .whereRef('q.request_id', '=', 'r.id')
            .as('questionCount'),
          eb
            .selectFrom('foi_questions as q')
            .select('q.question')
            .whereRef('q.request_id', '=', 'r.id')
            .orderBy('q.position')
            .limit(1)
            .as('firstQuestion'),
        ])
        .orderBy('r.published_on', 'desc')
        .orderBy('r.id', 'desc')
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize)
        .execute(),
    ])
    return {
      total: Number(count.n),
      rows: rows.map((r) => ({
        id: r.id,
        slug: r.slug ?? '',
        reference: r.reference,
        officeName: r.officeName,
        summary: r.summary,
        receivedOn: r.receivedOn,
        answeredOn: r.answeredOn!,
        publishedOn: r.publishedOn!,
        outcome: r.outcome,
        decisionSlug: r.decisionSlug,
        questionCount: Number(r.questionCount ?? 0),
        firstQuestion: r.firstQuestion ?? null,
      })),
    }
  }

  /** One entry of the disclosure log, by its address; only published requests. */
  async publishedBySlug(
    slug: string,
  ): Promise<{ request: PublicFoiRequest; questions: PublicFoiQuestion[] } | undefined> {
    const row = await this.db
      .selectFrom('foi_requests as r')
      .innerJoin('organisations as o', 'o.id', 'r.office_id')
      .leftJoin('decisions as d', (join) =>
        join
          .onRef('d.id', '=', 'r.decision_id')
          .on('d.status', 'in', ['published', 'imported'])
          .on('d.review_status', '=', 'reviewed'),
      )
      .select([
        'r.id',
        'r.slug',
        'r.reference',
        'o.name as officeName',
        'r.summary',
        'r.received_on',
        'r.answered_on',
        'r.published_on',
        'r.outcome',
        'd.slug as decisionSlug',
      ])
      .where('r.slug', '=', slug)
      .where('r.published_on', 'is not', null)
      .where('r.answered_on', 'is not', null)
      .executeTakeFirst()
    if (!row) return undefined
    const questions = await this.db
      .selectFrom('foi_questions')
      .select(['position', 'question', 'answer', 'exemption', 'register_link as registerLink'])
      .where('request_id', '=', row.id)
      .orderBy('position')
      .execute()
    return {
      request: {
        id: row.id,
        slug: row.slug ?? slug,
        reference: row.reference,
        officeName: row.officeName,
        summary: row.summary,
        receivedOn: row.received_on,
        answeredOn: row.answered_on!,
        publishedOn: row.published_on!,
        outcome: row.outcome,
        decisionSlug: row.decisionSlug,
        questionCount: questions.length,
        firstQuestion: questions[0]?.question ?? null,
      },
      questions,
    }
  }

  /** Published requests with this reference (in any office), to find an entry addressed by its bare reference. */
  publishedSlugsByReference(reference: string): Promise<Array<{ slug: string | null }>> {
    return this.db
      .selectFrom('foi_requests')
      .select('slug')
      .where(sql<string>`lower(reference)`, '=', reference.toLowerCase())
      .where('published_on', 'is not', null)
      .where('answered_on', 'is not', null)
      .limit(2)
      .execute()
  }

  /** Earlier answers that share words with a question, best match first; the request itself left out. */
  earlierAnswers(query: string, excludeRequestId: number | null, limit: number) {
    const tsquery = sql`websearch_to_tsquery('english', ${query})`
    let select = this.db
      .selectFrom('foi_questions as q')
      .innerJoin('foi_requests as r', 'r.id', 'q.request_id')
      .select([
        'r.id as requestId',
        'r.reference',
        'r.slug',
        'r.published_on as publishedOn',
        'r.answered_on as answeredOn',
        'q.id as questionId',
        'q.question',
        'q.answer',
        'q.exemption',
        'q.register_link as registerLink',
      ])
      .where(sql<boolean>`q.search @@ ${tsquery}`)
      .where('q.answer', 'is not', null)
    if (excludeRequestId !== null) select = select.where('r.id', '<>', excludeRequestId)
    return select
      .orderBy(sql`ts_rank(q.search, ${tsquery})`, 'desc')
      .orderBy('r.answered_on', 'desc')
      .limit(limit)
      .execute()
  }

  /**
   * Deletes the requester's name and contact from requests finished before the cutoff: answered or
   * closed, and with no date after it (review, referral, closure). The response stays.
   */
  async purgePersonalData(cutoff: string, handle: Handle): Promise<Array<{ id: number; reference: string }>> {
    const lastActivity = sql<string>`greatest(received_on, clarification_received_on, answered_on, published_on, review_requested_on, review_completed_on, referred_to_ico_on, closed_on)`
    return handle
      .updateTable('foi_requests')
      .set({
        requester_name: null,
        requester_contact: null,
        personal_data_deleted_at: sql`now()`,
        updated_at: sql`now()`,
      })
      .where('personal_data_deleted_at', 'is', null)
      .where((eb) => eb.or([eb('requester_name', 'is not', null), eb('requester_contact', 'is not', null)]))
      .where('status', 'in', ['answered', 'closed'])
      .where(lastActivity, '<', cutoff)
      .returning(['id', 'reference'])
      .execute()
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}
