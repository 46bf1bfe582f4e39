import { describeListedTotal } from '../../domain/decision-total.ts'
import type { Kysely } from 'kysely'
import { DecisionRepository } from '../../db/repositories/decisions/decisions.ts'
import type { DB } from '../../db/tables/index.ts'
import { CLASSIFICATION_LABELS, KIND_LABELS } from '../../domain/decision.ts'
import { penceToDecimalString } from '../../domain/money.ts'
import { ApiDisclosureQueries } from './api/disclosure-log.ts'

export interface RegisterTableFilter {
  text?: string
  officeId?: number
  /** An office register's offices (the office and its predecessors). */
  offices?: number[]
  financialYear?: number
}

export type CsvRow = Array<string | number | null>

const BATCH = 500

/**
 * The home page's table of decisions with its filters, every page of it, through the same repository
 * query the page uses, a batch at a time.
 */
export async function* registerTableRows(
  db: Kysely<DB>,
  filter: RegisterTableFilter,
  baseUrl: string,
): AsyncGenerator<CsvRow> {
  yield [
    'Reference',
    'Title',
    'Kind',
    'Classification',
    'Office',
    'Date',
    'Total',
    'Total (pounds)',
    'Total is per year',
    'Address',
  ]
  const decisions = new DecisionRepository(db)
  for (let page = 1; ; page++) {
    const { rows } = await decisions.listPublic({
      text: filter.text?.trim() || undefined,
      officeId: filter.officeId,
      offices: filter.offices,
      financialYear: filter.financialYear,
      page,
      pageSize: BATCH,
    })
    for (const row of rows) {
      const stub = row.classification === 'confidential'
      const pence = stub || row.moneyWithheld ? null : (row.statedTotalPence ?? row.awardTotalPence)
      const perYear = pence !== null && row.statedTotalPence !== null && row.statedTotalPerAnnum
      yield [
        row.reference,
        row.title,
        KIND_LABELS[row.kind],
        CLASSIFICATION_LABELS[row.classification],
        row.officeName,
        row.date,
        describeListedTotal(row),
        pence === null ? '' : penceToDecimalString(pence),
        pence === null ? '' : perYear ? 'yes' : 'no',
        row.slug ? `${baseUrl}/decisions/${row.slug}` : '',
      ]
    }
    if (rows.length < BATCH) return
  }
}

/** The disclosure log's table with its search words, a batch at a time. The requester is never part of it. */
export async function* disclosureLogRows(
  db: Kysely<DB>,
  filter: { text?: string; offices?: readonly number[] },
): AsyncGenerator<CsvRow> {
  yield [
    'Reference',
    'Office',
    'Summary',
    'Received',
    'Answered',
    'Published',
    'Outcome',
    'Questions',
    'Exemptions cited',
  ]
  const log = new ApiDisclosureQueries(db)
  let after: number | undefined
  for (;;) {
    const page = await log.list({ q: filter.text?.trim() || undefined, offices: filter.offices, after, limit: 100 })
    for (const r of page.items) {
      const exemptions = [...new Set(r.questions.map((q) => q.exemption).filter((e): e is string => Boolean(e)))]
      yield [
        r.reference,
        r.office.name,
        r.summary,
        r.receivedOn,
        r.answeredOn,
        r.publishedOn,
        r.outcome?.replace(/_/g, ' ') ?? '',
        r.questions.length,
        exemptions.join('; '),
      ]
    }
    if (page.nextAfter === null) return
    after = page.nextAfter
  }
}
