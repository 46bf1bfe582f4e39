import { inOfficeScope } from '../../../db/repositories/office-scope.ts'
import { OfficeScope } from '../../../domain/office-scope.ts'
import type { Kysely } from 'kysely'
import type { Classification, DecisionKind, DecisionStatus } from '../../../domain/decision.ts'
import type { DB } from '../../../db/tables/index.ts'
import { newestFirstPage, type Page, type PageRequest } from './page.ts'

export interface StaffDecisionFilter extends PageRequest {
  /** The offices the caller may reach: staff never list another office's drafts. */
  scope?: OfficeScope
  status?: DecisionStatus
  officeId?: number
  reviewStatus?: 'reviewed' | 'unreviewed'
}

export interface StaffApiDecision {
  id: number
  reference: string | null
  title: string
  kind: DecisionKind
  status: DecisionStatus
  reviewStatus: 'reviewed' | 'unreviewed'
  classification: Classification
  officeId: number
  dateReceived: string | null
  dateDecided: string | null
  datePublished: string | null
  sourceDocumentId: number | null
  version: number
  updatedAt: string
}

/** Every decision whatever its status, for an office's own scripts (read-scoped tokens). */
export class StaffDecisionQueries {
  constructor(private readonly db: Kysely<DB>) {}

  async list(filter: StaffDecisionFilter): Promise<Page<StaffApiDecision>> {
    let query = this.db
      .selectFrom('decisions')
      .select([
        'id',
        'reference',
        'title',
        'kind',
        'status',
        'review_status',
        'classification',
        'office_id',
        'date_received',
        'date_decided',
        'date_published',
        'source_document_id',
        'version',
        'updated_at',
      ])
    query = query.where(inOfficeScope(filter.scope ?? OfficeScope.system, 'office_id'))
    if (filter.status) query = query.where('status', '=', filter.status)
    if (filter.officeId) query = query.where('office_id', '=', filter.officeId)
    if (filter.reviewStatus) query = query.where('review_status', '=', filter.reviewStatus)
    return newestFirstPage(query, 'id', filter, (items) =>
      items.map((r) => ({
        id: r.id,
        reference: r.reference,
        title: r.title,
        kind: r.kind,
        status: r.status,
        reviewStatus: r.review_status,
        classification: r.classification,
        officeId: r.office_id,
        dateReceived: r.date_received,
        dateDecided: r.date_decided,
        datePublished: r.date_published,
        sourceDocumentId: r.source_document_id,
        version: r.version,
        updatedAt: r.updated_at.toISOString(),
      })),
    )
  }
}
