import { OfficeScope } from '../../../domain/office-scope.ts'
import { inOfficeScope } from '../office-scope.ts'
import { nextFreeReference } from '../reference-sequences.ts'
import { sql, type Kysely, type Updateable } from 'kysely'
import { referenceScope } from '../../../domain/reference-format.ts'
import type { DB, FoiQuestionsTable, FoiRequestsTable } from '../../tables/index.ts'
import {
  FOI_SCOPE_PREFIX,
  QUESTION_COLUMNS,
  type FoiQuestionRow,
  type FoiRequestRecord,
  type Handle,
  type NewFoiRequest,
} from './foi-types.ts'

/** FOI requests and their questions: references, reading and writing one request. */
export class FoiRecords {
  constructor(protected readonly db: Kysely<DB>) {}

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
    return nextFreeReference(handle, { officeId, scope, format, year }, (reference) =>
      this.referenceTaken(officeId, reference, handle),
    )
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
    options: { forUpdate?: boolean; scope?: OfficeScope } = {},
  ): Promise<FoiRequestRecord | undefined> {
    let query = handle
      .selectFrom('foi_requests')
      .selectAll()
      .where('id', '=', id)
      .where(inOfficeScope(options.scope ?? OfficeScope.system, 'office_id'))
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
}
