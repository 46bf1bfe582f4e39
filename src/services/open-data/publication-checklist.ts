import { inOfficeScope } from '../../db/repositories/office-scope.ts'
import { OfficeScope } from '../../domain/office-scope.ts'
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../db/tables/index.ts'
import { PUBLIC_STATUSES } from '../../domain/decision.ts'
import { daysBetween, todayInLondon } from '../../domain/uk-date.ts'
import { DECISION_LINK_COLUMNS } from '../shared/listed-columns.ts'

/** Contracts above this are duties under the Specified Information Order (a copy of each contract over £10,000). */
export const CONTRACT_THRESHOLD_PENCE = 1_000_000

export type ItemState = 'published' | 'not_published' | 'awaiting_review' | 'withheld'

export interface ChecklistItem {
  decisionId: number
  reference: string | null
  title: string
  slug: string | null
  officeName: string
  decidedOn: string | null
  publishedOn: string | null
  state: ItemState
  /** Days from decision to publication; for an item not yet published, days since the decision so far. */
  days: number | null
  /** Grants and contracts: the award. */
  recipient?: string
  amountPence?: number
  /** What the duty asks for that the record lacks (grants: purpose, conditions). */
  missing: string[]
}

export interface DutyReport {
  duty: 'decisions' | 'grants' | 'contracts'
  items: ChecklistItem[]
  published: number
  notPublished: number
  incomplete: number
  medianDays: number | null
}

export interface ChecklistFilter {
  officeId?: number
  /** The offices the caller may reach: a checklist covers only their offices' decisions. */
  scope?: OfficeScope
  /** Decisions of this financial year (by its starting year). */
  year: number
}

/** Records whose decision has been taken: approved, published or imported from a published document. */
const DECIDED = ['approved', ...PUBLIC_STATUSES] as const

/**
 * The statutory publication checklist: for each duty of the Elected Local Policing Bodies (Specified
 * Information) Order 2011 that the register holds — decisions of significant public interest, crime and
 * disorder reduction grants (recipient, purpose, conditions), contracts over £10,000 — what is published,
 * what is missing, and how long after the decision each was published.
 */
export class PublicationChecklist {
  constructor(private readonly db: Kysely<DB>) {}

  /** The financial years that hold decided records, newest first. */
  async years(): Promise<number[]> {
    const rows = await sql<{ year: number }>`
      select distinct (extract(year from date_decided)::int - case when extract(month from date_decided) < 4 then 1 else 0 end) as year
      from decisions where date_decided is not null and status in ('approved', 'published', 'imported') order by year desc`.execute(
      this.db,
    )
    return rows.rows.map((r) => Number(r.year))
  }

  /**
   * Spending over £500, published monthly: of the financial year's months that have ended, those with payments
   * published (in the scope's offices, or the one office chosen), and those still missing.
   */
  async spendingMonths(
    filter: ChecklistFilter,
    today = todayInLondon(),
  ): Promise<{ published: number; due: number; missing: string[] }> {
    const due: string[] = []
    for (let i = 0; i < 12; i++) {
      const month = ((3 + i) % 12) + 1
      const year = filter.year + (month < 4 ? 1 : 0)
      const key = `${year}-${String(month).padStart(2, '0')}`
      if (key < today.slice(0, 7)) due.push(key)
    }
    const rows = await this.db
      .selectFrom('spend_payments as p')
      .select(sql<string>`to_char(p.paid_on, 'YYYY-MM')`.as('month'))
      .distinct()
      .where('p.paid_on', '>=', `${filter.year}-04-01`)
      .where('p.paid_on', '<=', `${filter.year + 1}-03-31`)
      .where(inOfficeScope(filter.scope ?? OfficeScope.system, 'p.office_id'))
      .$if(filter.officeId !== undefined, (q) => q.where('p.office_id', '=', filter.officeId!))
      .execute()
    const published = new Set(rows.map((r) => r.month))
    return {
      published: due.filter((m) => published.has(m)).length,
      due: due.length,
      missing: due.filter((m) => !published.has(m)),
    }
  }

  async report(filter: ChecklistFilter): Promise<DutyReport[]> {
    const today = todayInLondon()
    const decisionRows = await this.decidedRecords(filter)
    const awardRows = await this.awardsOf(decisionRows.map((d) => d.id))
    const base = new Map(decisionRows.map((d) => [d.id, decisionItem(d, today)]))
    const awardItem = (a: AwardRow, missing: string[]) => awardItemOf(base.get(a.decision_id)!, a, missing)
    const grants = awardRows
      .filter((a) => a.route === 'grant')
      .map((a) =>
        awardItem(a, [
          ...(a.purpose?.trim() ? [] : ['purpose']),
          ...(a.condition?.trim() || a.stream_conditions?.trim() ? [] : ['conditions']),
        ]),
      )
    const contracts = awardRows
      .filter((a) => a.route !== null && a.route !== 'grant' && a.amount_pence > CONTRACT_THRESHOLD_PENCE)
      .map((a) => awardItem(a, []))
    const significant = new Set(decisionRows.filter((d) => d.significant_public_interest).map((d) => d.id))
    return [
      summarise(
        'decisions',
        [...base.values()].map((b) => b.item).filter((i) => significant.has(i.decisionId)),
      ),
      summarise('grants', grants),
      summarise('contracts', contracts),
    ]
  }

  /** The financial year's decided decisions in the filter's offices, newest first. */
  private decidedRecords(filter: ChecklistFilter) {
    let decisions = this.db
      .selectFrom('decisions as d')
      .innerJoin('organisations as o', 'o.id', 'd.office_id')
      .where('d.status', 'in', [...DECIDED])
      .where('d.kind', '=', 'decision')
      .where('d.date_decided', '>=', `${filter.year}-04-01`)
      .where('d.date_decided', '<=', `${filter.year + 1}-03-31`)
    if (filter.officeId) decisions = decisions.where('d.office_id', '=', filter.officeId)
    decisions = decisions.where(inOfficeScope(filter.scope ?? OfficeScope.system, 'd.office_id'))
    return decisions
      .select([
        ...DECISION_LINK_COLUMNS,
        'd.date_decided',
        'd.date_published',
        'd.status',
        'd.review_status',
        'd.classification',
        'd.significant_public_interest',
      ])
      .orderBy('d.date_decided', 'desc')
      .orderBy('d.id', 'desc')
      .execute()
  }

  /** The awards of these decisions, with their funding stream's conditions, in each decision's order. */
  private async awardsOf(decisionIds: number[]) {
    if (!decisionIds.length) return []
    return this.db
      .selectFrom('awards as a')
      .leftJoin('funding_streams as s', 's.id', 'a.funding_stream_id')
      .select([
        'a.decision_id',
        'a.recipient_name',
        'a.amount_pence',
        'a.route',
        'a.purpose',
        'a.condition',
        'a.withheld',
        's.conditions as stream_conditions',
      ])
      .where('a.decision_id', 'in', decisionIds)
      .orderBy('a.decision_id')
      .orderBy('a.position')
      .execute()
  }
}

type DecisionRow = Awaited<ReturnType<PublicationChecklist['decidedRecords']>>[number]
type AwardRow = Awaited<ReturnType<PublicationChecklist['awardsOf']>>[number]
interface DecisionItem {
  item: ChecklistItem
  confidential: boolean
}

/** A decided record's place on the checklist: whether and when it was published, and the days it took. */
function decisionItem(d: DecisionRow, today: string): DecisionItem {
  const listed = PUBLIC_STATUSES.includes(d.status)
  const state: ItemState = !listed ? 'not_published' : d.review_status !== 'reviewed' ? 'awaiting_review' : 'published'
  const publishedOn = state === 'published' ? d.date_published : null
  const days = d.date_decided ? daysBetween(d.date_decided, publishedOn ?? today) : null
  const item: ChecklistItem = {
    decisionId: d.id,
    reference: d.reference,
    title: d.title,
    slug: d.slug,
    officeName: d.office_name,
    decidedOn: d.date_decided,
    publishedOn,
    state,
    days,
    missing: [],
  }
  return { item, confidential: d.classification === 'confidential' }
}

/** An award's item: its decision's, withheld where the award or the whole decision is kept from the public. */
function awardItemOf(parent: DecisionItem, a: AwardRow, missing: string[]): ChecklistItem {
  const withheld = a.withheld || parent.confidential
  return {
    ...parent.item,
    state: withheld && parent.item.state === 'published' ? 'withheld' : parent.item.state,
    recipient: a.recipient_name,
    amountPence: a.amount_pence,
    missing,
  }
}

function summarise(duty: DutyReport['duty'], items: ChecklistItem[]): DutyReport {
  const publishedDays = items
    .filter((i) => i.state === 'published' && i.days !== null)
    .map((i) => i.days!)
    .sort((a, b) => a - b)
  const middle = Math.floor(publishedDays.length / 2)
  return {
    duty,
    items,
    published: items.filter((i) => i.state === 'published' || i.state === 'withheld').length,
    notPublished: items.filter((i) => i.state === 'not_published' || i.state === 'awaiting_review').length,
    incomplete: items.filter((i) => i.missing.length > 0).length,
    medianDays: publishedDays.length
      ? publishedDays.length % 2
        ? publishedDays[middle]!
        : Math.round((publishedDays[middle - 1]! + publishedDays[middle]!) / 2)
      : null,
  }
}
