import { OfficeScope } from '../../../domain/office-scope.ts'
import { inOfficeScope } from '../office-scope.ts'
import { nearestPublicName } from './decision-search.ts'
import { listPublicDecisions } from './public-listing.ts'
import { sql, type Selectable } from 'kysely'
import { PUBLIC_STATUSES } from '../../../domain/decision.ts'
import type { DecisionsTable } from '../../tables/index.ts'
import type { DecisionDetail, DecisionListFilter, DecisionListRow } from './decision-types.ts'
import { DecisionWrites } from './decision-writes.ts'
import { linkedNames } from '../linked-names.ts'
import { contributionsOf, sectionsOf, signOffsOf } from './decision-parts.ts'

type LinkEnd = 'l.from_decision_id' | 'l.to_decision_id'

export type {
  NewSection,
  NewAward,
  NewContribution,
  NewFinding,
  NewSignOff,
  NewDecision,
  DecisionListFilter,
  DecisionListRow,
  DecisionDetail,
} from './decision-types.ts'

/** Decision records: writing them (DecisionWrites), and reading the public register and one decision. */
export class DecisionRepository extends DecisionWrites {
  async countAll(): Promise<number> {
    const row = await this.db
      .selectFrom('decisions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  /** The public register: published and reviewed records, newest first. */
  listPublic(filter: DecisionListFilter): Promise<{ rows: DecisionListRow[]; total: number }> {
    return listPublicDecisions(this.db, filter)
  }

  /** A public name close to what was typed, to suggest when the words find nothing. */
  suggestName(words: string): Promise<string | null> {
    return nearestPublicName(this.db, words)
  }

  /**
   * The financial years (by first year) that listed decisions are filed under, latest first. A year at a time
   * through the index on the year (each step the least year above the last), so the cost grows with the number
   * of years, not of decisions.
   */
  async publicYears(): Promise<number[]> {
    const year = sql`(extract(year from coalesce(d.date_decided, d.date_received)))::integer - (case when extract(month from coalesce(d.date_decided, d.date_received)) < 4 then 1 else 0 end)`
    const listed = sql`d.status in (${sql.join(PUBLIC_STATUSES.map((s) => sql.lit(s)))}) and d.review_status = 'reviewed'`
    const result = await sql<{ year: number }>`
      with recursive years (year) as (
        select (select min(${year}) from decisions d where ${listed})
        union all
        select (select min(${year}) from decisions d where ${listed} and ${year} > y.year) from years y where y.year is not null
      )
      select year from years where year is not null`.execute(this.db)
    return result.rows.map((r) => Number(r.year)).sort((a, b) => b - a)
  }

  async findPublicBySlug(slug: string): Promise<DecisionDetail | undefined> {
    const decision = await this.db
      .selectFrom('decisions')
      .selectAll()
      .where('slug', '=', slug)
      .where('status', 'in', [...PUBLIC_STATUSES])
      .where('review_status', '=', 'reviewed')
      .executeTakeFirst()
    return decision && this.detail(decision)
  }

  /** A decision by id, if it belongs to an office of the scope (any office, by default: the system). */
  async findById(
    id: number,
    scope: OfficeScope = OfficeScope.system,
    options: { orArchive?: boolean } = {},
  ): Promise<DecisionDetail | undefined> {
    const decision = await this.db
      .selectFrom('decisions')
      .selectAll()
      .where('id', '=', id)
      .where(inOfficeScope(scope, 'office_id', options))
      .executeTakeFirst()
    return decision && this.detail(decision)
  }

  /** The decisions at the `other` end of the links where decision `id` stands at `own`. */
  private links(own: LinkEnd, other: LinkEnd, id: number) {
    return this.db
      .selectFrom('decision_links as l')
      .innerJoin('decisions as d', 'd.id', other)
      .select(['l.kind', 'd.reference', 'd.title', 'd.slug', 'd.status', 'd.review_status'])
      .where(own, '=', id)
      .execute()
  }

  private async detail(decision: Selectable<DecisionsTable>): Promise<DecisionDetail> {
    const id = decision.id
    const [office, sections, [awards, contributions], findings, signOffs, areas, linksFrom, linksTo] =
      await Promise.all([
        this.db
          .selectFrom('organisations')
          .select(['name', 'slug'])
          .where('id', '=', decision.office_id)
          .executeTakeFirstOrThrow(),
        sectionsOf(this.db, id),
        this.moneyOf(id),
        this.db
          .selectFrom('findings')
          .selectAll()
          .where('decision_id', '=', id)
          .orderBy('line')
          .orderBy('id')
          .execute(),
        signOffsOf(this.db, id),
        linkedNames(this.db, 'decision_areas', [id]),
        this.links('l.from_decision_id', 'l.to_decision_id', id),
        this.links('l.to_decision_id', 'l.from_decision_id', id),
      ])
    return {
      decision,
      officeName: office.name,
      officeSlug: office.slug,
      sections,
      awards,
      contributions,
      findings,
      signOffs,
      areas,
      links: [...publicLinks(linksFrom, 'from'), ...publicLinks(linksTo, 'to')],
    }
  }

  /**
   * A decision's awards in their order, with the names of the body they go via, their stream and the recipient's
   * page; and its contributions, with their stream's name.
   */
  private moneyOf(id: number) {
    return Promise.all([
      this.db
        .selectFrom('awards as a')
        .leftJoin('organisations as v', 'v.id', 'a.via_id')
        .leftJoin('organisations as r', 'r.id', 'a.recipient_id')
        .leftJoin('funding_streams as f', 'f.id', 'a.funding_stream_id')
        .selectAll('a')
        .select(['v.name as via_name', 'f.name as stream_name', 'r.slug as recipient_slug'])
        .where('a.decision_id', '=', id)
        .orderBy('a.position')
        .execute(),
      contributionsOf(this.db, id),
    ])
  }
}

/** The links a public page may show: to decisions published and reviewed. */
function publicLinks(
  links: Awaited<ReturnType<DecisionRepository['links']>>,
  direction: 'from' | 'to',
): DecisionDetail['links'] {
  return links
    .filter((l) => PUBLIC_STATUSES.includes(l.status) && l.review_status === 'reviewed')
    .map((l) => ({ kind: l.kind, direction, reference: l.reference, title: l.title, slug: l.slug }))
}
