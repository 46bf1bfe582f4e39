import { sql } from 'kysely'
import { z } from 'zod'
import { OrganisationRepository, type Organisation } from '../../db/repositories/ledger/organisations.ts'
import {
  OrganisationMergeRepository,
  type MergeRecord,
  type MovedRows,
} from '../../db/repositories/ledger/organisation-merges.ts'
import { ORGANISATION_KINDS } from '../../domain/organisation.ts'
import { AuditedService, type Actor } from '../audit/audit.ts'
import { FormError } from '../shared/form-error.ts'

const id = (message: string) => z.string().regex(/^\d+$/, { message }).transform(Number)

export const mergeForm = z.object({
  sourceId: id('Choose the organisation to merge'),
  targetId: id('Choose the organisation to keep'),
})

export const confirmForm = z.object({
  kind: z.enum(ORGANISATION_KINDS, { message: 'Choose what kind of organisation this is' }),
  charityNumber: z
    .string()
    .trim()
    .max(20)
    .regex(/^(\d{6,8}(-\d+)?)?$/, { message: 'Charity number must be 6 to 8 digits' })
    .optional()
    .transform((v) => v || null),
  companyNumber: z
    .string()
    .trim()
    .toUpperCase()
    .max(8)
    .regex(/^([A-Z0-9]{8})?$/, { message: 'Company number must be 8 characters, with its leading zeros' })
    .optional()
    .transform((v) => v || null),
  orgId: z
    .string()
    .trim()
    .max(60)
    .regex(/^([A-Z]{2}-[A-Z]{2,5}-[A-Za-z0-9-]+)?$/, {
      message: 'Organisation identifier must look like GB-CHC-1234567',
    })
    .optional()
    .transform((v) => v || null),
})

export interface ReviewItem {
  organisation: Organisation
  suggestions: Array<{ id: number; name: string }>
}

/** Organisations (staff): merging duplicates, and confirming names that imports could not match. */
export class OrganisationService extends AuditedService {
  private readonly organisations = new OrganisationRepository(this.database.db)
  private readonly merges = new OrganisationMergeRepository(this.database.db)

  /**
   * What merging would change, for the person to confirm: the two organisations and the rows that would move.
   * Throws FormError when the two cannot be merged.
   */
  async previewMerge(
    input: Record<string, unknown>,
  ): Promise<{ source: Organisation; target: Organisation; moved: MovedRows }> {
    const { sourceId, targetId } = this.parseMerge(input)
    const source = await this.organisations.findById(sourceId, this.database.db)
    const target = await this.organisations.findById(targetId, this.database.db)
    this.checkMerge(source, target)
    return { source: source!, target: target!, moved: await this.merges.rowsToMove(sourceId, targetId) }
  }

  mergeRecord(id: number): Promise<MergeRecord | undefined> {
    return this.merges.find(id)
  }

  /** Undoes a merge: every row it moved that still names the organisation kept goes back. */
  async undoMerge(id: number, actor: Actor): Promise<MergeRecord> {
    return this.database.transaction(async (trx) => {
      const merge = await this.merges.find(id, trx)
      if (!merge) throw new FormError({ merge: 'There is no such merge' })
      if (merge.undoneAt) throw new FormError({ merge: 'This merge has already been undone' })
      const source = await this.organisations.findById(merge.sourceId, trx)
      if (source?.merged_into_id !== merge.targetId)
        throw new FormError({ merge: `${merge.sourceName} has changed since the merge: it cannot be undone` })
      await this.merges.undo(merge, actor.userId, trx)
      await this.audit.recordChange(trx, actor, 'organisation.unmerge', ['organisation', merge.sourceId], {
        before: { mergedInto: merge.targetId },
        after: { mergedInto: null, mergeId: merge.id, restored: merge.moved },
      })
      return merge
    })
  }

  private parseMerge(input: Record<string, unknown>): { sourceId: number; targetId: number } {
    const parsed = mergeForm.safeParse(input)
    if (!parsed.success) throw FormError.fromZod(parsed.error)
    if (parsed.data.sourceId === parsed.data.targetId)
      throw new FormError({
        targetId: 'Choose a different organisation to keep: an organisation cannot be merged into itself',
      })
    return parsed.data
  }

  private checkMerge(source: Organisation | undefined, target: Organisation | undefined): void {
    if (!source || source.merged_into_id !== null)
      throw new FormError({ sourceId: 'Choose an organisation that has not already been merged' })
    if (!target || target.merged_into_id !== null)
      throw new FormError({ targetId: 'Choose an organisation that has not already been merged' })
    if (source.kind === 'office')
      throw new FormError({
        sourceId: 'An office cannot be merged into another organisation: its decisions belong to it',
      })
  }

  list() {
    return this.organisations.listCurrent()
  }

  /** Names waiting for a person, each with the known organisations whose names are most alike. */
  async reviewQueue(): Promise<ReviewItem[]> {
    const pending = await this.organisations.needingReview()
    return Promise.all(
      pending.map(async (organisation) => ({
        organisation,
        suggestions: await this.database.db
          .selectFrom('organisations')
          .select(['id', 'name'])
          .where('merged_into_id', 'is', null)
          .where('needs_review', '=', false)
          .where('id', '<>', organisation.id)
          .where(sql<boolean>`similarity(name, ${organisation.name}) > 0.2`)
          .orderBy(sql`similarity(name, ${organisation.name})`, 'desc')
          .limit(3)
          .execute(),
      })),
    )
  }

  /**
   * Merges one organisation into another: its awards, contributions, services and aliases follow, and the
   * audit log records what moved. Throws FormError when the two cannot be merged.
   */
  async merge(
    input: Record<string, unknown>,
    actor: Actor,
  ): Promise<{ mergeId: number; moved: Record<string, number> }> {
    const { sourceId, targetId } = this.parseMerge(input)
    return this.database.transaction(async (trx) => {
      const source = await this.organisations.findById(sourceId, trx)
      const target = await this.organisations.findById(targetId, trx)
      this.checkMerge(source, target)
      const rows = await this.merges.rowsToMove(sourceId, targetId, trx)
      const moved = await this.organisations.merge(sourceId, targetId, trx)
      const mergeId = await this.merges.record(sourceId, targetId, rows, actor.userId, trx)
      await this.audit.recordChange(trx, actor, 'organisation.merge', ['organisation', targetId], {
        before: {
          source: { id: source!.id, name: source!.name, slug: source!.slug },
          target: { id: target!.id, name: target!.name },
        },
        after: { mergedInto: target!.id, moved, mergeId },
      })
      return { mergeId, moved }
    })
  }

  /** Confirms a queued name as an organisation in its own right, with its kind and identifiers. */
  async confirm(organisationId: number, input: Record<string, unknown>, actor: Actor): Promise<void> {
    const parsed = confirmForm.safeParse(input)
    if (!parsed.success) throw FormError.fromZod(parsed.error)
    const values = parsed.data
    await this.database.transaction(async (trx) => {
      const before = await this.organisations.findById(organisationId, trx)
      if (!before || !before.needs_review) throw new FormError({ kind: 'This name is no longer waiting for review' })
      await trx
        .updateTable('organisations')
        .set({
          kind: values.kind,
          charity_number: values.charityNumber,
          company_number: values.companyNumber,
          org_id: values.orgId,
          needs_review: false,
        })
        .where('id', '=', organisationId)
        .execute()
      await this.audit.recordChange(trx, actor, 'organisation.confirm', ['organisation', organisationId], {
        before: { name: before.name, kind: before.kind, needsReview: true },
        after: { name: before.name, ...values, needsReview: false },
      })
    })
  }
}
