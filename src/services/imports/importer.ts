import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import type { Transaction } from 'kysely'
import type { Database } from '../../db/database.ts'
import { DecisionRepository } from '../../db/repositories/decisions/decisions.ts'
import { DocumentRepository } from '../../db/repositories/imports/documents.ts'
import type { DB } from '../../db/tables/index.ts'
import { ExtractError, detectType, extractBuffer, type ExtractionResult, type ReadLimits } from '../../extract/index.ts'
import type { Actor, AuditService } from '../audit/audit.ts'
import { mediaTypeOf } from './draft.ts'
import { ImportError } from './errors.ts'
import { importedParts } from './imported-parts.ts'
import { importAuditEntry, importedDecision, refuseDuplicateReference, type ImportedFile } from './imported-record.ts'
import { OfficeMatcher, type ImportOffice } from './offices.ts'
import { applyLearnedRules, rulesFor } from './layout-learning.ts'
import { OrganisationMatcher } from './organisations.ts'

export interface ImportOutcome {
  status: 'imported' | 'unchanged'
  decisionId: number
  documentId: number
  /** The stored document: its SHA-256, its file name and the media type the register read it as. */
  document: { sha256: string; fileName: string; mediaType: string }
  /** Things a person should know that did not stop the import (an FOI record that could not be made). */
  notes: string[]
}

/**
 * The FOI engineer's converter: makes an FOI request from an imported `foi_response` record, inside the
 * import's transaction. Throwing an error of a class named in `expectedErrors` leaves the import standing
 * with a note; any other error fails the document.
 */
export interface FoiResponseConverter {
  fromDecision(decisionId: number, actor: Actor, trx: Transaction<DB>): Promise<unknown>
}

export interface ImporterOptions {
  foiResponses?: FoiResponseConverter
  foiExpectedErrors?: Array<abstract new (...args: never[]) => Error>
}

type StoreInput = ImportedFile & { extraction: ExtractionResult; actor: Actor; existingDocumentId: number | null }

/** Stores one document and the record extracted from it, in one transaction, or nothing at all. */
export class DocumentImporter {
  private readonly documents: DocumentRepository

  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly options: ImporterOptions = {},
  ) {
    this.documents = new DocumentRepository(database.db)
  }

  /** `label` names the file in messages (the path as given); the stored file name is its last part. */
  async import(
    bytes: Uint8Array,
    label: string,
    actor: Actor,
    limits: { maxBytes: number; mediaType?: string; read?: Partial<ReadLimits> },
  ): Promise<ImportOutcome> {
    if (bytes.byteLength > limits.maxBytes) throw tooLarge(label, bytes.byteLength, limits.maxBytes)
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const existing = await this.documents.findBySha256(sha256)
    const storedAs = (fileName: string) => ({
      sha256,
      fileName,
      mediaType: mediaTypeOf(detectType(bytes, label, limits.mediaType), label),
    })
    if (existing?.decisionId)
      return {
        status: 'unchanged',
        decisionId: existing.decisionId,
        documentId: existing.id,
        document: storedAs(existing.fileName),
        notes: [],
      }

    let extraction: ExtractionResult
    try {
      extraction = await extractBuffer(bytes, label, {
        maxBytes: limits.maxBytes,
        mediaType: limits.mediaType,
        limits: limits.read,
      })
    } catch (error) {
      if (error instanceof ExtractError) throw ImportError.fromExtract(error)
      throw new ImportError(label, 'unreadable', 'the document could not be read', (error as Error).message)
    }
    const mediaType = mediaTypeOf(detectType(bytes, label, limits.mediaType), label)
    try {
      return await this.database.transaction((trx) =>
        this.store(trx, {
          bytes,
          label,
          sha256,
          mediaType,
          extraction,
          actor,
          existingDocumentId: existing?.id ?? null,
        }),
      )
    } catch (error) {
      const raced = await this.documents.findBySha256(sha256)
      if (raced?.decisionId && !existing)
        return {
          status: 'unchanged',
          decisionId: raced.decisionId,
          documentId: raced.id,
          document: storedAs(raced.fileName),
          notes: [],
        }
      throw error
    }
  }

  private async store(trx: Transaction<DB>, input: StoreInput): Promise<ImportOutcome> {
    const { text } = input.extraction
    const fileName = basename(input.label)
    const offices = new OfficeMatcher(trx)
    const office = await this.officeFor(offices, input.extraction.draft.office, input.label)
    // What reviewers taught the register about this office's layout comes before the generic extractor's choice.
    const { draft, record } = applyLearnedRules(
      text,
      input.extraction.draft,
      input.extraction.record,
      await rulesFor(trx, office.id, text),
    )
    await refuseDuplicateReference(trx, office, draft.reference, input.label)
    const documentId = await this.storeDocument(trx, input, fileName, record)

    const organisations = new OrganisationMatcher(trx, offices)
    const money = await importedParts(trx, organisations, draft)
    const decisionId = await new DecisionRepository(trx).create(
      await importedDecision(trx, draft, { office, documentId, text, fileName }, money),
      trx,
    )

    const notes = await this.convertFoiResponse(trx, draft.kind, decisionId, input.actor)
    await this.audit.recordChange(trx, input.actor, 'import', ['decision', decisionId], {
      after: importAuditEntry({ ...input, fileName }, documentId, office, draft, {
        awards: money.awards.length,
        contributions: money.contributions.length,
        organisationsToReview: organisations.createdNames,
      }),
    })
    return {
      status: 'imported',
      decisionId,
      documentId,
      document: { sha256: input.sha256, fileName, mediaType: input.mediaType },
      notes,
    }
  }

  /** Stores the document, or attaches the new extraction to the one a failed import left behind. */
  private async storeDocument(
    trx: Transaction<DB>,
    input: StoreInput,
    fileName: string,
    record: ExtractionResult['record'],
  ): Promise<number> {
    const { text } = input.extraction
    if (input.existingDocumentId) {
      await this.documents.attachExtraction(input.existingDocumentId, text, record, trx)
      return input.existingDocumentId
    }
    return this.documents.insert(
      {
        sha256: input.sha256,
        fileName,
        mediaType: input.mediaType,
        content: input.bytes,
        text,
        extraction: record,
        importedBy: input.actor.userId,
      },
      trx,
    )
  }

  private async officeFor(offices: OfficeMatcher, name: string | null, label: string): Promise<ImportOffice> {
    if (name?.trim()) return offices.findOrCreate(name)
    const home = await offices.homeOffice()
    if (!home)
      throw new ImportError(
        label,
        'no_office',
        'the document does not say which office published it, and the register has no office of its own to file it under',
      )
    return home
  }

  private async convertFoiResponse(
    trx: Transaction<DB>,
    kind: string,
    decisionId: number,
    actor: Actor,
  ): Promise<string[]> {
    const converter = this.options.foiResponses
    if (kind !== 'foi_response' || !converter) return []
    try {
      await converter.fromDecision(decisionId, actor, trx)
      return []
    } catch (error) {
      if (!(this.options.foiExpectedErrors ?? []).some((type) => error instanceof type)) throw error
      return [`no FOI request was recorded: ${(error as Error).message}`]
    }
  }
}

export function tooLarge(label: string, size: number, limit: number): ImportError {
  const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`
  return new ImportError(label, 'too_large', `the file is too large (${mb(size)}; the limit is ${mb(limit)})`)
}
