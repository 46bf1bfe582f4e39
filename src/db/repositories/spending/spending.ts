import { sql, type Kysely, type Transaction } from 'kysely'
import type { OfficeScope } from '../../../domain/office-scope.ts'
import type { DB } from '../../tables/index.ts'
import type { SpendMatchStatus } from '../../tables/spending.ts'
import { inOfficeScope } from '../office-scope.ts'

export interface NewSpendPayment {
  line: number
  rowKey: string
  paidOn: string
  supplierName: string
  amountPence: number
  expenseType: string
  transactionNumber: string
}

export interface SpendPayment {
  id: number
  officeId: number
  line: number
  paidOn: string
  supplierName: string
  supplierId: number | null
  amountPence: number
  expenseType: string
  transactionNumber: string
  awardId: number | null
  matchStatus: SpendMatchStatus
  matchedBy: 'automatic' | 'staff' | null
}

export interface AwardCandidate {
  awardId: number
  decisionId: number
  decisionReference: string | null
  decisionTitle: string
  recipientName: string
  amountPence: number
  committedPence: number
  paidPence: number
  periodStart: string | null
  periodEnd: string | null
  financialYear: number | null
  /** Whether the award's recipient is the payment's supplier, and the payment falls in its period. */
  likely: boolean
}

/** Payments per insert statement. */
const INSERT_BATCH = 10_000

/** Names compared without case, spaces or punctuation, in SQL. */
const key = (column: string) => sql`regexp_replace(lower(${sql.ref(column)}), '[^a-z0-9]', '', 'g')`

/** Decisions whose awards money may be paid against: approved, published or imported. */
const PAYABLE = sql`d.status in ('approved', 'published', 'imported')`

/** An award `a` of decision `d` covers the date `on` (its period, else its financial year, else from its decision on). */
const coversDate = (on: RawDate) => sql<boolean>`${on} between
  coalesce(a.period_start, make_date(a.financial_year, 4, 1), d.date_decided, '1900-01-01'::date)
  and coalesce(a.period_end, make_date(a.financial_year + 1, 3, 31), '9999-12-31'::date)`
type RawDate = ReturnType<typeof sql>

const COMMITTED = sql<number>`award_committed_pence(a.amount_pence, a.per_annum, a.period_start, a.period_end)`

/** An office's spending over £500: import batches, payments, their matches to awards, and the monthly publication. */
export class SpendingRepository {
  constructor(private readonly db: Kysely<DB>) {}

  findBatch(officeId: number, fileHash: string, trx: Kysely<DB> = this.db) {
    return trx
      .selectFrom('spend_batches')
      .selectAll()
      .where('office_id', '=', officeId)
      .where('file_hash', '=', fileHash)
      .executeTakeFirst()
  }

  async addBatch(
    trx: Transaction<DB>,
    batch: { officeId: number; fileName: string; fileHash: string; rows: number; importedBy: number | null },
  ): Promise<number> {
    const row = await trx
      .insertInto('spend_batches')
      .values({
        office_id: batch.officeId,
        file_name: batch.fileName,
        file_hash: batch.fileHash,
        rows: batch.rows,
        added: 0,
        imported_by: batch.importedBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  }

  /**
   * Inserts the payments ten thousand at a time, each column sent as one array (unnest), which is far faster than
   * a row of parameters per payment; a payment already held (by its key) is skipped. Returns how many were added.
   */
  async addPayments(
    trx: Transaction<DB>,
    officeId: number,
    batchId: number,
    payments: readonly NewSpendPayment[],
  ): Promise<number> {
    let added = 0
    for (let start = 0; start < payments.length; start += INSERT_BATCH) {
      const slice = payments.slice(start, start + INSERT_BATCH)
      const column = <T>(pick: (p: NewSpendPayment) => T) => slice.map(pick)
      const result = await sql`
        insert into spend_payments (office_id, batch_id, line, row_key, paid_on, supplier_name, amount_pence, expense_type, transaction_number)
        select ${officeId}, ${batchId}, u.line, u.row_key, u.paid_on, u.supplier_name, u.amount_pence, u.expense_type, u.transaction_number
        from unnest(${column((p) => p.line)}::integer[], ${column((p) => p.rowKey)}::text[], ${column((p) => p.paidOn)}::date[],
          ${column((p) => p.supplierName)}::text[], ${column((p) => p.amountPence)}::bigint[], ${column((p) => p.expenseType)}::text[],
          ${column((p) => p.transactionNumber)}::text[])
          as u(line, row_key, paid_on, supplier_name, amount_pence, expense_type, transaction_number)
        on conflict (office_id, row_key) do nothing`.execute(trx)
      added += Number(result.numAffectedRows ?? 0)
    }
    await trx.updateTable('spend_batches').set({ added }).where('id', '=', batchId).execute()
    return added
  }

  /**
   * Names the supplier of each of the batch's payments: the organisation whose name or alias it is (a merged one's
   * successor), when only one. Each distinct name of the batch is looked up once, then the payments take it by equality.
   */
  async resolveSuppliers(trx: Transaction<DB>, batchId: number): Promise<void> {
    await sql`
      with suppliers as (
        select distinct supplier_name from spend_payments where batch_id = ${batchId}
      ), names as (
        select coalesce(o.merged_into_id, o.id) as org_id, ${key('o.name')} as k from organisations o
        union
        select coalesce(o.merged_into_id, o.id), ${key('al.alias')} from organisation_aliases al join organisations o on o.id = al.organisation_id
      ), resolved as (
        select s.supplier_name, min(n.org_id) as org_id
        from suppliers s join names n on n.k = ${key('s.supplier_name')}
        group by s.supplier_name having count(distinct n.org_id) = 1
      )
      update spend_payments p set supplier_id = r.org_id
      from resolved r
      where p.batch_id = ${batchId} and p.supplier_name = r.supplier_name`.execute(trx)
  }

  /**
   * Matches each unmatched payment of the batch to the one award it plausibly pays: an award of the office's
   * approved or published decisions to the payment's supplier, whose period covers the payment's date and whose
   * commitment is at least the payment. A payment with no such award, or several, stays in the review queue.
   */
  async matchAutomatically(trx: Transaction<DB>, batchId: number): Promise<number> {
    const result = await sql`
      update spend_payments p set award_id = c.award_id, match_status = 'matched', matched_by = 'automatic'
      from (
        select p.id as payment_id, min(a.id) as award_id
        from spend_payments p
        join decisions d on d.office_id = p.office_id and ${PAYABLE}
        join awards a on a.decision_id = d.id
        join organisations r on r.id = a.recipient_id
        where p.batch_id = ${batchId} and p.match_status = 'unmatched' and p.supplier_id is not null
          and coalesce(r.merged_into_id, r.id) = p.supplier_id
          and ${coversDate(sql`p.paid_on`)}
          and abs(p.amount_pence) <= ${COMMITTED}
        group by p.id having count(*) = 1
      ) c
      where p.id = c.payment_id`.execute(trx)
    return Number(result.numAffectedRows ?? 0)
  }

  async batchCounts(batchId: number, trx: Kysely<DB> = this.db): Promise<{ matched: number; unmatched: number }> {
    const row = await trx
      .selectFrom('spend_payments')
      .select([
        sql<number>`count(*) filter (where match_status = 'matched')`.as('matched'),
        sql<number>`count(*) filter (where match_status = 'unmatched')`.as('unmatched'),
      ])
      .where('batch_id', '=', batchId)
      .executeTakeFirstOrThrow()
    return { matched: Number(row.matched), unmatched: Number(row.unmatched) }
  }

  private payments(scope: OfficeScope) {
    return this.db
      .selectFrom('spend_payments as p')
      .select([
        'p.id',
        'p.office_id as officeId',
        'p.line',
        'p.paid_on as paidOn',
        'p.supplier_name as supplierName',
        'p.supplier_id as supplierId',
        'p.amount_pence as amountPence',
        'p.expense_type as expenseType',
        'p.transaction_number as transactionNumber',
        'p.award_id as awardId',
        'p.match_status as matchStatus',
        'p.matched_by as matchedBy',
      ])
      .where(inOfficeScope(scope, 'p.office_id'))
  }

  /** The unmatched payments of the scope's offices, oldest first. */
  async queue(scope: OfficeScope, limit: number, offset: number): Promise<{ rows: SpendPayment[]; count: number }> {
    const [rows, count] = await Promise.all([
      this.payments(scope)
        .where('p.match_status', '=', 'unmatched')
        .orderBy('p.paid_on')
        .orderBy('p.id')
        .limit(limit)
        .offset(offset)
        .execute(),
      this.db
        .selectFrom('spend_payments as p')
        .select(sql<number>`count(*)`.as('n'))
        .where('p.match_status', '=', 'unmatched')
        .where(inOfficeScope(scope, 'p.office_id'))
        .executeTakeFirstOrThrow(),
    ])
    return { rows, count: Number(count.n) }
  }

  findPayment(scope: OfficeScope, id: number): Promise<SpendPayment | undefined> {
    return this.payments(scope).where('p.id', '=', id).executeTakeFirst()
  }

  /** The awards a payment may pay: every payable award of its office, the likely ones (supplier and date) first. */
  async candidates(payment: SpendPayment, limit = 200): Promise<AwardCandidate[]> {
    const likely = sql<boolean>`(${payment.supplierId === null ? sql`false` : sql`coalesce(r.merged_into_id, r.id) = ${payment.supplierId}`} and ${coversDate(sql`${payment.paidOn}::date`)})`
    const result = await sql<AwardCandidate>`
      select a.id as "awardId", d.id as "decisionId", d.reference as "decisionReference", d.title as "decisionTitle",
        a.recipient_name as "recipientName", a.amount_pence as "amountPence", ${COMMITTED} as "committedPence",
        coalesce((select sum(sp.amount_pence) from spend_payments sp where sp.award_id = a.id), 0) as "paidPence",
        a.period_start as "periodStart", a.period_end as "periodEnd", a.financial_year as "financialYear",
        ${likely} as likely
      from awards a join decisions d on d.id = a.decision_id
      left join organisations r on r.id = a.recipient_id
      where d.office_id = ${payment.officeId} and ${PAYABLE}
      order by ${likely} desc, ${key('a.recipient_name')} = ${payment.supplierName.toLowerCase().replace(/[^a-z0-9]/g, '')} desc,
        a.recipient_name, a.id
      limit ${limit}`.execute(this.db)
    return result.rows.map((r) => ({
      ...r,
      amountPence: Number(r.amountPence),
      committedPence: Number(r.committedPence),
      paidPence: Number(r.paidPence),
    }))
  }

  /** Records staff's choice for a payment: the award it pays, or not an award payment (awardId null). */
  async setMatch(trx: Transaction<DB>, paymentId: number, awardId: number | null): Promise<void> {
    await trx
      .updateTable('spend_payments')
      .set(
        awardId === null
          ? { award_id: null, match_status: 'not_award', matched_by: 'staff' }
          : { award_id: awardId, match_status: 'matched', matched_by: 'staff' },
      )
      .where('id', '=', paymentId)
      .execute()
  }

  /** Whether an award is one a payment of the office may be matched to. */
  async payableAward(trx: Kysely<DB>, officeId: number, awardId: number): Promise<boolean> {
    const row = await sql<{ id: number }>`
      select a.id from awards a join decisions d on d.id = a.decision_id
      where a.id = ${awardId} and d.office_id = ${officeId} and ${PAYABLE}`.execute(trx)
    return row.rows.length > 0
  }

  /** The import batches of the scope's offices, newest first. */
  batches(scope: OfficeScope, limit = 50) {
    return this.db
      .selectFrom('spend_batches as b')
      .innerJoin('organisations as o', 'o.id', 'b.office_id')
      .select([
        'b.id',
        'b.file_name as fileName',
        'b.rows',
        'b.added',
        'b.imported_at as importedAt',
        'o.name as officeName',
      ])
      .where(inOfficeScope(scope, 'b.office_id'))
      .orderBy('b.id', 'desc')
      .limit(limit)
      .execute()
  }

  /** Paid against committed for each of the awards (staff view: any award). */
  async paidByAward(awardIds: readonly number[]): Promise<Map<number, number>> {
    if (!awardIds.length) return new Map()
    const rows = await this.db
      .selectFrom('spend_payments')
      .select(['award_id', sql<number>`sum(amount_pence)`.as('paid')])
      .where('award_id', 'in', [...awardIds])
      .groupBy('award_id')
      .execute()
    return new Map(rows.map((r) => [r.award_id!, Number(r.paid)]))
  }

  /** The months of an office's published spending, latest first, with their counts and sums. */
  async months(officeId: number): Promise<Array<{ month: string; payments: number; totalPence: number }>> {
    const result = await sql<{ month: string; payments: number; total: number }>`
      select to_char(paid_on, 'YYYY-MM') as month, count(*) as payments, sum(amount_pence) as total
      from spend_payments where office_id = ${officeId} group by 1 order by 1 desc`.execute(this.db)
    return result.rows.map((r) => ({ month: r.month, payments: Number(r.payments), totalPence: Number(r.total) }))
  }

  /** How many months of spending each office has published. */
  async monthCount(officeId: number): Promise<number> {
    const result = await sql<{ n: number }>`
      select count(distinct date_trunc('month', paid_on)) as n from spend_payments where office_id = ${officeId}`.execute(
      this.db,
    )
    return Number(result.rows[0]?.n ?? 0)
  }

  /**
   * An office's published payments (optionally of one month), each with the award it pays only when that award
   * is public (in the public ledger), so a page never reveals an unpublished or withheld award.
   */
  async publicPayments(
    officeId: number,
    month: string | null,
    limit: number,
    offset: number,
  ): Promise<
    Array<{
      id: number
      paidOn: string
      supplierName: string
      amountPence: number
      expenseType: string
      transactionNumber: string
      awardId: number | null
      decisionSlug: string | null
      decisionReference: string | null
      recipientName: string | null
    }>
  > {
    const monthCondition = month === null ? sql`true` : sql`to_char(p.paid_on, 'YYYY-MM') = ${month}`
    const result = await sql<Record<string, unknown>>`
      select p.id, p.paid_on as "paidOn", p.supplier_name as "supplierName", p.amount_pence as "amountPence",
        p.expense_type as "expenseType", p.transaction_number as "transactionNumber",
        la.award_id as "awardId", d.slug as "decisionSlug", d.reference as "decisionReference", la.recipient_name as "recipientName"
      from spend_payments p
      left join ledger_awards la on la.award_id = p.award_id
      left join decisions d on d.id = la.decision_id
      where p.office_id = ${officeId} and ${monthCondition}
      order by p.paid_on, p.id limit ${limit} offset ${offset}`.execute(this.db)
    return result.rows.map((r) => ({
      id: Number(r.id),
      paidOn: String(r.paidOn),
      supplierName: String(r.supplierName),
      amountPence: Number(r.amountPence),
      expenseType: String(r.expenseType),
      transactionNumber: String(r.transactionNumber),
      awardId: r.awardId === null ? null : Number(r.awardId),
      decisionSlug: (r.decisionSlug as string | null) ?? null,
      decisionReference: (r.decisionReference as string | null) ?? null,
      recipientName: (r.recipientName as string | null) ?? null,
    }))
  }

  /** Holds an uploaded file until it is confirmed; uploads older than a day are cleared on the way. */
  async addUpload(upload: {
    token: string
    officeId: number
    userId: number | null
    fileName: string
    content: string
  }) {
    await this.db
      .deleteFrom('spend_uploads')
      .where('created_at', '<', sql<Date>`now() - interval '1 day'`)
      .execute()
    await this.db
      .insertInto('spend_uploads')
      .values({
        token: upload.token,
        office_id: upload.officeId,
        user_id: upload.userId,
        file_name: upload.fileName,
        content: upload.content,
      })
      .execute()
  }

  /** An upload of the scope's offices by the person (any person's, for the system). */
  findUpload(scope: OfficeScope, token: string, userId: number | null) {
    return this.db
      .selectFrom('spend_uploads as u')
      .innerJoin('organisations as o', 'o.id', 'u.office_id')
      .select(['u.token', 'u.office_id as officeId', 'u.file_name as fileName', 'u.content', 'o.name as officeName'])
      .where('u.token', '=', token)
      .where(inOfficeScope(scope, 'u.office_id'))
      .$if(userId !== null, (q) => q.where('u.user_id', '=', userId))
      .executeTakeFirst()
  }

  async removeUpload(token: string): Promise<void> {
    await this.db.deleteFrom('spend_uploads').where('token', '=', token).execute()
  }

  /** A batch of the scope's offices with its counts. */
  async batch(scope: OfficeScope, id: number) {
    const batch = await this.db
      .selectFrom('spend_batches as b')
      .innerJoin('organisations as o', 'o.id', 'b.office_id')
      .select([
        'b.id',
        'b.file_name as fileName',
        'b.rows',
        'b.added',
        'o.name as officeName',
        'b.office_id as officeId',
      ])
      .where('b.id', '=', id)
      .where(inOfficeScope(scope, 'b.office_id'))
      .executeTakeFirst()
    return batch ? { ...batch, ...(await this.batchCounts(id)) } : undefined
  }
}
