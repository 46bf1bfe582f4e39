import type { Kysely } from 'kysely'
import type { DB } from '../../tables/index.ts'
import { publicDecision } from '../public.ts'

export interface PublicDocumentInfo {
  fileName: string
  mediaType: string
  sizeBytes: number
}

const DOCUMENT_INFO = [
  'doc.file_name as fileName',
  'doc.media_type as mediaType',
  'doc.size_bytes as sizeBytes',
] as const

/** The decision at `slug` (`d`) if the public may see it, to join what may be downloaded from its page. */
function publicDecisionAt(db: Kysely<DB>, slug: string) {
  return db.selectFrom('decisions as d').where('d.slug', '=', slug).where(publicDecision)
}

/** The original published document behind an imported record the public may see in full. */
export class PublicDocumentRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private query(slug: string) {
    return publicDecisionAt(this.db, slug).innerJoin('documents as doc', 'doc.id', 'd.source_document_id')
  }

  async info(slug: string): Promise<PublicDocumentInfo | undefined> {
    return this.query(slug).select(DOCUMENT_INFO).executeTakeFirst()
  }

  async content(slug: string): Promise<(PublicDocumentInfo & { content: Buffer }) | undefined> {
    return this.query(slug)
      .select([...DOCUMENT_INFO, 'doc.content'])
      .executeTakeFirst()
  }
}

export interface PublicAppendix extends PublicDocumentInfo {
  id: number
  title: string
}

/**
 * The appendices of a published decision the public may see: never a withheld one, and none of a confidential
 * decision (its page is a stub).
 */
export class PublicAppendixRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private query(slug: string) {
    return publicDecisionAt(this.db, slug)
      .innerJoin('decision_appendices as a', 'a.decision_id', 'd.id')
      .where('a.withheld', '=', false)
  }

  async list(slug: string): Promise<PublicAppendix[]> {
    const rows = await this.query(slug)
      .select(['a.id', 'a.title', 'a.file_name', 'a.media_type', 'a.size_bytes'])
      .orderBy('a.id')
      .execute()
    return rows.map(appendixFile)
  }

  async content(slug: string, id: number): Promise<(PublicAppendix & { content: Buffer }) | undefined> {
    const r = await this.query(slug)
      .where('a.id', '=', id)
      .select(['a.id', 'a.title', 'a.file_name', 'a.media_type', 'a.size_bytes', 'a.content'])
      .executeTakeFirst()
    return r && { ...appendixFile(r), content: r.content }
  }
}

/** An appendix row's title and file as the register shows them. */
export function appendixFile(row: {
  id: number
  title: string
  file_name: string
  media_type: string
  size_bytes: number | string
}): PublicAppendix {
  return {
    id: row.id,
    title: row.title,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: Number(row.size_bytes),
  }
}
