import type { Database } from '../../db/database.ts'
import { FoiRepository, type PublicFoiQuestion, type PublicFoiRequest } from '../../db/repositories/foi/foi.ts'
import { publicationDelay, type PublicationDelay } from '../../domain/foi-clock.ts'

export interface DisclosureLogEntry extends PublicFoiRequest {
  publication: PublicationDelay
}

export interface DisclosureLogPage {
  rows: DisclosureLogEntry[]
  total: number
  page: number
  pageSize: number
  pageCount: number
}

export const DISCLOSURE_LOG_PAGE_SIZE = 25

/**
 * The public disclosure log: answered and published requests with their questions and answers. The
 * requester is never read here, so no page built from it can show them.
 */
export class DisclosureLogService {
  private readonly requests: FoiRepository

  constructor(database: Database) {
    this.requests = new FoiRepository(database.db)
  }

  async search(filter: { text?: string; page?: number; offices?: readonly number[] }): Promise<DisclosureLogPage> {
    const page = Math.max(1, filter.page ?? 1)
    const { rows, total } = await this.requests.disclosureLog({
      text: filter.text?.trim() || undefined,
      page,
      pageSize: DISCLOSURE_LOG_PAGE_SIZE,
      offices: filter.offices,
    })
    return {
      rows: rows.map(withDelay),
      total,
      page,
      pageSize: DISCLOSURE_LOG_PAGE_SIZE,
      pageCount: Math.max(1, Math.ceil(total / DISCLOSURE_LOG_PAGE_SIZE)),
    }
  }

  async entry(slug: string): Promise<{ request: DisclosureLogEntry; questions: PublicFoiQuestion[] } | undefined> {
    const found = await this.requests.publishedBySlug(slug)
    return found && { request: withDelay(found.request), questions: found.questions }
  }

  /** The address of the one published entry with this bare reference ("10653", "7617/13"), if exactly one. */
  async slugForReference(reference: string): Promise<string | null> {
    const matches = await this.requests.publishedSlugsByReference(reference)
    return matches.length === 1 ? matches[0]!.slug : null
  }
}

function withDelay(request: PublicFoiRequest): DisclosureLogEntry {
  return { ...request, publication: publicationDelay(request.answeredOn, request.publishedOn, request.publishedOn) }
}
