import type { Kysely } from 'kysely'
import type { DB } from '../../db/tables/index.ts'
import { withheldNotice } from '../../domain/publication.ts'
import { listedDecision, openDecision } from './public-scope.ts'
import { DECISION_LINK_COLUMNS } from '../shared/listed-columns.ts'
import { publicAreaBySlug, publicOrganisationBySlug } from '../../db/repositories/public-subjects.ts'

export interface FeedEntry {
  id: number
  reference: string | null
  title: string
  slug: string | null
  officeName: string
  summary: string
  published: string | null
  updated: Date
}

export interface FeedSubject {
  name: string
  slug: string
}

export interface SubjectFeed {
  subject: FeedSubject
  entries: FeedEntry[]
}

const FEED_SIZE = 50

type FeedQuery = ReturnType<FeedQueries['base']>

/** The newest published decisions for Atom feeds: all of them, or those naming a provider or an area. */
export class FeedQueries {
  constructor(private readonly db: Kysely<DB>) {}

  /** Every newly published decision; a confidential one as a stub with its exemption. */
  async latest(offices?: readonly number[]): Promise<FeedEntry[]> {
    return this.entries(this.base(offices).where(listedDecision))
  }

  /** Newly published decisions with an award to this public provider. */
  async provider(slug: string, offices?: readonly number[]): Promise<SubjectFeed | undefined> {
    const subject = await publicOrganisationBySlug(this.db, slug)
    return this.subjectFeed(subject, offices, (query, id) =>
      query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('awards as a')
            .select('a.id')
            .whereRef('a.decision_id', '=', 'd.id')
            .where('a.recipient_id', '=', id)
            .where('a.withheld', '=', false),
        ),
      ),
    )
  }

  /** Newly published decisions naming this public area, themselves or through a public award's service. */
  async area(slug: string, offices?: readonly number[]): Promise<SubjectFeed | undefined> {
    const subject = await publicAreaBySlug(this.db, slug)
    return this.subjectFeed(subject, offices, (query, id) =>
      query.where(({ or, exists, selectFrom }) =>
        or([
          exists(
            selectFrom('decision_areas as x')
              .select('x.area_id')
              .whereRef('x.decision_id', '=', 'd.id')
              .where('x.area_id', '=', id),
          ),
          exists(
            selectFrom('awards as a')
              .innerJoin('service_areas as x', 'x.service_id', 'a.service_id')
              .select('a.id')
              .whereRef('a.decision_id', '=', 'd.id')
              .where('a.withheld', '=', false)
              .where('x.area_id', '=', id),
          ),
        ]),
      ),
    )
  }

  /**
   * The feed of a subject found by its slug: its open decisions that `about` keeps (given the subject's id), or
   * undefined when there is no such subject.
   */
  private async subjectFeed(
    subject: (FeedSubject & { id: number }) | undefined,
    offices: readonly number[] | undefined,
    about: (query: FeedQuery, id: number) => FeedQuery,
  ): Promise<SubjectFeed | undefined> {
    if (!subject) return undefined
    return { subject, entries: await this.entries(about(this.base(offices).where(openDecision), subject.id)) }
  }

  /** Decisions with what a feed shows of them; of an office register's offices only when given them. */
  private base(offices?: readonly number[]) {
    return this.db
      .selectFrom('decisions as d')
      .innerJoin('organisations as o', 'o.id', 'd.office_id')
      .$if(offices !== undefined, (q) => q.where('d.office_id', 'in', offices!.length ? [...offices!] : [-1]))
      .select([
        ...DECISION_LINK_COLUMNS,
        'd.classification',
        'd.exemption',
        'd.executive_summary',
        'd.date_published',
        'd.date_decided',
        'd.updated_at',
      ])
  }

  private async entries(query: FeedQuery): Promise<FeedEntry[]> {
    const rows = await query
      .orderBy('d.date_published', (ob) => ob.desc().nullsLast())
      .orderBy('d.id', 'desc')
      .limit(FEED_SIZE)
      .execute()
    return rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      slug: r.slug,
      officeName: r.office_name,
      summary: r.classification === 'confidential' ? withheldNotice(r.exemption) : (r.executive_summary ?? ''),
      published: r.date_published ?? r.date_decided,
      updated: r.updated_at,
    }))
  }
}
