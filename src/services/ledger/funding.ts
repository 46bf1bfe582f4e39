import { OfficeScope } from '../../domain/office-scope.ts'
import { z } from 'zod'
import { FundingRepository, type FundingStreamRow } from '../../db/repositories/ledger/funding.ts'
import { LedgerRepository } from '../../db/repositories/ledger/ledger.ts'
import { financialYear } from '../../domain/financial-year.ts'
import { AuditService, type Actor } from '../audit/audit.ts'
import { FormError } from '../shared/form-error.ts'
import { financialYearField, poundsField } from '../shared/form-fields.ts'
import { PublicFiguresService } from '../shared/public-figures-memo.ts'
import { reachableRecord } from '../../db/repositories/ledger/reachable.ts'

export interface StreamYear {
  startYear: number
  label: string
  receivedPence: number | null
  committedPence: number
  perAnnumPence: number
  ceilingPence: number
  /** Received less one-off commitments and yearly amounts; null when nothing received is recorded. */
  leftPence: number | null
}

export interface StreamOverview extends FundingStreamRow {
  years: StreamYear[]
}

export const receiptForm = z.object({
  streamId: z.string().regex(/^\d+$/, { message: 'Choose a funding stream' }).transform(Number),
  year: financialYearField(),
  amount: poundsField('Amount received'),
  note: z
    .string()
    .trim()
    .max(500, { message: 'Note must be 500 characters or fewer' })
    .optional()
    .transform((v) => v || null),
})

/** Funding streams: what each received per financial year, what public awards commit, and what is left. */
export class FundingService extends PublicFiguresService {
  private readonly audit = new AuditService(this.database)
  private readonly funding = new FundingRepository(this.database.db)
  private readonly ledger = new LedgerRepository(this.database.db)

  streams() {
    return this.funding.streams()
  }

  /** Each stream with what it received, committed and has left per financial year, from public awards; for an office register, its offices' streams only. */
  overview(offices?: number[]): Promise<StreamOverview[]> {
    return this.figures.get(`funding.overview:${JSON.stringify(offices ?? null)}`, () => this.readOverview(offices))
  }

  private async readOverview(offices?: number[]): Promise<StreamOverview[]> {
    const [streams, receipts, commitments] = await Promise.all([
      this.funding.streams(offices),
      this.funding.receipts(),
      this.ledger.commitmentsByStream(),
    ])
    return streams.map((stream) => {
      const years = new Map<number, StreamYear>()
      const year = (startYear: number) => {
        let entry = years.get(startYear)
        if (!entry) {
          entry = {
            startYear,
            label: financialYear(startYear).label,
            receivedPence: null,
            committedPence: 0,
            perAnnumPence: 0,
            ceilingPence: 0,
            leftPence: null,
          }
          years.set(startYear, entry)
        }
        return entry
      }
      for (const r of receipts.filter((r) => r.streamId === stream.id))
        year(r.financialYear).receivedPence = r.amountPence
      for (const c of commitments.filter((c) => c.streamId === stream.id)) {
        const entry = year(c.financialYear)
        entry.committedPence += c.oneOffPence
        entry.perAnnumPence += c.perAnnumPence
        entry.ceilingPence += c.ceilingPence
      }
      for (const entry of years.values()) {
        if (entry.receivedPence !== null)
          entry.leftPence = entry.receivedPence - entry.committedPence - entry.perAnnumPence
      }
      return { ...stream, years: [...years.values()].sort((a, b) => b.startYear - a.startYear) }
    })
  }

  /** Records what a stream received in a year (staff). Throws FormError naming the fields that are wrong. */
  /**
   * Saves what a stream received in a year. When the year already has an amount and `overwrite` is not set,
   * nothing is saved: the amount already recorded is returned, for the person to confirm the replacement.
   */
  async recordReceipt(
    input: Record<string, unknown>,
    actor: Actor,
    options: { overwrite?: boolean } = {},
  ): Promise<{ saved: true } | { saved: false; existing: { amountPence: number; note: string | null } }> {
    const parsed = receiptForm.safeParse(input)
    if (!parsed.success) throw FormError.fromZod(parsed.error)
    const { streamId, year, amount, note } = parsed.data
    const existing = await this.funding.findReceipt(streamId, year)
    if (existing && !options.overwrite)
      return { saved: false, existing: { amountPence: existing.amount_pence, note: existing.note } }
    await this.database.transaction(async (trx) => {
      const stream = await reachableRecord(trx, 'funding_streams', streamId, actor.scope ?? OfficeScope.system)
      if (!stream) throw new FormError({ streamId: 'Choose a funding stream' })
      const before = await this.funding.findReceipt(streamId, year, trx)
      const id = await this.funding.saveReceipt(streamId, year, amount, note, trx)
      await this.audit.recordChange(
        trx,
        actor,
        before ? 'funding_receipt.update' : 'funding_receipt.create',
        ['funding_stream_receipt', id],
        {
          before: before ? { amountPence: before.amount_pence, note: before.note } : undefined,
          after: { streamId, stream: stream.name, financialYear: year, amountPence: amount, note },
        },
      )
    })
    return { saved: true }
  }
}
