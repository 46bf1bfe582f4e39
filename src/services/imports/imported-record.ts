/** The steps of storing one imported document's record: the reference check, the record, and its audit entry. */
import type { Transaction } from 'kysely'
import type { NewAward, NewContribution, NewDecision } from '../../db/repositories/decisions/decision-types.ts'
import type { DB } from '../../db/tables/index.ts'
import type { ExtractedDraft } from '../../extract/index.ts'
import { areaIdsFor } from './areas.ts'
import { fallbackTitle, findingsWithFields, narrativeParts, totalIsPerAnnum } from './draft.ts'
import { ImportError } from './errors.ts'
import type { ImportOffice } from './offices.ts'

export interface ImportedFile {
  bytes: Uint8Array
  label: string
  sha256: string
  mediaType: string
}

/** Refuses a record whose reference the office's register already holds, naming the record that holds it. */
export async function refuseDuplicateReference(
  trx: Transaction<DB>,
  office: ImportOffice,
  reference: string | null,
  label: string,
): Promise<void> {
  if (!reference) return
  const clash = await trx
    .selectFrom('decisions')
    .select('id')
    .where('office_id', '=', office.id)
    .where('reference', '=', reference)
    .executeTakeFirst()
  if (clash)
    throw new ImportError(
      label,
      'duplicate_reference',
      `the register already holds ${office.shortName} decision ${reference} (record ${clash.id}); nothing was imported`,
    )
}

/** The decision record an imported draft becomes: unreviewed, filed under its office, pointing at its document. */
export async function importedDecision(
  trx: Transaction<DB>,
  draft: ExtractedDraft,
  parts: { office: ImportOffice; documentId: number; text: string; fileName: string },
  money: { awards: NewAward[]; contributions: NewContribution[] },
): Promise<NewDecision> {
  const { office } = parts
  return {
    officeId: office.id,
    officeShortName: office.shortName,
    reference: draft.reference,
    kind: draft.kind,
    title: fallbackTitle(draft, parts.fileName),
    status: 'imported',
    reviewStatus: 'unreviewed',
    dateDecided: draft.decisionDate,
    decisionMakerTitle: draft.kind === 'foi_response' ? null : office.decisionMakerTitle,
    statedTotalPence: draft.totalAmount,
    statedTotalPerAnnum: draft.totalAmount !== null && totalIsPerAnnum(draft),
    sourceDocumentId: parts.documentId,
    awards: money.awards,
    contributions: money.contributions,
    findings: findingsWithFields(draft),
    areaIds: await areaIdsFor(draft.areas, trx),
    ...(draft.kind === 'foi_response' ? {} : narrativeParts(parts.text)),
  }
}

/** What the audit log keeps of an import: the file, the office, and what was read from the document. */
export function importAuditEntry(
  file: ImportedFile & { fileName: string },
  documentId: number,
  office: ImportOffice,
  draft: ExtractedDraft,
  counts: { awards: number; contributions: number; organisationsToReview: string[] },
) {
  const { fileName } = file
  return {
    document: {
      id: documentId,
      fileName,
      mediaType: file.mediaType,
      sizeBytes: file.bytes.byteLength,
      sha256: file.sha256,
    },
    office: { id: office.id, name: office.name, created: office.created },
    reference: draft.reference,
    kind: draft.kind,
    title: fallbackTitle(draft, fileName),
    decisionDate: draft.decisionDate,
    statedTotalPence: draft.totalAmount,
    awards: counts.awards,
    contributions: counts.contributions,
    findings: draft.findings.length,
    organisationsToReview: counts.organisationsToReview,
  }
}
