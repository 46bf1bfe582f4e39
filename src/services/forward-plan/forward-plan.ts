import type { Database } from '../../db/database.ts'
import {
  ForwardPlanRepository,
  type PlanEntryRow,
  type PlanEntryValues,
  type PlanReader,
  type TakenDecisionRow,
} from '../../db/repositories/forward-plan/forward-plan.ts'
import {
  panelReport,
  parseExpectedMonth,
  quarterOf,
  quartersBetween,
  type PanelReport,
  type Quarter,
} from '../../domain/forward-plan.ts'
import { OfficeScope } from '../../domain/office-scope.ts'
import { todayInLondon } from '../../domain/uk-date.ts'
import type { Actor, AuditService } from '../audit/audit.ts'
import { FormError } from '../shared/form-error.ts'
import { dropForm, entryForm, fieldText as text, linkForm, type PlanEntryAnswers } from './plan-entry-form.ts'

export { answersOf, type PlanEntryAnswers } from './plan-entry-form.ts'

export type { PlanEntryRow, PlanEntryValues, PlanReader, TakenDecisionRow }

/** The roles that keep an office's forward plan. */
export const PLAN_ROLES = ['officer', 'administrator'] as const

/** What the public may see of a plan entry: a taken entry whose decision is unpublished is still planned to them. */
export function publicEntry(row: PlanEntryRow): PlanEntryRow {
  const hidden = row.status === 'taken' && !row.decisionListed
  return {
    ...row,
    serviceId: row.servicePublic ? row.serviceId : null,
    serviceName: row.servicePublic ? row.serviceName : null,
    serviceSlug: row.servicePublic ? row.serviceSlug : null,
    ...(hidden || row.status !== 'taken'
      ? {
          status: hidden ? 'planned' : row.status,
          decisionId: null,
          decisionReference: null,
          decisionTitle: null,
          decisionSlug: null,
          takenOn: null,
        }
      : {}),
  }
}

export interface PanelReportView {
  report: PanelReport<PlanEntryRow, TakenDecisionRow>
  quarters: Quarter[]
  offices: Array<{ id: number; name: string }>
}

/** The forward plan of decisions, kept by staff, published, and compared with the decisions taken. */
export class ForwardPlanService {
  private readonly repository: ForwardPlanRepository

  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
  ) {
    this.repository = new ForwardPlanRepository(database.db)
  }

  /** Plan entries by expected month: a staff member's offices, or the public view of every office. */
  async entries(reader: PlanReader, officeId?: number): Promise<PlanEntryRow[]> {
    const rows = await this.repository.entries(reader, officeId)
    return reader === 'public' ? rows.map(publicEntry) : rows
  }

  find(id: number, scope: OfficeScope): Promise<PlanEntryRow | undefined> {
    return this.repository.find(id, scope)
  }

  readonly offices = (reader: PlanReader) => this.repository.offices(reader)

  readonly services = (officeId: number) => this.repository.services(officeId)

  readonly linkableDecisions = (officeId: number) => this.repository.linkableDecisions(officeId)

  /** Checks a plan entry's answers; throws FormError naming each field that is wrong. */
  async validate(answers: PlanEntryAnswers, scope: OfficeScope): Promise<PlanEntryValues> {
    const parsed = entryForm.safeParse(answers)
    const errors = parsed.success ? {} : FormError.fromZod(parsed.error).errors
    const month = parseExpectedMonth(answers['expectedMonth-month'], answers['expectedMonth-year'])
    if ('error' in month) errors.expectedMonth = month.error
    if (parsed.success && !scope.includes(parsed.data.officeId, ...PLAN_ROLES)) errors.officeId = 'Choose the office'
    if (parsed.success && parsed.data.serviceId !== null && !errors.officeId) {
      const services = await this.repository.services(parsed.data.officeId)
      if (!services.some((s) => s.id === parsed.data.serviceId)) errors.serviceId = 'Choose a service from the list'
    }
    if (!parsed.success || 'error' in month || Object.keys(errors).length) {
      // Fields in the order they appear on the page, so the error summary reads top to bottom.
      const order = ['officeId', 'title', 'expectedMonth', 'estimatedValue', 'serviceId', 'keyDecision']
      throw new FormError(Object.fromEntries(order.filter((f) => errors[f]).map((f) => [f, errors[f]!])))
    }
    const { officeId, title, estimatedValue, serviceId, keyDecision } = parsed.data
    return {
      officeId,
      title,
      expectedMonth: month.month,
      estimatedValuePence: estimatedValue,
      serviceId,
      keyDecision: keyDecision === 'yes',
    }
  }

  /** Adds a planned decision; returns its id. */
  async add(answers: PlanEntryAnswers, actor: Actor): Promise<number> {
    const scope = actor.scope ?? OfficeScope.system
    const values = await this.validate(answers, scope)
    return this.database.transaction(async (trx) => {
      const id = await this.repository.insert(values, trx)
      await this.audit.recordChange(trx, actor, 'planned_decision.create', ['planned_decision', id], {
        after: values,
        officeId: values.officeId,
      })
      return id
    })
  }

  /** Changes a planned decision's details (its office stays). Undefined when the scope does not reach it. */
  async change(id: number, answers: PlanEntryAnswers, actor: Actor): Promise<boolean> {
    const scope = actor.scope ?? OfficeScope.system
    const before = await this.repository.find(id, scope)
    if (!before) return false
    const values = await this.validate({ ...answers, officeId: String(before.officeId) }, scope)
    await this.database.transaction(async (trx) => {
      await this.repository.update(id, values, trx)
      await this.audit.recordChange(trx, actor, 'planned_decision.update', ['planned_decision', id], {
        before: this.auditValues(before),
        after: values,
        officeId: before.officeId,
      })
    })
    return true
  }

  /** Records that a planned decision was dropped, today, and why. */
  async drop(id: number, input: Record<string, unknown>, actor: Actor, today = todayInLondon()): Promise<boolean> {
    const scope = actor.scope ?? OfficeScope.system
    const entry = await this.repository.find(id, scope)
    if (!entry) return false
    if (!scope.includes(entry.officeId, ...PLAN_ROLES)) return false
    const parsed = dropForm.safeParse({ reason: text(input, 'reason') })
    if (!parsed.success) throw FormError.fromZod(parsed.error)
    if (entry.status === 'taken')
      throw new FormError({ reason: 'A decision has taken this plan entry: it cannot be dropped' })
    await this.database.transaction(async (trx) => {
      await this.repository.setStatus(id, { status: 'dropped', reason: parsed.data.reason, on: today }, trx)
      await this.audit.recordChange(trx, actor, 'planned_decision.drop', ['planned_decision', id], {
        before: { status: entry.status },
        after: { status: 'dropped', reason: parsed.data.reason, droppedOn: today },
        officeId: entry.officeId,
      })
    })
    return true
  }

  /** Links a planned decision to the decision of its office that took it. */
  async link(id: number, input: Record<string, unknown>, actor: Actor): Promise<boolean> {
    const scope = actor.scope ?? OfficeScope.system
    const entry = await this.repository.find(id, scope)
    if (!entry || !scope.includes(entry.officeId, ...PLAN_ROLES)) return false
    const parsed = linkForm.safeParse({ decisionId: text(input, 'decisionId') })
    if (!parsed.success) throw FormError.fromZod(parsed.error)
    await this.database.transaction(async (trx) => {
      const decisions = await this.repository.linkableDecisions(entry.officeId, trx)
      const decision = decisions.find((d) => d.id === parsed.data.decisionId)
      if (!decision) throw new FormError({ decisionId: 'Choose a decision of this office that has been taken' })
      await this.repository.setStatus(id, { status: 'taken', decisionId: decision.id }, trx)
      await this.audit.recordChange(trx, actor, 'planned_decision.link', ['planned_decision', id], {
        before: { status: entry.status, decisionId: entry.decisionId },
        after: { status: 'taken', decisionId: decision.id, reference: decision.reference },
        officeId: entry.officeId,
      })
    })
    return true
  }

  /** Puts a taken or dropped entry back on the plan (a link made in error, a dropped decision revived). */
  async reinstate(id: number, actor: Actor): Promise<boolean> {
    const scope = actor.scope ?? OfficeScope.system
    const entry = await this.repository.find(id, scope)
    if (!entry || !scope.includes(entry.officeId, ...PLAN_ROLES)) return false
    await this.database.transaction(async (trx) => {
      await this.repository.setStatus(id, { status: 'planned' }, trx)
      await this.audit.recordChange(trx, actor, 'planned_decision.reinstate', ['planned_decision', id], {
        before: { status: entry.status, decisionId: entry.decisionId, droppedReason: entry.droppedReason },
        after: { status: 'planned' },
        officeId: entry.officeId,
      })
    })
    return true
  }

  /**
   * The panel report for a quarter (by default the last one ended), with the quarters to choose from. The public report uses published decisions only.
   */
  async panelReport(
    reader: PlanReader,
    options: { quarter?: Quarter; officeId?: number; today?: string } = {},
  ): Promise<PanelReportView> {
    const today = options.today ?? todayInLondon()
    const span = await this.repository.span(reader, options.officeId)
    const current = quarterOf(today)
    const first = span.first && span.first < current.start ? span.first : current.start
    const quarters = quartersBetween(first, span.last && span.last > today ? span.last : today)
    const q = options.quarter ?? quarterOf(lastEnded(today))
    const [rows, decisions, offices] = await Promise.all([
      this.entries(reader, options.officeId),
      this.repository.decisionsTaken(reader, q.start, q.end, options.officeId),
      this.repository.offices(reader),
    ])
    return { report: panelReport(q, rows, decisions, today), quarters, offices }
  }

  private auditValues(row: PlanEntryRow) {
    return {
      title: row.title,
      expectedMonth: row.expectedMonth,
      estimatedValuePence: row.estimatedValuePence,
      serviceId: row.serviceId,
      keyDecision: row.keyDecision,
    }
  }
}

/** A day in the last quarter that has ended. */
function lastEnded(today: string): string {
  const start = quarterOf(today).start
  const date = new Date(`${start}T00:00:00Z`)
  date.setUTCDate(0)
  return date.toISOString().slice(0, 10)
}
