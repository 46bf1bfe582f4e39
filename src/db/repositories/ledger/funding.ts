import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../../tables/index.ts'

type Handle = Kysely<DB> | Transaction<DB>

export interface FundingStreamRow {
  id: number
  name: string
  slug: string
  funderName: string | null
  officeName: string | null
  description: string | null
  conditions: string | null
  matchFundingRequired: boolean
}

/** Funding streams (`f`) with the organisations that fund them (`fo`) and hold them (`oo`), to read their names. */
export function fundingStreamsWithNames(db: Kysely<DB>) {
  return db
    .selectFrom('funding_streams as f')
    .leftJoin('organisations as fo', 'fo.id', 'f.funder_id')
    .leftJoin('organisations as oo', 'oo.id', 'f.office_id')
}

export class FundingRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Every funding stream; for an office register, its offices' streams only. */
  async streams(offices?: readonly number[]): Promise<FundingStreamRow[]> {
    return fundingStreamsWithNames(this.db)
      .$if(offices !== undefined, (q) => q.where('f.office_id', 'in', offices!.length ? [...offices!] : [-1]))
      .select([
        'f.id',
        'f.name',
        'f.slug',
        'fo.name as funderName',
        'oo.name as officeName',
        'f.description',
        'f.conditions',
        'f.match_funding_required as matchFundingRequired',
      ])
      .orderBy('f.name')
      .execute()
  }

  async receipts(): Promise<
    Array<{ streamId: number; financialYear: number; amountPence: number; note: string | null }>
  > {
    return this.db
      .selectFrom('funding_stream_receipts')
      .select([
        'funding_stream_id as streamId',
        'financial_year as financialYear',
        'amount_pence as amountPence',
        'note',
      ])
      .orderBy('financial_year')
      .execute()
  }

  async findReceipt(streamId: number, year: number, handle: Handle = this.db) {
    return handle
      .selectFrom('funding_stream_receipts')
      .selectAll()
      .where('funding_stream_id', '=', streamId)
      .where('financial_year', '=', year)
      .executeTakeFirst()
  }

  /** Sets what a stream received in a year, replacing an earlier figure for the same year. */
  async saveReceipt(
    streamId: number,
    year: number,
    amountPence: number,
    note: string | null,
    handle: Handle,
  ): Promise<number> {
    const row = await handle
      .insertInto('funding_stream_receipts')
      .values({ funding_stream_id: streamId, financial_year: year, amount_pence: amountPence, note })
      .onConflict((oc) =>
        oc.columns(['funding_stream_id', 'financial_year']).doUpdateSet({ amount_pence: amountPence, note }),
      )
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  }
}
