import { sql, type ExpressionBuilder } from 'kysely'
import type { DB } from '../../tables/index.ts'
import { OfficeScope } from '../../../domain/office-scope.ts'
import { inOfficeScope } from '../office-scope.ts'
import { CLOCK_COLUMNS, escapeLike, type FoiClockRow } from './foi-types.ts'
import { FoiRecords } from './foi-records.ts'

/** A request (`r`) whose reference or summary holds the text, or one of whose questions matches its words. */
function requestMatches(text: string) {
  const like = `%${escapeLike(text)}%`
  return (eb: ExpressionBuilder<DB & { r: DB['foi_requests'] }, 'r'>) =>
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
    ])
}

/** Requests by their clocks, staff search, and earlier answers to a question. */
export class FoiClockQueries extends FoiRecords {
  /** Requests whose clock or follow-up still needs watching: everything not closed, and answers not yet published. */
  activeClocks(scope: OfficeScope = OfficeScope.system): Promise<FoiClockRow[]> {
    return this.db
      .selectFrom('foi_requests as r')
      .select(CLOCK_COLUMNS)
      .where(inOfficeScope(scope, 'r.office_id'))
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

  /**
   * Every request of the scope matching the list's filters, newest received first: status, received between two
   * dates (inclusive), and a reference or words of the subject, questions and answers.
   */
  filtered(
    filter: { status?: FoiClockRow['status']; receivedFrom?: string; receivedTo?: string; text?: string },
    scope: OfficeScope = OfficeScope.system,
  ): Promise<FoiClockRow[]> {
    let query = this.db.selectFrom('foi_requests as r').select(CLOCK_COLUMNS).where(inOfficeScope(scope, 'r.office_id'))
    if (filter.status) query = query.where('r.status', '=', filter.status)
    if (filter.receivedFrom) query = query.where('r.received_on', '>=', filter.receivedFrom)
    if (filter.receivedTo) query = query.where('r.received_on', '<=', filter.receivedTo)
    const text = filter.text
    if (text) {
      query = query.where(requestMatches(text))
    }
    return query.orderBy('r.received_on', 'desc').orderBy('r.id', 'desc').execute()
  }

  /** Requests answered on or after a date, for the share answered on time. */
  answeredSince(from: string, scope: OfficeScope = OfficeScope.system): Promise<FoiClockRow[]> {
    return this.db
      .selectFrom('foi_requests as r')
      .select(CLOCK_COLUMNS)
      .where(inOfficeScope(scope, 'r.office_id'))
      .where('r.answered_on', '>=', from)
      .orderBy('r.answered_on')
      .execute()
  }

  async latestAnswer(scope: OfficeScope = OfficeScope.system): Promise<string | null> {
    const row = await this.db
      .selectFrom('foi_requests')
      .select(sql<string | null>`max(answered_on)`.as('latest'))
      .where(inOfficeScope(scope, 'office_id'))
      .executeTakeFirstOrThrow()
    return row.latest
  }

  /** Staff search by reference or words of the summary, questions and answers. */
  search(text: string, limit: number, scope: OfficeScope = OfficeScope.system): Promise<FoiClockRow[]> {
    return this.db
      .selectFrom('foi_requests as r')
      .select(CLOCK_COLUMNS)
      .where(inOfficeScope(scope, 'r.office_id'))
      .where(requestMatches(text))
      .orderBy('r.received_on', 'desc')
      .orderBy('r.id', 'desc')
      .limit(limit)
      .execute()
  }

  /** Earlier answers that share words with a question, best match first; the request itself left out. */
  earlierAnswers(
    query: string,
    excludeRequestId: number | null,
    limit: number,
    scope: OfficeScope = OfficeScope.system,
  ) {
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
      .where((eb) => eb.or([eb('r.published_on', 'is not', null), inOfficeScope(scope, 'r.office_id')]))
    if (excludeRequestId !== null) select = select.where('r.id', '<>', excludeRequestId)
    return select
      .orderBy(sql`ts_rank(q.search, ${tsquery})`, 'desc')
      .orderBy('r.answered_on', 'desc')
      .limit(limit)
      .execute()
  }
}
