import { sql, type Kysely, type Transaction } from 'kysely'
import type { OfficeScope } from '../../../domain/office-scope.ts'
import type { DB } from '../../tables/index.ts'
import { inOfficeScope } from '../office-scope.ts'
import { COMMITTED, PAYABLE, coversDate, key, type NewSpendPayment } from './spend-sql.ts'

/** Payments per insert statement. */
const INSERT_BATCH = 10_000

/** Spend imports: the batches, the held uploads, adding a file's payments, naming their suppliers and matching them. */
export class SpendImports {
  constructor(protected readonly db: Kysely<DB>) {}

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

  /** The import batches of the scope's offices, newest first. */
  batches(scope: OfficeScope, limit = 50) {
    return this.scopedBatches(scope)
      .select(['b.imported_at as importedAt', 'o.name as officeName'])
      .orderBy('b.id', 'desc')
      .limit(limit)
      .execute()
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
    const batch = await this.scopedBatches(scope)
      .select(['o.name as officeName', 'b.office_id as officeId'])
      .where('b.id', '=', id)
      .executeTakeFirst()
    return batch ? { ...batch, ...(await this.batchCounts(id)) } : undefined
  }

  /** The scope's import batches, each with the columns every list of them shows first. */
  private scopedBatches(scope: OfficeScope) {
    return this.db
      .selectFrom('spend_batches as b')
      .innerJoin('organisations as o', 'o.id', 'b.office_id')
      .select(['b.id', 'b.file_name as fileName', 'b.rows', 'b.added'])
      .where(inOfficeScope(scope, 'b.office_id'))
  }
}
