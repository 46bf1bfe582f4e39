import { sql, type Kysely } from 'kysely'
import type { DB } from '../../../db/tables/index.ts'
import { type Page, type PageRequest, type RowOf, findById, newestFirstPage } from './page.ts'

export interface DisclosureFilter extends PageRequest {
  q?: string
  officeId?: number
  /** An office register's offices (the office and its predecessors). */
  offices?: readonly number[]
  /** Published in this financial year (by its starting year). */
  year?: number
}

export interface ApiDisclosure {
  id: number
  reference: string
  office: { id: number; name: string }
  summary: string | null
  receivedOn: string
  answeredOn: string | null
  publishedOn: string | null
  outcome: string | null
  questions: Array<{ position: number; question: string; answer: string | null; exemption: string | null }>
}

/**
 * The disclosure log: answered and published FOI requests with their questions and answers. The requester's
 * name and contact are never selected.
 */
export class ApiDisclosureQueries {
  constructor(private readonly db: Kysely<DB>) {}

  async list(filter: DisclosureFilter): Promise<Page<ApiDisclosure>> {
    let query = disclosureRows(this.db)
    if (filter.officeId) query = query.where('r.office_id', '=', filter.officeId)
    if (filter.offices) query = query.where('r.office_id', 'in', filter.offices.length ? [...filter.offices] : [-1])
    if (filter.year)
      query = query
        .where('r.published_on', '>=', `${filter.year}-04-01`)
        .where('r.published_on', '<=', `${filter.year + 1}-03-31`)
    if (filter.q) {
      const text = filter.q
      query = query.where((eb) =>
        eb.or([
          eb('r.reference', 'ilike', `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
          sql<boolean>`to_tsvector('english', coalesce(r.summary, '')) @@ websearch_to_tsquery('english', ${text})`,
          eb.exists(
            eb
              .selectFrom('foi_questions as q')
              .select('q.id')
              .whereRef('q.request_id', '=', 'r.id')
              .where(
                sql<boolean>`to_tsvector('english', q.question || ' ' || coalesce(q.answer, '')) @@ websearch_to_tsquery('english', ${text})`,
              ),
          ),
        ]),
      )
    }
    return newestFirstPage(query, 'r.id', filter, (items) => this.shape(items))
  }

  find(id: number): Promise<ApiDisclosure | undefined> {
    return findById(disclosureRows(this.db), 'r.id', id, (rows) => this.shape(rows))
  }

  private async shape(rows: RowOf<typeof disclosureRows>[]): Promise<ApiDisclosure[]> {
    if (!rows.length) return []
    const questions = await this.db
      .selectFrom('foi_questions')
      .select(['request_id', 'position', 'question', 'answer', 'exemption'])
      .where(
        'request_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('position')
      .execute()
    return rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      office: { id: r.office_id, name: r.office_name },
      summary: r.summary,
      receivedOn: r.received_on,
      answeredOn: r.answered_on,
      publishedOn: r.published_on,
      outcome: r.outcome,
      questions: questions
        .filter((q) => q.request_id === r.id)
        .map(({ position, question, answer, exemption }) => ({ position, question, answer, exemption })),
    }))
  }
}

/** Answered and published FOI requests with their office: never the requester's name or contact. */
function disclosureRows(db: Kysely<DB>) {
  return db
    .selectFrom('foi_requests as r')
    .innerJoin('organisations as o', 'o.id', 'r.office_id')
    .where('r.published_on', 'is not', null)
    .where('r.answered_on', 'is not', null)
    .select([
      'r.id',
      'r.reference',
      'r.office_id',
      'o.name as office_name',
      'r.summary',
      'r.received_on',
      'r.answered_on',
      'r.published_on',
      'r.outcome',
    ])
}
