import { randomBytes } from 'node:crypto'
import { SpendingRepository, type AwardCandidate, type SpendPayment } from '../../db/repositories/spending/spending.ts'
import type { PublicPayment } from '../../db/repositories/spending/spend-publication.ts'
import { OfficeScope } from '../../domain/office-scope.ts'
import { toPage, type Page } from '../open-data/api/page.ts'
import type { Actor } from '../audit/audit.ts'
import { AuditedService } from '../audit/audit.ts'
import { FormError } from '../shared/form-error.ts'
import { SPEND_FIELDS, guessMapping, readSpendTable, type SpendMapping } from './spend-file.ts'
import { importSpendFile, type SpendImportInput, type SpendImportResult } from './spend-import.ts'
import { validateSplit } from './split.ts'

export { SpendFileError, SPEND_FIELDS, type SpendMapping, type SpendProblem } from './spend-file.ts'
export type { AwardCandidate, SpendPayment } from '../../db/repositories/spending/spending.ts'
export type { PaidAward, PublicPayment } from '../../db/repositories/spending/spend-publication.ts'
export type { SpendImportInput, SpendImportResult } from './spend-import.ts'

export interface SpendPreview {
  headers: string[]
  mapping: Partial<SpendMapping>
  /** The first rows as written, for the person to check the columns. */
  sample: string[][]
  rowCount: number
}

export const QUEUE_PAGE_SIZE = 50

/** Spending over £500: importing an office's published payments, matching them to awards, the review queue. */
export class SpendingService extends AuditedService {
  private readonly spending = new SpendingRepository(this.database.db)

  /** The file's columns, the fields guessed from their names, and its first rows; a SpendFileError if it cannot be read. */
  preview(text: string, sampleSize = 5): SpendPreview {
    const table = readSpendTable(text)
    return {
      headers: table.headers,
      mapping: guessMapping(table.headers),
      sample: table.rows.slice(0, sampleSize).map((r) => r.cells),
      rowCount: table.rows.length,
    }
  }

  /**
   * Imports a file into an office's spending: refused whole (a SpendFileError naming each line and column) if any
   * row is bad; the same file twice, or a payment already held, adds nothing. New payments are matched to awards.
   */
  import(input: SpendImportInput, actor: Actor): Promise<SpendImportResult> {
    return importSpendFile(this.database, this.spending, this.audit, input, actor)
  }

  /** Holds an uploaded file for its preview; a file that is not readable CSV is refused (a SpendFileError) at once. */
  async stashUpload(input: { officeId: number; fileName: string; content: string }, actor: Actor): Promise<string> {
    const scope = actor.scope ?? OfficeScope.system
    if (!scope.includes(input.officeId, 'officer', 'administrator', 'finance_officer'))
      throw new FormError({ office: 'Choose an office you work for' })
    readSpendTable(input.content)
    const token = randomBytes(16).toString('hex')
    await this.spending.addUpload({ token, userId: actor.userId, ...input, fileName: input.fileName.slice(0, 255) })
    return token
  }

  /** A held upload of the person's, with its preview. */
  async upload(actor: Actor, token: string) {
    if (!/^[0-9a-f]{32}$/.test(token)) return undefined
    const upload = await this.spending.findUpload(actor.scope ?? OfficeScope.system, token, actor.userId)
    return upload ? { ...upload, preview: this.preview(upload.content) } : undefined
  }

  /** Imports a held upload with the columns the person chose; the upload is let go once imported. */
  async confirmUpload(
    actor: Actor,
    token: string,
    mapping: Partial<SpendMapping>,
  ): Promise<SpendImportResult | undefined> {
    const upload = await this.upload(actor, token)
    if (!upload) return undefined
    const result = await this.import(
      { officeId: upload.officeId, fileName: upload.fileName, text: upload.content, mapping },
      actor,
    )
    await this.spending.removeUpload(token)
    return result
  }

  batch(scope: OfficeScope, id: number) {
    return this.spending.batch(scope, id)
  }

  queue(scope: OfficeScope, page = 1) {
    return this.spending.queue(scope, QUEUE_PAGE_SIZE, (page - 1) * QUEUE_PAGE_SIZE)
  }

  /** A page of the unmatched payments of the scope's offices in id order (for the staff API). */
  async queuePage(
    scope: OfficeScope,
    page: { officeId?: number; after?: number; limit: number },
  ): Promise<Page<SpendPayment>> {
    return toPage(await this.spending.unmatchedAfter(scope, page.officeId, page.after ?? 0, page.limit + 1), page.limit)
  }

  batches(scope: OfficeScope) {
    return this.spending.batches(scope)
  }

  /** A payment of the scope's offices and the awards it may pay, the likely ones first. */
  async payment(
    scope: OfficeScope,
    id: number,
  ): Promise<{ payment: SpendPayment; candidates: AwardCandidate[] } | undefined> {
    const payment = await this.spending.findPayment(scope, id)
    if (!payment) return undefined
    return { payment, candidates: await this.spending.candidates(payment) }
  }

  /** Staff's choice for a payment: the award it pays (`award` an award id) or `not_award`. */
  async resolve(paymentId: number, choice: string, actor: Actor): Promise<void> {
    const scope = actor.scope ?? OfficeScope.system
    await this.database.transaction(async (trx) => {
      const payment = await new SpendingRepository(trx).findPayment(scope, paymentId)
      if (!payment || !scope.includes(payment.officeId, 'officer', 'administrator', 'finance_officer'))
        throw new FormError({ award: 'That payment is not one of your office’s' })
      let awardId: number | null = null
      if (choice !== 'not_award') {
        awardId = /^\d{1,15}$/.test(choice) ? Number(choice) : NaN
        if (!Number.isSafeInteger(awardId) || !(await this.spending.payableAward(trx, payment.officeId, awardId)))
          throw new FormError({ award: 'Choose the award this payment pays, or that it is not an award payment' })
      }
      await this.spending.setMatch(trx, paymentId, awardId)
      await this.audit.recordChange(
        trx,
        actor,
        awardId === null ? 'spending.not_award' : 'spending.match',
        ['spend_payment', paymentId],
        {
          officeId: payment.officeId,
          before: { awardId: payment.awardId, matchStatus: payment.matchStatus },
          after: { awardId, matchStatus: awardId === null ? 'not_award' : 'matched' },
        },
      )
    })
  }

  /**
   * Staff split a payment between several awards of its office: each part an award and an amount, the amounts
   * adding up to the payment exactly. Throws FormError naming each wrong field (`award2`, `amount2`, `parts`);
   * a blank part is ignored. Audited with the payment's match before and after.
   */
  async split(paymentId: number, input: ReadonlyArray<{ award: string; amount: string }>, actor: Actor): Promise<void> {
    const scope = actor.scope ?? OfficeScope.system
    await this.database.transaction(async (trx) => {
      const repo = new SpendingRepository(trx)
      const payment = await repo.findPayment(scope, paymentId)
      if (!payment || !scope.includes(payment.officeId, 'officer', 'administrator', 'finance_officer'))
        throw new FormError({ parts: 'That payment is not one of your office’s' })
      const parts = await validateSplit(payment, input, (awardId) =>
        this.spending.payableAward(trx, payment.officeId, awardId),
      )
      const before = { awardId: payment.awardId, matchStatus: payment.matchStatus, parts: await repo.parts(paymentId) }
      await repo.setSplit(trx, paymentId, parts)
      await this.audit.recordChange(trx, actor, 'spending.split', ['spend_payment', paymentId], {
        officeId: payment.officeId,
        before,
        after: { awardId: null, matchStatus: 'split', parts },
      })
    })
  }

  /** The parts of a split payment. */
  parts(paymentId: number) {
    return this.spending.parts(paymentId)
  }

  paidByAward(awardIds: readonly number[]) {
    return this.spending.paidByAward(awardIds)
  }

  /** The months of an office's published spending over £500, latest first. */
  months(officeId: number) {
    return this.spending.months(officeId)
  }

  monthCount(officeId: number) {
    return this.spending.monthCount(officeId)
  }

  /** An office's published payments (of one month, YYYY-MM, or all), by date, with the public awards each pays. */
  publicPayments(officeId: number, month: string | null, limit = 5000, offset = 0) {
    return this.spending.publicPayments(officeId, month, { limit, offset })
  }

  /** A page of an office's published payments in id order, after a cursor (for the API). */
  async publicPaymentPage(
    officeId: number,
    month: string | null,
    page: { after?: number; limit: number },
  ): Promise<Page<PublicPayment>> {
    const rows = await this.spending.publicPayments(officeId, month, { after: page.after ?? 0, limit: page.limit + 1 })
    return toPage(rows, page.limit)
  }

  /** Every published payment of an office, a batch at a time (for the CSV). */
  async *allPublicPayments(officeId: number, month: string | null) {
    for (let offset = 0; ; offset += 5000) {
      const batch = await this.spending.publicPayments(officeId, month, { limit: 5000, offset })
      yield* batch
      if (batch.length < 5000) return
    }
  }
}

export const SPEND_FIELD_LABELS = Object.fromEntries(SPEND_FIELDS.map((f) => [f.key, f.label])) as Record<
  keyof SpendMapping,
  string
>
