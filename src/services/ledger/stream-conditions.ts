import type { Database } from '../../db/database.ts'
import {
  StreamConditionsRepository,
  type ConditionsView,
  type StreamConditionsRow,
} from '../../db/repositories/ledger/stream-conditions.ts'
import { financialYearsBetween } from '../../domain/financial-year.ts'
import { OfficeScope } from '../../domain/office-scope.ts'
import {
  checkStreamConditions,
  conditionsConcernAwards,
  type CheckedAward,
  type ConditionFinding,
  type MatchFundingRequirement,
} from '../../domain/stream-conditions.ts'
import { AuditService, type Actor } from '../audit/audit.ts'
import { FormError } from '../shared/form-error.ts'
import { PublicFiguresService } from '../shared/public-figures-memo.ts'
import {
  conditionsSchema,
  dateOrderErrors,
  matchFundingSchema,
  type ConditionsInput,
} from './stream-condition-schemas.ts'
import { groupBy } from '../../domain/group-by.ts'

export { conditionsSchema, matchFundingSchema, type ConditionsInput } from './stream-condition-schemas.ts'

export interface StreamPage {
  stream: StreamConditionsRow & { matchFunding: Array<MatchFundingRequirement & { id: number }> }
  findings: ConditionFinding[]
  awards: CheckedAward[]
}

/** Funding stream conditions: what each stream's money comes with, and the awards that break them. */
export class StreamConditionsService extends PublicFiguresService {
  private readonly audit = new AuditService(this.database)
  private readonly repo = new StreamConditionsRepository(this.database.db)

  /**
   * Every finding for the given streams, from what the viewer may see. Awards are read only for streams whose
   * conditions concern awards (a spend-by date, a ring-fence, money still expected), and only the given decision's
   * when one is named: the other findings are about a stream's years, which are read as totals.
   */
  async check(view: ConditionsView, streamIds?: readonly number[], decisionId?: number) {
    const streams = await this.repo.streams(view, streamIds)
    const checked = streams.filter(conditionsConcernAwards).map((s) => s.id)
    const [awards, years, contributions, fundedContributions] = await Promise.all([
      this.repo.awards(view, { streamIds: checked, decisionId }),
      this.repo.years(),
      this.repo.contributions(view),
      this.repo.fundedContributions(view, checked),
    ])
    return {
      streams,
      awards,
      findings: checkStreamConditions({ streams, awards, years, contributions, fundedContributions }),
    }
  }

  /** The streams a member of staff may reach, each with its number of findings. */
  async list(scope: OfficeScope) {
    const { streams, findings } = await this.check({ scope })
    const counts = new Map<number, number>()
    for (const f of findings) counts.set(f.streamId, (counts.get(f.streamId) ?? 0) + 1)
    return streams.map((s) => ({ ...s, findingCount: counts.get(s.id) ?? 0 }))
  }

  /** One stream's conditions and findings, or undefined when the viewer may not reach it. */
  async stream(view: ConditionsView, id: number): Promise<StreamPage | undefined> {
    const { streams, findings } = await this.check(view, [id])
    const stream = streams[0]
    if (!stream) return undefined
    const awards = await this.repo.awards(view, { streamIds: [id] })
    return { stream: stream as StreamPage['stream'], findings, awards }
  }

  /** Findings per public stream, from published decisions only (for the public funding streams page). */
  async publicFindings(): Promise<Map<number, ConditionFinding[]>> {
    // Only the findings are kept: the awards they were found in can number hundreds of thousands.
    const findings = await this.figures.get('streams.publicFindings', async () => (await this.check('public')).findings)
    return groupBy(findings, (f) => f.streamId)
  }

  /** Every stream's conditions by id (the public funding streams page states them). */
  async publicConditions(): Promise<Map<number, StreamConditionsRow>> {
    return new Map((await this.repo.streams('public')).map((s) => [s.id, s]))
  }

  /**
   * The findings that concern one decision: those about its own awards, and those about a year of a stream that
   * one of its awards is paid from in that year (more committed than received, match funding short).
   */
  async forDecision(scope: OfficeScope, decisionId: number): Promise<ConditionFinding[]> {
    const [own, { findings }] = await Promise.all([
      this.repo.awards({ scope }, { decisionId }),
      this.check({ scope }, undefined, decisionId),
    ])
    const touches = (streamId: number, year: number) =>
      own.some((a) => {
        if (a.streamId !== streamId) return false
        if (a.periodStart && a.periodEnd)
          return financialYearsBetween(a.periodStart, a.periodEnd).some((y) => y.startYear === year)
        return a.financialYear === year
      })
    return findings.filter((f) =>
      f.decisionId !== null
        ? f.decisionId === decisionId
        : f.financialYear !== null && own.length > 0 && touches(f.streamId, f.financialYear),
    )
  }

  /** Checks a stream's conditions as typed; throws FormError naming each field that is wrong. */
  validate(input: unknown): ConditionsInput {
    const parsed = conditionsSchema.safeParse(input)
    const errors = {
      ...(parsed.success ? {} : FormError.fromZod(parsed.error).errors),
      ...dateOrderErrors((input ?? {}) as Record<string, unknown>),
    }
    if (!parsed.success || Object.keys(errors).length) throw new FormError(errors)
    return parsed.data
  }

  async saveConditions(id: number, input: unknown, actor: Actor): Promise<void> {
    const values = this.validate(input)
    await this.database.transaction(async (trx) => {
      const before = await this.reachable(trx, id, actor)
      await this.repo.updateConditions(trx, id, values)
      await this.audit.recordChange(trx, actor, 'funding_stream.conditions', ['funding_stream', id], {
        before: {
          grantStart: before.grant_start,
          grantEnd: before.grant_end,
          spendBy: before.spend_by,
          fundingStatus: before.funding_status,
          agreementReference: before.agreement_reference,
          ringFencedServiceTypes: before.ring_fenced_service_types,
          ringFenceNames: before.ring_fence_names,
          conditionsText: before.conditions,
        },
        after: values,
      })
    })
  }

  async addMatchFunding(streamId: number, input: unknown, actor: Actor): Promise<void> {
    const parsed = matchFundingSchema.safeParse(input)
    if (!parsed.success) throw FormError.fromZod(parsed.error)
    const row = parsed.data
    await this.database.transaction(async (trx) => {
      await this.reachable(trx, streamId, actor)
      const clash = await trx
        .selectFrom('funding_stream_match_funding')
        .select('id')
        .where('funding_stream_id', '=', streamId)
        .where('financial_year', '=', row.financialYear)
        .where('from_name', '=', row.fromName)
        .executeTakeFirst()
      if (clash)
        throw new FormError({ fromName: 'Match funding from them is already recorded for this year: remove it first' })
      const fromOrganisationId = await this.repo.organisationNamed(trx, row.fromName)
      const id = await this.repo.addMatchFunding(trx, streamId, { ...row, fromOrganisationId })
      await this.audit.recordChange(trx, actor, 'funding_stream.match_funding.add', ['funding_stream', streamId], {
        after: { id, ...row, fromOrganisationId },
      })
    })
  }

  async removeMatchFunding(streamId: number, id: number, actor: Actor): Promise<boolean> {
    return this.database.transaction(async (trx) => {
      await this.reachable(trx, streamId, actor)
      const removed = await this.repo.removeMatchFunding(trx, streamId, id)
      if (!removed) return false
      await this.audit.recordChange(trx, actor, 'funding_stream.match_funding.remove', ['funding_stream', streamId], {
        before: removed,
      })
      return true
    })
  }

  private async reachable(trx: Parameters<Parameters<Database['transaction']>[0]>[0], id: number, actor: Actor) {
    const scope = actor.scope ?? OfficeScope.system
    const ids = scope.officeIds()
    const row = await trx.selectFrom('funding_streams').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
    if (!row || (ids !== null && row.office_id !== null && !ids.includes(row.office_id)))
      throw new StreamNotFoundError()
    return row
  }
}

export class StreamNotFoundError extends Error {
  constructor() {
    super('No such funding stream')
  }
}
