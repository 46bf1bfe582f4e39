import { sql, type Kysely } from 'kysely'
import type { DB } from '../../../db/tables/index.ts'
import { openAward } from '../public-scope.ts'
import { monthsBetween, type AwardExportRow, type AwardPayment } from './grant.ts'
import { type LinkedName, linkedNames } from '../../../db/repositories/linked-names.ts'
import { groupBy } from '../../../domain/group-by.ts'

export interface AwardExportFilter {
  /** Award dates from this day (YYYY-MM-DD), inclusive. */
  from?: string
  /** Award dates to this day, inclusive. */
  to?: string
  officeId?: number
  /** An office register's offices (the office and its predecessors). */
  offices?: readonly number[]
}

/** The date a grant is awarded: the decision's date, else its publication. */
const awardDate = sql<string | null>`coalesce(d.date_decided, d.date_published)`

/**
 * Every public award in order of id, in batches read by id (never OFFSET, never all at once), so a
 * register of any size is read with flat memory.
 */
export async function* publicAwardBatches(
  db: Kysely<DB>,
  filter: AwardExportFilter,
  batchSize = 2000,
): AsyncGenerator<AwardExportRow[]> {
  let lastId = 0
  for (;;) {
    const rows = await awardBatch(db, filter, lastId, batchSize)
    if (!rows.length) return
    lastId = rows[rows.length - 1]!.id
    const areas = await areasOf(db, rows)
    const payments = await paymentsOf(
      db,
      rows.map((r) => r.id),
    )
    yield rows.map((row) => exportRow(row, areas, payments))
    if (rows.length < batchSize) return
  }
}

/** The next batch of public awards after `lastId`, with what the export names of each. */
function awardBatch(db: Kysely<DB>, filter: AwardExportFilter, lastId: number, batchSize: number) {
  let query = db
    .selectFrom('awards as a')
    .innerJoin('decisions as d', 'd.id', 'a.decision_id')
    .innerJoin('offices as f', 'f.organisation_id', 'd.office_id')
    .innerJoin('organisations as o', 'o.id', 'd.office_id')
    .leftJoin('organisations as r', 'r.id', 'a.recipient_id')
    .leftJoin('funding_streams as s', 's.id', 'a.funding_stream_id')
    .where('a.id', '>', lastId)
    .where(openAward)
  if (filter.from) query = query.where(awardDate, '>=', filter.from)
  if (filter.to) query = query.where(awardDate, '<=', filter.to)
  if (filter.officeId) query = query.where('d.office_id', '=', filter.officeId)
  if (filter.offices) query = query.where('d.office_id', 'in', filter.offices.length ? [...filter.offices] : [-1])
  return query
    .select([
      'a.id',
      'a.amount_pence',
      'a.per_annum',
      'a.up_to',
      'a.period_start',
      'a.period_end',
      'a.financial_year',
      'a.purpose',
      'a.route',
      'a.recipient_id',
      'a.recipient_name',
      'a.service_id',
      'a.decision_id',
      'r.name as r_name',
      'r.org_id as r_org_id',
      'r.charity_number as r_charity',
      'r.company_number as r_company',
      'd.slug',
      'd.reference',
      'd.title',
      'd.executive_summary',
      'd.updated_at',
      'o.id as office_id',
      'o.name as office_name',
      'o.org_id as office_org_id',
      'o.charity_number as office_charity',
      'o.company_number as office_company',
      sql<string>`coalesce(f.open_data_prefix, o.slug)`.as('prefix'),
      's.slug as stream_slug',
      's.name as stream_name',
      's.description as stream_description',
    ])
    .select([awardDate.as('award_date')])
    .orderBy('a.id')
    .limit(batchSize)
    .execute()
}

type AwardBatchRow = Awaited<ReturnType<typeof awardBatch>>[number]

/** An award as the export writes it, with the areas it serves and the payments matched to it. */
function exportRow(
  row: AwardBatchRow,
  areas: Awaited<ReturnType<typeof areasOf>>,
  payments: Map<number, AwardPayment[]>,
): AwardExportRow {
  return {
    awardId: row.id,
    totalPence: wholeAward(row.amount_pence, row.per_annum, row.period_start, row.period_end),
    amountPence: row.amount_pence,
    perAnnum: row.per_annum,
    upTo: row.up_to,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    financialYear: row.financial_year,
    purpose: row.purpose,
    route: row.route,
    recipient: {
      id: row.recipient_id,
      name: row.r_name ?? row.recipient_name,
      orgId: row.r_org_id,
      charityNumber: row.r_charity,
      companyNumber: row.r_company,
    },
    office: {
      id: row.office_id,
      name: row.office_name,
      orgId: row.office_org_id,
      charityNumber: row.office_charity,
      companyNumber: row.office_company,
      prefix: row.prefix,
    },
    decision: {
      slug: row.slug,
      reference: row.reference,
      title: row.title,
      summary: row.executive_summary,
      awardDate: row.award_date,
      updatedAt: row.updated_at,
    },
    stream:
      row.stream_slug && row.stream_name
        ? { slug: row.stream_slug, name: row.stream_name, description: row.stream_description }
        : null,
    areas: merge(
      areas.byDecision.get(row.decision_id),
      row.service_id === null ? undefined : areas.byService.get(row.service_id),
    ),
    payments: payments.get(row.id) ?? [],
  }
}

/** The payments matched to each award (spending over £500, which the register also publishes month by month). */
async function paymentsOf(db: Kysely<DB>, awardIds: number[]): Promise<Map<number, AwardPayment[]>> {
  if (!awardIds.length) return new Map()
  const rows = await db
    .selectFrom('spend_award_payments')
    .select(['payment_id', 'award_id', 'paid_on', 'amount_pence', 'transaction_number'])
    .where('award_id', 'in', awardIds)
    .orderBy('paid_on')
    .orderBy('payment_id')
    .execute()
  return groupBy(
    rows,
    (row) => row.award_id,
    (row) => ({
      id: row.payment_id,
      paidOn: row.paid_on,
      pence: Number(row.amount_pence),
      transactionNumber: row.transaction_number,
    }),
  )
}

/** A yearly amount over its period, pro rata by whole months (a part month counts as one); any other amount as it is. */
function wholeAward(pence: number, perAnnum: boolean, start: string | null, end: string | null): number {
  if (!perAnnum || !start || !end) return pence
  return Math.round((pence * monthsBetween(start, end)) / 12)
}

type Area = { name: string; gssCode: string | null }

async function areasOf(db: Kysely<DB>, rows: Array<{ decision_id: number; service_id: number | null }>) {
  const decisionIds = [...new Set(rows.map((r) => r.decision_id))]
  const serviceIds = [...new Set(rows.flatMap((r) => (r.service_id === null ? [] : [r.service_id])))]
  const [byDecision, byService] = await Promise.all([
    linkedNames(db, 'decision_areas', decisionIds).then(areasByOwner),
    linkedNames(db, 'service_areas', serviceIds).then(areasByOwner),
  ])
  return { byDecision, byService }
}

function areasByOwner(names: LinkedName[]): Map<number, Area[]> {
  return groupBy(
    names,
    (area) => area.ownerId,
    ({ name, gssCode }) => ({ name, gssCode }),
  )
}

function merge(a: Area[] = [], b: Area[] = []): Area[] {
  const seen = new Set<string>()
  return [...a, ...b].filter((area) => (seen.has(area.name) ? false : (seen.add(area.name), true)))
}

/** At least as many beneficiary locations as any one award has (the CSV needs a column for each). */
export async function maxLocationsPerAward(db: Kysely<DB>): Promise<number> {
  const row = await sql<{ n: number }>`
    select coalesce((select max(c) from (select count(*) as c from decision_areas group by decision_id) x), 0)
         + coalesce((select max(c) from (select count(*) as c from service_areas group by service_id) y), 0) as n`.execute(
    db,
  )
  return Number(row.rows[0]?.n ?? 0)
}
