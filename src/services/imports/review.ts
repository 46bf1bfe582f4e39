import { OfficeScope } from '../../domain/office-scope.ts'
import type { Transaction } from 'kysely'
import { DecisionRepository, type DecisionDetail } from '../../db/repositories/decisions/decisions.ts'
import {
  DocumentRepository,
  type AwaitingReviewRow,
  type SourceDocument,
} from '../../db/repositories/imports/documents.ts'
import { OrganisationRepository } from '../../db/repositories/ledger/organisations.ts'
import type { DB } from '../../db/tables/index.ts'
import { slugify } from '../../domain/slug.ts'
import type { ExtractedRecord } from '../../extract/index.ts'
import { AuditedService, type Actor } from '../audit/audit.ts'
import { FormError } from '../shared/form-error.ts'
import { publicTextWithStoredSections } from '../shared/public-text.ts'
import { acknowledgeErrors, type Acknowledgement } from './acknowledgements.ts'
import { areaIdsFor } from './areas.ts'
import { OfficeMatcher } from './offices.ts'
import { OrganisationMatcher } from './organisations.ts'
import { snapshot } from './review-snapshot.ts'
import type { ReviewInput } from './review-types.ts'
import { confirmedColumns, learnFromReview, lockImportedRecord, reviewingOffice } from './review-steps.ts'

export interface ImportReview {
  detail: DecisionDetail
  document: SourceDocument
  /** What the extraction made of the document, with the source line of each value. */
  extraction: ExtractedRecord | null
  offices: Array<{ id: number; name: string; shortName: string }>
}

/** A person checks an imported record against its source, corrects it and confirms it: only then is it public. */
export class ImportReviewService extends AuditedService {
  private readonly decisions = new DecisionRepository(this.database.db)
  private readonly documents = new DocumentRepository(this.database.db)

  /** Imported records of the scope's offices and of archives (offices nobody works for). */
  awaitingReview(scope: OfficeScope = OfficeScope.system): Promise<AwaitingReviewRow[]> {
    return this.documents.awaitingReview(scope)
  }

  /** An imported record with its source document; undefined for anything that is not an imported record. */
  async review(decisionId: number, scope: OfficeScope = OfficeScope.system): Promise<ImportReview | undefined> {
    const detail = await this.decisions.findById(decisionId, scope, { orArchive: true })
    if (!detail || detail.decision.status !== 'imported' || detail.decision.source_document_id === null)
      return undefined
    const document = await this.documents.findSource(detail.decision.source_document_id)
    if (!document) return undefined
    const offices = await new OrganisationRepository(this.database.db).listOffices()
    return { detail, document, extraction: (document.extraction as ExtractedRecord | null) ?? null, offices }
  }

  /**
   * Saves the corrections and marks the record reviewed, in one transaction with its audit entry. Refuses
   * a save made on an older version of the record (StaleReviewError) and input the register cannot hold
   * (FormError, by field), and a record with an Error finding not acknowledged with a reason. Returns the
   * record's public address.
   */
  async confirm(
    decisionId: number,
    version: number,
    input: ReviewInput,
    actor: Actor,
    acknowledgements: Acknowledgement[] = [],
  ): Promise<{ slug: string }> {
    return this.database.transaction(async (trx) => {
      const before = await lockImportedRecord(trx, decisionId, version, actor)
      const office = await reviewingOffice(trx, input.officeId, actor)
      const slug = `${slugify(office.short_name)}-${slugify(input.reference)}`
      await this.checkReferenceIsFree(trx, decisionId, input, slug, office.short_name)
      await acknowledgeErrors(trx, this.audit, decisionId, acknowledgements, actor)

      const snapshotBefore = await snapshot(trx, decisionId)
      const text = await publicTextWithStoredSections(trx, decisionId, {
        classification: before.classification,
        executiveSummary: input.summary,
        decisionText: input.decisionText,
      })
      await trx
        .updateTable('decisions')
        .set(confirmedColumns(before, input, office, { slug, publicText: text }))
        .where('id', '=', decisionId)
        .execute()
      await this.replaceParts(trx, decisionId, input)
      await learnFromReview(trx, this.audit, { before, imported: snapshotBefore, input, actor })
      await this.audit.recordChange(trx, actor, 'import.confirm', ['decision', decisionId], {
        before: snapshotBefore,
        after: await snapshot(trx, decisionId),
      })
      return { slug }
    })
  }

  private async checkReferenceIsFree(
    trx: Transaction<DB>,
    decisionId: number,
    input: ReviewInput,
    slug: string,
    officeName: string,
  ): Promise<void> {
    const clash = await trx
      .selectFrom('decisions')
      .select(['id', 'office_id', 'reference'])
      .where('id', '<>', decisionId)
      .where((eb) =>
        eb.or([
          eb.and([eb('office_id', '=', input.officeId), eb('reference', '=', input.reference)]),
          eb('slug', '=', slug),
        ]),
      )
      .executeTakeFirst()
    if (clash)
      throw new FormError({
        reference: `The register already holds ${officeName} decision ${clash.reference ?? input.reference}: check the reference`,
      })
  }

  private async replaceParts(trx: Transaction<DB>, decisionId: number, input: ReviewInput): Promise<void> {
    await trx.deleteFrom('awards').where('decision_id', '=', decisionId).execute()
    await trx.deleteFrom('contributions').where('decision_id', '=', decisionId).execute()
    await trx.deleteFrom('decision_areas').where('decision_id', '=', decisionId).execute()
    const organisations = new OrganisationMatcher(trx, new OfficeMatcher(trx))
    const awards = []
    for (const [position, a] of input.awards.entries()) {
      awards.push({
        decision_id: decisionId,
        position,
        recipient_id: (await organisations.match(a.recipient, 'provider')).id,
        recipient_name: a.recipient,
        amount_pence: a.amountPence,
        period_label: a.periodLabel,
        period_start: a.periodStart,
        period_end: a.periodEnd,
        financial_year: a.financialYear,
        per_annum: a.perAnnum,
        up_to: a.upTo,
        via_id: a.via ? (await organisations.match(a.via, 'council')).id : null,
        route: a.route,
      })
    }
    if (awards.length) await trx.insertInto('awards').values(awards).execute()
    const contributions = []
    for (const c of input.contributions) {
      contributions.push({
        decision_id: decisionId,
        organisation_id: (await organisations.match(c.organisation, 'other')).id,
        organisation_name: c.organisation,
        amount_pence: c.amountPence,
        per_annum: c.perAnnum,
        up_to: c.upTo,
      })
    }
    if (contributions.length) await trx.insertInto('contributions').values(contributions).execute()
    const areaIds = await areaIdsFor(input.areas, trx)
    if (areaIds.length)
      await trx
        .insertInto('decision_areas')
        .values(areaIds.map((area_id) => ({ decision_id: decisionId, area_id })))
        .execute()
  }
}
