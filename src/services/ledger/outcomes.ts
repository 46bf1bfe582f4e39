import { ownedOrSharedInScope } from '../../db/repositories/office-scope.ts'
import { OfficeScope } from '../../domain/office-scope.ts'
import { parse } from 'csv-parse/sync'
import type { Database } from '../../db/database.ts'
import {
  measureFromText,
  measureLabel,
  measureNamesText,
  MEASURES,
  parseCount,
  parseQuarter,
  personalDataIn,
  quarterLabel,
} from '../../domain/outcomes.ts'
import type { Actor, AuditService } from '../audit/audit.ts'
import { FormError } from '../shared/form-error.ts'

export const CSV_COLUMNS = ['quarter', 'measure', 'value'] as const
const MAX_ERRORS_SHOWN = 5

export interface OutcomeValue {
  quarterStart: string
  measure: string
  value: number
}

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
    const problems: string[] = []
    let records: string[][]
    try {
      records = parse(csv.replace(/^\uFEFF/, ''), {
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
      }) as string[][]
    } catch (error) {
      const line = (error as { lines?: number }).lines
      throw new FormError({
        file: `${line ? `Line ${line}: ` : ''}the file is not readable CSV (${(error as Error).message.split(/[,:]/)[0]})`,
      })
    }
    if (records.length === 0)
      throw new FormError({
        file: 'The file is empty: it needs a header line quarter,measure,value and one line per count',
      })
    const header = records[0]!.map((h) => h.toLowerCase())
    const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h))
    if (unknown.length) {
      const personal = unknown.map((h) => personalDataIn(h)).find(Boolean)
      throw new FormError({
        file: `Line 1: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((h) => `“${h}”`).join(', ')}${personal ? ` (looks like ${personal}: returns hold counts only)` : ''}. The columns must be ${CSV_COLUMNS.join(', ')}.`,
      })
    }
    const missing = CSV_COLUMNS.filter((c) => !header.includes(c))
    if (missing.length)
      throw new FormError({
        file: `Line 1: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}. The columns must be ${CSV_COLUMNS.join(', ')}.`,
      })
    const at = Object.fromEntries(CSV_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
      (typeof CSV_COLUMNS)[number],
      number
    >
    const values: OutcomeValue[] = []
    const seen = new Set<string>()
    records.slice(1).forEach((record, index) => {
      const line = index + 2
      if (record.length !== header.length)
        return void problems.push(`Line ${line}: has ${record.length} values, expected ${header.length}`)
      const [quarterText, measureText, valueText] = [record[at.quarter]!, record[at.measure]!, record[at.value]!]
      const quarter = parseQuarter(quarterText)
      if (!quarter)
        return void problems.push(
          `Line ${line}: quarter “${quarterText}” is not a quarter like 2024/25 Q1 or 2024-04-01`,
        )
      const known = measureFromText(measureText)
      if (!known) {
        const personalMeasure = personalDataIn(measureText)
        return void problems.push(
          `Line ${line}: measure “${measureText}” ${personalMeasure ? `looks like ${personalMeasure}` : `is not one of the measures: ${measureNamesText()}`}`,
        )
      }
      const measure: string = known
      const value = parseCount(valueText)
      if (value === null) {
        const personal = personalDataIn(valueText)
        return void problems.push(
          `Line ${line}: value “${valueText}” ${personal ? `looks like ${personal}; returns hold counts only` : 'is not a whole number, 0 or more'}`,
        )
      }
      const key = `${quarter}|${measure}`
      if (seen.has(key)) return void problems.push(`Line ${line}: ${measure} for this quarter appears twice`)
      seen.add(key)
      values.push({ quarterStart: quarter, measure, value })
    })
    if (problems.length) {
      const shown = problems.slice(0, MAX_ERRORS_SHOWN).join('; ')
      const more = problems.length > MAX_ERRORS_SHOWN ? `; and ${problems.length - MAX_ERRORS_SHOWN} more` : ''
      throw new FormError({ file: `Nothing was stored. ${shown}${more}` })
    }
    if (values.length === 0) throw new FormError({ file: 'The file has a header but no counts' })
    return this.store(serviceId, values, actor, 'csv')
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
      const service = await trx
        .selectFrom('services')
        .select(['id', 'name'])
        .where('id', '=', serviceId)
        .where(ownedOrSharedInScope(actor.scope ?? OfficeScope.system, 'office_id'))
        .executeTakeFirst()
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
