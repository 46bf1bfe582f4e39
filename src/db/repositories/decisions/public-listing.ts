import { sql, type Kysely } from 'kysely'
import { PUBLIC_STATUSES } from '../../../domain/decision.ts'
import { readSearchQuery } from '../../../domain/search-query.ts'
import type { DB } from '../../tables/index.ts'
import { inOffices } from '../ledger/ledger-conditions.ts'
import { publicAward, publicMoney } from '../public.ts'
import { matchesWords, matchSnippets } from './decision-search.ts'
import type { DecisionListFilter, DecisionListRow } from './decision-types.ts'

const decisionsAsD = (db: Kysely<DB>) => db.selectFrom('decisions as d')
type Listed = ReturnType<typeof decisionsAsD>

const decidedOn = sql<string | null>`coalesce(d.date_decided, d.date_received)`

/** The listed decisions that the filter keeps: published and reviewed records. */
function listedDecisions(
  db: Kysely<DB>,
  filter: DecisionListFilter,
  search: ReturnType<typeof readSearchQuery>,
): Listed {
  let query = decisionsAsD(db)
    .where('d.status', 'in', [...PUBLIC_STATUSES])
    .where('d.review_status', '=', 'reviewed')
  if (search?.words) query = query.where(matchesWords(search.words, search.referenceFragment))
  if (search?.financialYear !== null && search?.financialYear !== undefined) {
    const fy = search.financialYear
    const inFinancialYear = sql<boolean>`(${decidedOn} between ${`${fy}-04-01`}::date and ${`${fy + 1}-03-31`}::date)`
    query = query.where(
      search.calendarYear === null
        ? inFinancialYear
        : sql<boolean>`(${inFinancialYear} or ${decidedOn} between ${`${fy}-01-01`}::date and ${`${fy}-12-31`}::date)`,
    )
  }
  if (filter.officeId) query = query.where('d.office_id', '=', filter.officeId)
  if (filter.offices) query = query.where(inOffices(sql`d.office_id`, filter.offices))
  if (filter.financialYear) {
    query = query
      .where(decidedOn, '>=', `${filter.financialYear}-04-01`)
      .where(decidedOn, '<=', `${filter.financialYear + 1}-03-31`)
  }
  return query
}

/** What a row of the register shows of a decision `d`, with the figures the public may see. */
function withListColumns(query: Listed) {
  return query
    .innerJoin('organisations as o', 'o.id', 'd.office_id')
    .select([
      'd.id',
      'd.slug',
      'd.reference',
      'd.title',
      'd.kind',
      'd.status',
      'd.classification',
      'o.name as officeName',
      decidedOn.as('date'),
      sql<number | null>`case when ${publicMoney} then d.stated_total_pence end`.as('stated_total_pence'),
      sql<boolean>`(${publicMoney} and d.stated_total_per_annum)`.as('stated_total_per_annum'),
      sql<boolean>`not ${publicMoney}`.as('money_withheld'),
      sql<boolean>`coalesce((select so.outcome = 'rejected' from sign_offs so where so.decision_id = d.id
            and so.stage = 'decision_maker' order by so.signed_on desc, so.id desc limit 1), false)`.as('rejected'),
    ])
    .select((eb) =>
      eb
        .selectFrom('awards as a')
        .select(sql<number | null>`sum(a.amount_pence)`.as('s'))
        .whereRef('a.decision_id', '=', 'd.id')
        .where(publicAward)
        .where('a.per_annum', '=', false)
        .as('awardTotal'),
    )
}

type ListColumns = Awaited<ReturnType<ReturnType<typeof withListColumns>['execute']>>[number]

const NEWEST_FIRST = sql`coalesce(d.date_decided, d.date_received) desc nulls last, d.id desc`

async function countOf(query: Listed): Promise<number> {
  const row = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * A page of the listed decisions and how many there are. A search finds its matches once for both: one statement
 * counts them and picks the page's decisions, since finding the matches is the costly part; the columns are then
 * read for the page's decisions alone.
 */
async function pageAndTotal(
  db: Kysely<DB>,
  listed: Listed,
  filter: DecisionListFilter,
  searching: boolean,
): Promise<{ rows: ListColumns[]; total: number }> {
  const offset = (filter.page - 1) * filter.pageSize
  if (!searching) {
    const [total, rows] = await Promise.all([
      countOf(listed),
      withListColumns(listed).orderBy(NEWEST_FIRST).limit(filter.pageSize).offset(offset).execute(),
    ])
    return { rows, total }
  }
  const page = await listed
    .orderBy(NEWEST_FIRST)
    .select(['d.id', sql<number>`count(*) over ()`.as('total')])
    .limit(filter.pageSize)
    .offset(offset)
    .execute()
  // A page past the last has no row to carry the count.
  if (!page.length) return { rows: [], total: await countOf(listed) }
  const ids = page.map((row) => row.id)
  const rows = await withListColumns(decisionsAsD(db).where('d.id', 'in', ids))
    .orderBy(NEWEST_FIRST)
    .execute()
  return { rows, total: Number(page[0]!.total) }
}

/** The public register: published and reviewed records, newest first, with where a search's words were found. */
export async function listPublicDecisions(
  db: Kysely<DB>,
  filter: DecisionListFilter,
): Promise<{ rows: DecisionListRow[]; total: number }> {
  const search = readSearchQuery(filter.text)
  const { rows, total } = await pageAndTotal(db, listedDecisions(db, filter, search), filter, Boolean(search?.words))
  const snippets = search?.words
    ? await matchSnippets(
        db,
        search.words,
        rows.map((r) => r.id),
      )
    : new Map()
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      reference: r.reference,
      title: r.title,
      kind: r.kind,
      status: r.status,
      classification: r.classification,
      officeName: r.officeName,
      date: r.date,
      statedTotalPence: r.stated_total_pence,
      statedTotalPerAnnum: r.stated_total_per_annum,
      awardTotalPence: r.awardTotal === null ? null : Number(r.awardTotal),
      moneyWithheld: r.money_withheld,
      rejected: Boolean(r.rejected),
      snippet: snippets.get(r.id) ?? null,
    })),
  }
}
