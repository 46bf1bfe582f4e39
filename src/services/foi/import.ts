import type { Selectable, Transaction } from 'kysely'
import { FoiRepository } from '../../db/repositories/foi/foi.ts'
import type { DB, DecisionSectionsTable, DecisionsTable } from '../../db/tables/index.ts'
import { PUBLIC_STATUSES } from '../../domain/decision.ts'
import { AuditedService, type Actor } from '../audit/audit.ts'
import { auditSnapshot } from './requests.ts'

export class FoiImportError extends Error {}

export interface FoiImportResult {
  requestId: number
  /** False when the decision already had its FOI record, or one with the same reference was linked to it. */
  created: boolean
}

/**
 * Turns an FOI response held as a decision record (kind 'foi_response', as imported from a published
 * document) into an FOI request: each section a question with its answer, withheld sections as
 * questions answered by an exemption. Imported documents do not carry the requester, so none is stored.
 */
export class FoiImporter extends AuditedService {
  async fromDecision(decisionId: number, actor: Actor, trx?: Transaction<DB>): Promise<FoiImportResult> {
    if (trx) return this.importIn(trx, decisionId, actor)
    return this.database.transaction((t) => this.importIn(t, decisionId, actor))
  }

  private async importIn(trx: Transaction<DB>, decisionId: number, actor: Actor): Promise<FoiImportResult> {
    const requests = new FoiRepository(this.database.db)
    const decision = await trx.selectFrom('decisions').selectAll().where('id', '=', decisionId).executeTakeFirst()
    if (!decision) throw new FoiImportError(`There is no decision ${decisionId}`)
    if (decision.kind !== 'foi_response')
      throw new FoiImportError(`Decision ${decision.reference ?? decisionId} is not an FOI response`)
    const linked = await requests.findByDecision(decisionId, trx)
    if (linked) return { requestId: linked.id, created: false }
    const relinked = await this.linkRequestOfSameReference(trx, requests, decision, actor)
    if (relinked) return relinked

    const receivedOn = decision.date_received ?? decision.date_decided
    if (!receivedOn)
      throw new FoiImportError(
        `FOI response ${decision.reference ?? decisionId} gives neither the date the request was received nor the date it was answered`,
      )
    const answeredOn = decision.date_decided && decision.date_decided >= receivedOn ? decision.date_decided : null
    const sections = await trx
      .selectFrom('decision_sections')
      .selectAll()
      .where('decision_id', '=', decisionId)
      .orderBy('position')
      .execute()
    const reference =
      decision.reference ?? (await requests.nextReference(decision.office_id, Number(receivedOn.slice(0, 4)), trx))

    const { id } = await requests.insert(
      {
        officeId: decision.office_id,
        reference,
        receivedOn,
        channel: 'other',
        requesterName: null,
        requesterContact: null,
        summary: decision.executive_summary ?? decision.title,
        status: answeredOn ? 'answered' : 'received',
        outcome: answeredOn ? (sections.some((s) => s.withheld) ? 'released_in_part' : 'released_in_full') : null,
        answeredOn,
        publishedOn: publishedOn(decision, answeredOn),
        decisionId,
        questions: questionsOf(decision, sections).filter((q) => q.question.trim()),
      },
      trx,
    )
    const record = await requests.find(id, trx)
    await this.audit.recordChange(trx, actor, 'import', ['foi_request', id], {
      after: { ...auditSnapshot(record!.request), fromDecision: decisionId },
    })
    return { requestId: id, created: true }
  }

  /** Links the office's FOI request of the response's reference to it, unless another response holds that request. */
  private async linkRequestOfSameReference(
    trx: Transaction<DB>,
    requests: FoiRepository,
    decision: Selectable<DecisionsTable>,
    actor: Actor,
  ): Promise<FoiImportResult | null> {
    if (!decision.reference) return null
    const existing = await requests.findByReference(decision.office_id, decision.reference, trx)
    if (!existing) return null
    if (existing.decision_id !== null)
      throw new FoiImportError(`FOI request ${decision.reference} already belongs to another response`)
    await requests.update(existing.id, { decision_id: decision.id }, trx)
    await this.audit.recordChange(trx, actor, 'link_response', ['foi_request', existing.id], {
      before: { decision_id: null },
      after: { decision_id: decision.id },
    })
    return { requestId: existing.id, created: false }
  }
}

/** Each section a question with its answer, a withheld one answered by its exemption; else the title and summary. */
function questionsOf(decision: Selectable<DecisionsTable>, sections: Selectable<DecisionSectionsTable>[]) {
  if (!sections.length)
    return [
      {
        question: decision.title,
        answer: decision.executive_summary ?? decision.decision_text ?? (decision.public_text || null),
      },
    ]
  return sections.map((s) =>
    s.withheld
      ? { question: s.heading, answer: null, exemption: exemptionCode(s.exemption) }
      : { question: s.heading, answer: s.body },
  )
}

/** A public response was published when the register published it, and never before it was answered. */
function publishedOn(decision: Selectable<DecisionsTable>, answeredOn: string | null): string | null {
  const published =
    PUBLIC_STATUSES.includes(decision.status) &&
    decision.review_status === 'reviewed' &&
    decision.classification !== 'confidential'
  if (!answeredOn || !published) return null
  return decision.date_published && decision.date_published >= answeredOn ? decision.date_published : answeredOn
}

/** "section 43", "S43", "s. 43(2)" → "s.43"; anything else as written. */
function exemptionCode(text: string | null): string | null {
  const section = /^\s*(?:s(?:ection)?\.?\s?)(\d{1,2})/i.exec(text ?? '')?.[1]
  return section ? `s.${section}` : text
}
