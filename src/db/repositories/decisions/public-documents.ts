import type { Kysely } from 'kysely'
import type { DB } from '../../tables/index.ts'
import { publicDecision } from '../public.ts'

export interface PublicDocumentInfo {
  fileName: string
  mediaType: string
  sizeBytes: number
}

/** The original published document behind an imported record the public may see in full. */
export class PublicDocumentRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private query(slug: string) {
    return this.db
      .selectFrom('decisions as d')
      .innerJoin('documents as doc', 'doc.id', 'd.source_document_id')
      .where('d.slug', '=', slug)
      .where(publicDecision)
  }

  async info(slug: string): Promise<PublicDocumentInfo | undefined> {
    return this.query(slug)
      .select(['doc.file_name as fileName', 'doc.media_type as mediaType', 'doc.size_bytes as sizeBytes'])
      .executeTakeFirst()
  }

  async content(slug: string): Promise<(PublicDocumentInfo & { content: Buffer }) | undefined> {
    return this.query(slug)
      .select([
        'doc.file_name as fileName',
        'doc.media_type as mediaType',
        'doc.size_bytes as sizeBytes',
        'doc.content',
      ])
      .executeTakeFirst()
  }
}
