import { createHash } from 'node:crypto'
import type { Database } from '../../db/database.ts'
import type { SpendingRepository } from '../../db/repositories/spending/spending.ts'
import { OfficeScope } from '../../domain/office-scope.ts'
import type { Actor, AuditService } from '../audit/audit.ts'
import { FormError } from '../shared/form-error.ts'
import {
  completeMapping,
  guessMapping,
  parseSpendRows,
  readSpendTable,
  type SpendMapping,
  type SpendRow,
} from './spend-file.ts'

/** A file of an office's published payments, with the columns the person chose (guessed from the headers if not). */
export interface SpendImportInput {
  officeId: number
  fileName: string
  text: string
  mapping?: Partial<SpendMapping>
}

export type SpendImportResult =
  | { status: 'already imported'; batchId: number; rows: number; importedAt: Date }
  | {
      status: 'imported'
      batchId: number
      rows: number
      added: number
      repeated: number
      matched: number
      unmatched: number
    }

/** A key for each row: its five fields and its place among identical rows of the file, so a repeated payment adds nothing. */
function rowKeys(rows: readonly SpendRow[]): string[] {
  const seen = new Map<string, number>()
  return rows.map((r) => {
    const content = [
      r.paidOn,
      r.supplierName.toLowerCase(),
      r.amountPence,
      r.expenseType.toLowerCase(),
      r.transactionNumber,
    ].join('\u0000')
    const n = (seen.get(content) ?? 0) + 1
    seen.set(content, n)
    return createHash('sha256').update(`${content}\u0000${n}`).digest('hex').slice(0, 40)
  })
}

/**
 * Imports a file into an office's spending: refused whole (a SpendFileError naming each line and column) if any
 * row is bad; the same file twice, or a payment already held, adds nothing. New payments are matched to awards.
 */
export async function importSpendFile(
  database: Database,
  spending: SpendingRepository,
  audit: AuditService,
  input: SpendImportInput,
  actor: Actor,
): Promise<SpendImportResult> {
  const scope = actor.scope ?? OfficeScope.system
  if (!scope.includes(input.officeId, 'officer', 'administrator', 'finance_officer'))
    throw new FormError({ office: 'You do not work for that office' })
  const fileHash = createHash('sha256').update(input.text).digest('hex')
  const existing = await spending.findBatch(input.officeId, fileHash)
  if (existing)
    return { status: 'already imported', batchId: existing.id, rows: existing.rows, importedAt: existing.imported_at }
  const table = readSpendTable(input.text)
  const mapping = completeMapping(table.headers, input.mapping ?? guessMapping(table.headers))
  const rows = parseSpendRows(table, mapping)
  const keys = rowKeys(rows)
  return database.transaction(async (trx) => {
    const again = await spending.findBatch(input.officeId, fileHash, trx)
    if (again)
      return {
        status: 'already imported' as const,
        batchId: again.id,
        rows: again.rows,
        importedAt: again.imported_at,
      }
    const batchId = await spending.addBatch(trx, {
      officeId: input.officeId,
      fileName: input.fileName.slice(0, 255),
      fileHash,
      rows: rows.length,
      importedBy: actor.userId,
    })
    const added = await spending.addPayments(
      trx,
      input.officeId,
      batchId,
      rows.map((r, i) => ({ ...r, rowKey: keys[i]! })),
    )
    await spending.resolveSuppliers(trx, batchId)
    await spending.matchAutomatically(trx, batchId)
    const counts = await spending.batchCounts(batchId, trx)
    await audit.recordChange(trx, actor, 'spending.import', ['spend_batch', batchId], {
      officeId: input.officeId,
      after: { fileName: input.fileName, fileHash, rows: rows.length, added, ...counts },
    })
    return {
      status: 'imported' as const,
      batchId,
      rows: rows.length,
      added,
      repeated: rows.length - added,
      ...counts,
    }
  })
}
