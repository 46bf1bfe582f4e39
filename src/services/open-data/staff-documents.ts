import { createHash } from 'node:crypto'
import { AuditedService, type Actor } from '../audit/audit.ts'

export interface StoredDocument {
  id: number
  sha256: string
  fileName: string
  mediaType: string
  sizeBytes: number
  created: boolean
}

/** Keeps a document an office's script uploaded; the same bytes twice are one document. */
export class UploadedDocuments extends AuditedService {
  async store(
    file: { fileName: string; mediaType: string; content: Buffer },
    userId: number,
    actor: Actor,
  ): Promise<StoredDocument> {
    const sha256 = createHash('sha256').update(file.content).digest('hex')
    return this.database.transaction(async (trx) => {
      const existing = await trx
        .selectFrom('documents')
        .select(['id', 'sha256', 'file_name', 'media_type', 'size_bytes'])
        .where('sha256', '=', sha256)
        .executeTakeFirst()
      if (existing)
        return {
          id: existing.id,
          sha256,
          fileName: existing.file_name,
          mediaType: existing.media_type,
          sizeBytes: existing.size_bytes,
          created: false,
        }
      const row = await trx
        .insertInto('documents')
        .values({
          sha256,
          file_name: file.fileName,
          media_type: file.mediaType,
          size_bytes: file.content.length,
          content: file.content,
          imported_by: userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await this.audit.recordChange(trx, actor, 'document.upload', ['document', row.id], {
        after: { fileName: file.fileName, mediaType: file.mediaType, sizeBytes: file.content.length, sha256 },
      })
      return {
        id: row.id,
        sha256,
        fileName: file.fileName,
        mediaType: file.mediaType,
        sizeBytes: file.content.length,
        created: true,
      }
    })
  }
}
