import { createHash } from 'node:crypto'
import { type ExpressionBuilder, type Transaction } from 'kysely'
import type { Database } from '../../db/database.ts'
import { DecisionRepository } from '../../db/repositories/decisions/decisions.ts'
import {
  DraftPartsRepository,
  type AppendixSummary,
  type CompletableTask,
} from '../../db/repositories/decisions/draft-parts.ts'
import { OrganisationRepository } from '../../db/repositories/ledger/organisations.ts'
import type { DB } from '../../db/tables/index.ts'
import { slugify } from '../../domain/slug.ts'
import { isEditable } from '../../domain/workflow.ts'
import { type Actor } from '../audit/audit.ts'
import type { AppendixUpload, AreaDetails, AwardDetails, ContributionDetails } from './draft-part-types.ts'
import { WorkflowError } from './workflow-types.ts'
import { assertHolds, snapshot } from './workflow-records.ts'
import { DraftEditing } from './workflow-drafts.ts'
import { checkChoices, organisationFor } from './part-checks.ts'
import { taskStatuses, type TaskStatus } from './tasks.ts'

/** The task list's parts of a draft, one at a time: areas, each award and contribution, appendices, completion. */
export class DraftParts extends DraftEditing {
  protected get parts(): DraftPartsRepository {
    return new DraftPartsRepository(this.database.db)
  }

  /** Every section of the task list and where it stands, with the draft's appendices. */
  async taskList(id: number, handle: Transaction<DB> | Database['db'] = this.database.db): Promise<TaskStatus[]> {
    const parts = new DraftPartsRepository(handle)
    const [detail, completed, appendices] = await Promise.all([
      new DecisionRepository(handle).findById(id),
      parts.tasksCompleted(id, handle),
      parts.appendices(id, handle),
    ])
    if (!detail) throw new WorkflowError('There is no such decision')
    return taskStatuses(detail, completed, appendices)
  }

  appendices(id: number): Promise<AppendixSummary[]> {
    return this.parts.appendices(id)
  }

  appendixFile(id: number, appendixId: number) {
    return this.parts.appendixFile(id, appendixId)
  }

  areaChoices(id: number) {
    return this.parts.areaChoices(id)
  }

  organisationNames(query: string) {
    return this.parts.organisationNames(query)
  }

  /** The organisation a typed name is, exactly by name or alias; else those it looks like. */
  async matchOrganisation(
    name: string,
  ): Promise<{ match: { id: number; name: string } } | { lookalikes: Array<{ id: number; name: string }> }> {
    const known = await new OrganisationRepository(this.database.db).findByNameOrAlias(name)
    if (known && known.merged_into_id === null) return { match: { id: known.id, name: known.name } }
    return { lookalikes: await this.parts.lookalikes(name) }
  }

  serviceChoices(officeId: number) {
    return this.parts.serviceChoices(officeId)
  }

  saveAreas(id: number, version: number, input: AreaDetails, actor: Actor): Promise<void> {
    return this.editDraft(id, version, actor, 'update areas', async (trx) => {
      const ids = [...new Set(input.areaIds)]
      if (ids.length) {
        const known = await trx.selectFrom('areas').select('id').where('id', 'in', ids).execute()
        if (known.length !== ids.length) throw new WorkflowError('Choose areas from the list', 'areas')
      }
      if (input.newArea) {
        const existing = await trx
          .selectFrom('areas')
          .select('id')
          .where((eb) => eb(eb.fn('lower', ['name']), '=', input.newArea!.name.toLowerCase()))
          .executeTakeFirst()
        if (existing) ids.push(existing.id)
        else {
          const base = slugify(input.newArea.name) || 'area'
          let slug = base
          for (let n = 2; await trx.selectFrom('areas').select('id').where('slug', '=', slug).executeTakeFirst(); n++)
            slug = `${base}-${n}`
          const created = await trx
            .insertInto('areas')
            .values({ name: input.newArea.name, slug, kind: 'other', gss_code: input.newArea.gssCode })
            .returning('id')
            .executeTakeFirstOrThrow()
          ids.push(created.id)
        }
      }
      if (!ids.length) throw new WorkflowError('Choose at least one area, or add one', 'areas')
      await trx.deleteFrom('decision_areas').where('decision_id', '=', id).execute()
      await trx
        .insertInto('decision_areas')
        .values([...new Set(ids)].map((area_id) => ({ decision_id: id, area_id })))
        .execute()
      await this.parts.markTask(trx, id, 'areas', true)
    })
  }

  /** Adds an award (awardId null) or changes one; new organisation names are added for the ledger team to confirm. */
  saveAward(id: number, version: number, awardId: number | null, award: AwardDetails, actor: Actor): Promise<void> {
    return this.editDraft(id, version, actor, awardId ? 'change an award' : 'add an award', async (trx, before) => {
      await checkChoices(trx, before, award.fundingStreamId, award.serviceId)
      const recipient = await organisationFor(trx, award.recipient, 'provider', 'recipient')
      const via = award.via ? await organisationFor(trx, award.via, 'council', 'via') : null
      const values = {
        recipient_id: recipient.id,
        recipient_name: recipient.name,
        amount_pence: award.amountPence,
        per_annum: award.perAnnum,
        up_to: award.upTo,
        period_label: award.periodLabel,
        period_start: award.periodStart,
        period_end: award.periodEnd,
        financial_year: award.financialYear,
        funding_stream_id: award.fundingStreamId,
        route: award.route,
        route_justification: award.route === 'direct_award' ? award.routeJustification : null,
        via_id: via?.id ?? null,
        purpose: award.purpose,
        condition: award.condition,
        service_id: award.serviceId,
        withheld: before.awards_exemption !== null,
      }
      if (awardId === null) {
        const last = await trx
          .selectFrom('awards')
          .select((eb) => eb.fn.max('position').as('p'))
          .where('decision_id', '=', id)
          .executeTakeFirst()
        const position = last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 1
        await trx
          .insertInto('awards')
          .values({ ...values, decision_id: id, position })
          .execute()
      } else {
        const updated = await trx.updateTable('awards').set(values).where(partOf(id, awardId)).executeTakeFirst()
        if (!updated.numUpdatedRows) throw new WorkflowError('This award has been removed', 'recipient')
      }
    })
  }

  removeAward(id: number, version: number, awardId: number, actor: Actor): Promise<void> {
    return this.removePart(id, version, actor, 'awards', awardId)
  }

  saveContribution(
    id: number,
    version: number,
    contributionId: number | null,
    input: ContributionDetails,
    actor: Actor,
  ): Promise<void> {
    const action = contributionId ? 'change a partner contribution' : 'add a partner contribution'
    return this.editDraft(id, version, actor, action, async (trx, before) => {
      await checkChoices(trx, before, input.fundingStreamId ?? null, input.serviceId, 'fundingStream')
      const partner = await organisationFor(trx, input.partner, 'council', 'partner')
      const values = {
        organisation_id: partner.id,
        organisation_name: partner.name,
        amount_pence: input.amountPence,
        per_annum: input.perAnnum,
        up_to: input.upTo,
        financial_year: input.financialYear,
        condition: input.condition,
        pro_rata_with_partners: input.proRataWithPartners,
        service_id: input.serviceId,
        subject_to_funding: input.subjectToFunding ?? false,
        funding_stream_id: input.subjectToFunding ? (input.fundingStreamId ?? null) : null,
        funding_condition: input.subjectToFunding ? (input.fundingCondition ?? null) : null,
      }
      if (contributionId === null)
        await trx
          .insertInto('contributions')
          .values({ ...values, decision_id: id })
          .execute()
      else {
        const updated = await trx
          .updateTable('contributions')
          .set(values)
          .where(partOf(id, contributionId))
          .executeTakeFirst()
        if (!updated.numUpdatedRows) throw new WorkflowError('This contribution has been removed', 'partner')
      }
    })
  }

  removeContribution(id: number, version: number, contributionId: number, actor: Actor): Promise<void> {
    return this.removePart(id, version, actor, 'contributions', contributionId)
  }

  /** Removes one of the draft's awards or contributions, refusing one that was already gone. */
  private removePart(id: number, version: number, actor: Actor, table: PartTable, partId: number): Promise<void> {
    return this.editDraft(id, version, actor, PART_WORDS[table].remove, async (trx) => {
      const removed = await trx.deleteFrom(table).where(partOf(id, partId)).executeTakeFirst()
      if (!removed.numDeletedRows) throw new WorkflowError(PART_WORDS[table].alreadyRemoved)
    })
  }

  addAppendix(id: number, version: number, upload: AppendixUpload, actor: Actor): Promise<void> {
    return this.editDraft(id, version, actor, 'add an appendix', async (trx) => {
      await trx
        .insertInto('decision_appendices')
        .values({
          decision_id: id,
          title: upload.title,
          file_name: upload.fileName,
          media_type: upload.mediaType,
          size_bytes: upload.content.length,
          sha256: createHash('sha256').update(upload.content).digest('hex'),
          content: upload.content,
          withheld: upload.exemption !== null,
          exemption: upload.exemption,
        })
        .execute()
    })
  }

  removeAppendix(id: number, version: number, appendixId: number, actor: Actor): Promise<void> {
    return this.editDraft(id, version, actor, 'remove an appendix', async (trx) => {
      await trx.deleteFrom('decision_appendices').where('id', '=', appendixId).where('decision_id', '=', id).execute()
    })
  }

  /** The officer's answer to "Have you completed this section?". */
  markTask(id: number, version: number, task: CompletableTask, completed: boolean, actor: Actor): Promise<void> {
    const action = `mark ${task} as ${completed ? 'completed' : 'not completed'}`
    return this.editDraft(id, version, actor, action, (trx) => this.parts.markTask(trx, id, task, completed))
  }

  /**
   * Deletes a draft that has never been submitted (a submitted one holds a reference, which must never be
   * reused or leave a gap). The audit log keeps what it held.
   */
  async deleteDraft(id: number, version: number, actor: Actor): Promise<string> {
    return this.database.transaction(async (trx) => {
      const before = await trx.selectFrom('decisions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
      if (!before) throw new WorkflowError('There is no such decision')
      if (before.version !== version)
        throw new WorkflowError('Someone saved this draft after you opened it: check it again')
      if (!isEditable(before.status)) throw new WorkflowError('Only a draft can be deleted')
      assertHolds(before, actor, 'change')
      if (before.reference)
        throw new WorkflowError(
          `This draft has been submitted before and holds the reference ${before.reference}, so it cannot be deleted`,
        )
      const beforeSnapshot = await snapshot(trx, id)
      await trx.deleteFrom('decisions').where('id', '=', id).execute()
      await this.audit.recordChange(trx, actor, 'delete draft', ['decision', id], {
        before: beforeSnapshot,
      })
      return before.title
    })
  }
}

type PartTable = 'awards' | 'contributions'

/** What the audit log and the refusal call removing each kind of part. */
const PART_WORDS: Record<PartTable, { remove: string; alreadyRemoved: string }> = {
  awards: { remove: 'remove an award', alreadyRemoved: 'This award has already been removed' },
  contributions: {
    remove: 'remove a partner contribution',
    alreadyRemoved: 'This contribution has already been removed',
  },
}

/** One part of one decision: a part id of another decision matches nothing. */
function partOf(decisionId: number, partId: number) {
  return (eb: ExpressionBuilder<DB, PartTable>) => eb.and([eb('id', '=', partId), eb('decision_id', '=', decisionId)])
}
