/**
 * Import of published documents: each becomes a stored document and an imported, unreviewed record;
 * a person reviews and confirms it before the public register shows it.
 *
 *   importDocument(bytes, fileName, actor)  one uploaded document (the staff page, the staff API); read in a
 *                                           worker thread within the IMPORT_… limits, never on the web thread
 *   importFile(path, actor)                 one file on disk (the command line)
 *   awaitingReview() / review(id) / confirm(id, version, input, actor)   the review
 */
import type { OfficeScope } from '../../domain/office-scope.ts'
import { readFile, stat } from 'node:fs/promises'
import type { Database } from '../../db/database.ts'
import { DocumentRepository } from '../../db/repositories/imports/documents.ts'
import { loadConfig } from '../../config.ts'
import { readLimits, type ReadLimits } from '../../extract/index.ts'
import { AuditService, type Actor } from '../audit/audit.ts'
import { ImportError } from './errors.ts'
import { DocumentImporter, tooLarge, type ImporterOptions, type ImportOutcome } from './importer.ts'
import { ImportReviewService } from './review.ts'
import type { ReviewInput } from './review-types.ts'
import type { Acknowledgement } from './acknowledgements.ts'

export { ImportError, StaleReviewError } from './errors.ts'
export type { FoiResponseConverter, ImportOutcome } from './importer.ts'
export { documentsIn, IMPORTABLE_EXTENSIONS } from './files.ts'
export { parseReview, reviewValuesFrom } from './review-form.ts'
export type { ReviewInput, ReviewValues, AwardRowValues, ContributionRowValues } from './review-types.ts'
export type { ImportReview } from './review.ts'
export {
  acknowledgementValuesFrom,
  parseAcknowledgements,
  type Acknowledgement,
  type AcknowledgementValues,
} from './acknowledgements.ts'

export interface ImportServiceOptions extends ImporterOptions {
  /** The largest document accepted (default: MAX_UPLOAD_BYTES, 25 MB). */
  maxBytes?: number
  /** Pages, characters, expansion, time and memory for reading one document (default: the IMPORT_… settings). */
  readLimits?: Partial<ReadLimits>
}

export class ImportService {
  readonly maxBytes: number
  readonly readLimits: ReadLimits
  private readonly importer: DocumentImporter
  private readonly reviews: ImportReviewService
  private readonly documents: DocumentRepository

  constructor(database: Database, options: ImportServiceOptions = {}) {
    const audit = new AuditService(database)
    const config = loadConfig()
    this.maxBytes = options.maxBytes ?? config.maxUploadBytes
    this.readLimits = readLimits({ ...config.importLimits, ...options.readLimits })
    this.importer = new DocumentImporter(database, audit, options)
    this.reviews = new ImportReviewService(database)
    this.documents = new DocumentRepository(database.db)
  }

  /**
   * Stores a document and the record extracted from it, unreviewed; the same bytes a second time change
   * nothing ('unchanged', with the record made the first time). Throws ImportError, naming the file and
   * the reason, for a document that cannot be imported; then nothing of it is stored.
   */
  importDocument(
    bytes: Uint8Array,
    fileName: string,
    actor: Actor,
    options: { mediaType?: string } = {},
  ): Promise<ImportOutcome> {
    return this.importer.import(bytes, fileName, actor, {
      maxBytes: this.maxBytes,
      mediaType: options.mediaType,
      read: this.readLimits,
    })
  }

  /** A file on disk; its size is checked before it is read. */
  async importFile(path: string, actor: Actor): Promise<ImportOutcome> {
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      throw new ImportError(
        path,
        'unreadable',
        error.code === 'ENOENT' ? 'no such file' : `the file cannot be read (${error.message})`,
      )
    })
    if (!info.isFile()) throw new ImportError(path, 'unreadable', 'not a file')
    if (info.size > this.maxBytes) throw tooLarge(path, info.size, this.maxBytes)
    return this.importDocument(await readFile(path), path, actor)
  }

  awaitingReview(scope?: OfficeScope) {
    return this.reviews.awaitingReview(scope)
  }

  review(decisionId: number, scope?: OfficeScope) {
    return this.reviews.review(decisionId, scope)
  }

  /** The bytes of a stored document as they were imported. */
  originalDocument(documentId: number) {
    return this.documents.content(documentId)
  }

  /** Confirms a reviewed record; each Error finding must be among the acknowledgements, with a reason. */
  confirm(
    decisionId: number,
    version: number,
    input: ReviewInput,
    actor: Actor,
    acknowledgements: Acknowledgement[] = [],
  ) {
    return this.reviews.confirm(decisionId, version, input, actor, acknowledgements)
  }
}
