import { OfficeScope } from '../../domain/office-scope.ts'
import type { Database } from '../../db/database.ts'
import {
  measureLabel,
  MEASURES,
  parseCount,
  parseQuarter,
  personalDataIn,
  quarterLabel,
} from '../../domain/outcomes.ts'
import type { Actor, AuditService } from '../audit/audit.ts'
import { FormError } from '../shared/form-error.ts'
import { outcomeValuesFromCsv, type OutcomeValue } from './outcomes-csv.ts'
import { reachableRecord } from '../../db/repositories/ledger/reachable.ts'

export { CSV_COLUMNS, type OutcomeValue } from './outcomes-csv.ts'

/** Outcome returns: aggregate counts a provider reports for a service each quarter, typed in or uploaded as CSV. */
export class OutcomeService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
  ) {}

  /**
   * One quarter from the form: a count per measure (blank measures are skipped). Throws FormError naming
   * each field that is not a whole number or looks like personal data.
   */
  async recordQuarter(serviceId: number, input: Record<string, unknown>, actor: Actor): Promise<number> {
    const errors: Record<string, string> = {}
    const quarter = parseQuarter(String(input.quarter ?? ''))
    if (!quarter) errors.quarter = 'Enter the quarter like 2024/25 Q1, or the date it starts, like 2024-04-01'
    const values: OutcomeValue[] = []
    for (const [measure, label] of Object.entries(MEASURES)) {
      const raw = String(input[measure] ?? '').trim()
      if (raw === '') continue
      const personal = personalDataIn(raw)
      const count = parseCount(raw)
      if (count === null)
        errors[measure] = personal
          ? `${label} looks like ${personal}: returns hold counts only, never personal data`
          : `${label} must be a whole number, 0 or more`
      else if (quarter) values.push({ quarterStart: quarter, measure, value: count })
    }
    if (Object.keys(errors).length === 0 && values.length === 0)
      errors[Object.keys(MEASURES)[0]!] = 'Enter at least one count'
    if (Object.keys(errors).length) throw new FormError(errors)
    return this.store(serviceId, values, actor, 'form')
  }

  /**
   * A CSV of quarter,measure,value rows. All or nothing: any wrong column, unreadable quarter, bad number
   * or personal data throws FormError naming the lines, and nothing is stored.
   */
  async importCsv(serviceId: number, csv: string, actor: Actor): Promise<number> {
    return this.store(serviceId, outcomeValuesFromCsv(csv), actor, 'csv')
  }

  /** Corrects one count (a whole number from 0), or deletes it when `value` is null; audit-logged. */
  async correct(
    serviceId: number,
    quarterStart: string,
    measure: string,
    value: string | null,
    actor: Actor,
  ): Promise<void> {
    let count: number | null = null
    if (value !== null) {
      count = parseCount(value)
      if (count === null)
        throw new FormError({
          value: personalDataIn(value)
            ? 'Enter a count only: returns never hold personal data'
            : `${measureLabel(measure)} must be a whole number, 0 or more`,
        })
    }
    await this.database.transaction(async (trx) => {
      const before = await trx
        .selectFrom('outcome_returns')
        .select(['id', 'value'])
        .where('service_id', '=', serviceId)
        .where('quarter_start', '=', quarterStart)
        .where('measure', '=', measure)
        .executeTakeFirst()
      if (!before) throw new FormError({ value: 'This count no longer exists' })
      if (count === null) await trx.deleteFrom('outcome_returns').where('id', '=', before.id).execute()
      else
        await trx
          .updateTable('outcome_returns')
          .set({ value: count, entered_by: actor.userId })
          .where('id', '=', before.id)
          .execute()
      await this.audit.recordChange(
        trx,
        actor,
        count === null ? 'outcome_returns.delete' : 'outcome_returns.correct',
        ['service', serviceId],
        {
          before: { quarter: quarterLabel(quarterStart), measure, value: before.value },
          after: count === null ? undefined : { quarter: quarterLabel(quarterStart), measure, value: count },
        },
      )
    })
  }

  private async store(
    serviceId: number,
    values: OutcomeValue[],
    actor: Actor,
    source: 'form' | 'csv',
  ): Promise<number> {
    return this.database.transaction(async (trx) => {
      const service = await reachableRecord(trx, 'services', serviceId, actor.scope ?? OfficeScope.system)
      if (!service) throw new FormError({ service: 'Choose a service' })
      for (const v of values) {
        await trx
          .insertInto('outcome_returns')
          .values({
            service_id: serviceId,
            quarter_start: v.quarterStart,
            measure: v.measure,
            value: v.value,
            entered_by: actor.userId,
          })
          .onConflict((oc) =>
            oc
              .columns(['service_id', 'quarter_start', 'measure'])
              .doUpdateSet({ value: v.value, entered_by: actor.userId }),
          )
          .execute()
      }
      await this.audit.recordChange(trx, actor, `outcome_returns.${source}`, ['service', serviceId], {
        after: { service: service.name, values },
      })
      return values.length
    })
  }
}
