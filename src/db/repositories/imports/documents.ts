import { OfficeScope } from '../../../domain/office-scope.ts'
import { inOfficeScope } from '../office-scope.ts'
import { sql, type Kysely, type Transaction } from 'kysely'
import type { DB } from '../../tables/index.ts'

type Handle = Kysely<DB> | Transaction<DB>

export interface NewDocument {
  sha256: string
  fileName: string
  mediaType: string
  content: Uint8Array
  text: string
  extraction: unknown
  importedBy: number | null
}

export interface StoredDocumentRef {
  id: number
  fileName: string
  /** The decision record made from the document, if one was. */
  decisionId: number | null
}

export interface SourceDocument {
  id: number
  fileName: string
  mediaType: string
  sizeBytes: number
  text: string
  extraction: unknown
  createdAt: Date
}

export interface AwaitingReviewRow {
  decisionId: number
  reference: string | null
  title: string
  kind: string
  officeName: string
  fileName: string
  importedAt: Date
  errors: number
  warnings: number
}

/** Stored source documents: the original bytes, their text, and what the extraction made of them. */
export class DocumentRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The document with these bytes (by SHA-256), with the decision made from it. */
  async findBySha256(sha256: string, handle: Handle = this.db): Promise<StoredDocumentRef | undefined> {
    const row = await handle
      .selectFrom('documents as doc')
      .select(['doc.id', 'doc.file_name'])
      .select((eb) =>
        eb
          .selectFrom('decisions as d')
          .select('d.id')
          .whereRef('d.source_document_id', '=', 'doc.id')
          .orderBy('d.id')
          .limit(1)
          .as('decision_id'),
      )
      .where('doc.sha256', '=', sha256)
      .executeTakeFirst()
    return row && { id: row.id, fileName: row.file_name, decisionId: row.decision_id ?? null }
  }

  async insert(input: NewDocument, handle: Handle): Promise<number> {
    const { id } = await handle
      .insertInto('documents')
      .values({
        sha256: input.sha256,
        file_name: input.fileName,
        media_type: input.mediaType,
        size_bytes: input.content.byteLength,
        content: Buffer.from(input.content.buffer, input.content.byteOffset, input.content.byteLength),
        text: input.text,
        extraction: JSON.stringify(input.extraction),
        imported_by: input.importedBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return id
  }

  /** A document stored without being read (an upload kept as it came): its text and extraction, now that they exist. */
  async attachExtraction(id: number, text: string, extraction: unknown, handle: Handle): Promise<void> {
    await handle
      .updateTable('documents')
      .set({ text, extraction: JSON.stringify(extraction) })
      .where('id', '=', id)
      .execute()
  }

  async findSource(id: number, handle: Handle = this.db): Promise<SourceDocument | undefined> {
    const row = await handle
      .selectFrom('documents')
      .select(['id', 'file_name', 'media_type', 'size_bytes', 'text', 'extraction', 'created_at'])
      .where('id', '=', id)
      .executeTakeFirst()
    return (
      row && {
        id: row.id,
        fileName: row.file_name,
        mediaType: row.media_type,
        sizeBytes: row.size_bytes,
        text: row.text ?? '',
        extraction: row.extraction,
        createdAt: row.created_at,
      }
    )
  }

  async content(id: number): Promise<{ fileName: string; mediaType: string; content: Buffer } | undefined> {
    const row = await this.db
      .selectFrom('documents')
      .select(['file_name', 'media_type', 'content'])
      .where('id', '=', id)
      .executeTakeFirst()
    return row && { fileName: row.file_name, mediaType: row.media_type, content: row.content }
  }

  /** Imported records no person has confirmed yet, oldest first. */
  async awaitingReview(scope: OfficeScope = OfficeScope.system, limit = 500): Promise<AwaitingReviewRow[]> {
    const rows = await this.db
      .selectFrom('decisions as d')
      .innerJoin('documents as doc', 'doc.id', 'd.source_document_id')
      .innerJoin('organisations as o', 'o.id', 'd.office_id')
      .select(['d.id', 'd.reference', 'd.title', 'd.kind', 'o.name as office_name', 'doc.file_name', 'doc.created_at'])
      .select(
        sql<number>`(select count(*) from findings f where f.decision_id = d.id and f.severity = 'error')`.as('errors'),
      )
      .select(
        sql<number>`(select count(*) from findings f where f.decision_id = d.id and f.severity = 'warning')`.as(
          'warnings',
        ),
      )
      .where('d.status', '=', 'imported')
      .where('d.review_status', '=', 'unreviewed')
      .where(inOfficeScope(scope, 'd.office_id', { orArchive: true }))
      .orderBy('d.created_at')
      .orderBy('d.id')
      .limit(limit)
      .execute()
    return rows.map((r) => ({
      decisionId: r.id,
      reference: r.reference,
      title: r.title,
      kind: r.kind,
      officeName: r.office_name,
      fileName: r.file_name,
      importedAt: r.created_at,
      errors: Number(r.errors),
      warnings: Number(r.warnings),
    }))
  }
}
