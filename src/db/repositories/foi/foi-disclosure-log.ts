import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely'
import type { DB, FoiRequestsTable } from '../../tables/index.ts'
import { escapeLike, type PublicFoiQuestion, type PublicFoiRequest } from './foi-types.ts'
import { FoiClockQueries } from './foi-clocks.ts'

/**
 * Requests (`r`) with their office (`o`) and the decision they concern when it is public (`d`), and the columns
 * every disclosure log entry shows first.
 */
function disclosureEntries(query: SelectQueryBuilder<DB & { r: FoiRequestsTable }, 'r', object>) {
  return query
    .innerJoin('organisations as o', 'o.id', 'r.office_id')
    .leftJoin('decisions as d', (join) =>
      join
        .onRef('d.id', '=', 'r.decision_id')
        .on('d.status', 'in', ['published', 'imported'])
        .on('d.review_status', '=', 'reviewed'),
    )
    .select(['r.id', 'r.slug', 'r.reference', 'o.name as officeName', 'r.summary'])
}

/** A request whose reference holds the text, or which holds every word of it in its summary, questions or answers. */
function requestMatches(text: string) {
  const like = `%${escapeLike(text)}%`
  return (eb: ExpressionBuilder<DB & { r: FoiRequestsTable }, 'r'>) =>
    eb.or([
      eb('r.reference', 'ilike', like),
      eb(
        sql<boolean>`(to_tsvector('english', coalesce(r.summary, '')) || to_tsvector('english', coalesce((select string_agg(q.question || ' ' || coalesce(q.answer, ''), ' ')
          from foi_questions q where q.request_id = r.id), ''))) @@ websearch_to_tsquery('english', ${text})`,
        '=',
        true,
      ),
    ])
}

/** The public disclosure log and its entries. */
export class FoiDisclosureLogQueries extends FoiClockQueries {
  /** The public disclosure log: answered and published requests, newest publication first. */
  async disclosureLog(filter: {
    text?: string
    page: number
    pageSize: number
    offices?: readonly number[]
  }): Promise<{ rows: PublicFoiRequest[]; total: number }> {
    let query = this.db
      .selectFrom('foi_requests as r')
      .where('r.published_on', 'is not', null)
      .where('r.answered_on', 'is not', null)
    if (filter.offices) query = query.where('r.office_id', 'in', filter.offices.length ? [...filter.offices] : [-1])
    if (filter.text) query = query.where(requestMatches(filter.text))
    const [count, rows] = await Promise.all([
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      disclosureEntries(query)
        .select([
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
      rows: rows.map((r): PublicFoiRequest => ({
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
    const row = await disclosureEntries(this.db.selectFrom('foi_requests as r'))
      .select(['r.received_on', 'r.answered_on', 'r.published_on', 'r.outcome', 'd.slug as decisionSlug'])
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
}
