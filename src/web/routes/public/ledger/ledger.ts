import { Readable } from 'node:stream'
import type { Request, Response } from 'express'
import { ROUTE_LABELS } from '../../../../domain/decision.ts'
import { financialYear } from '../../../../domain/financial-year.ts'
import { formatPeriod } from '../../../../domain/uk-date.ts'
import { amountBasis, BASIS_LABELS } from '../../../../domain/ledger.ts'
import { penceToDecimalString } from '../../../../domain/money.ts'
import { SERVICE_TYPE_LABELS, SERVICE_TYPES, serviceTypeLabel } from '../../../../domain/service-types.ts'
import type { LedgerRow } from '../../../../db/repositories/ledger/ledger.ts'
import type { Services } from '../../../../services/index.ts'
import { safeCsvStringifier } from '../../../../services/open-data/csv.ts'
import { streamDownload } from '../../../streaming.ts'
import { errorList } from '../../../validation.ts'
import { FILTER_KEYS, ledgerHref, readLedgerQuery, toContributionFilter, toFilter, toOrder, type LedgerQuery } from './query.ts'
import { pagination } from '../../pagination.ts'
import { registerBase, registerOffices } from '../offices/register-context.ts'

const COLUMNS: Array<{ sort: string; text: string; numeric?: boolean }> = [
  { sort: 'date', text: 'Decision' },
  { sort: 'provider', text: 'Recipient' },
  { sort: 'amount', text: 'Amount', numeric: true },
  { sort: 'year', text: 'Period' },
  { sort: 'stream', text: 'Funding stream' },
  { sort: 'route', text: 'Route' },
  { sort: 'lead', text: 'Lead commissioner' },
  { sort: 'service', text: 'Service' },
]

/** The public ledger: every public award with its decision, filtered and sorted, by award or by financial year, and as CSV. */
export class LedgerController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response): Promise<void> => {
    const { query, errors } = readLedgerQuery(req)
    const offices = registerOffices(res)
    const filter = { ...toFilter(query), offices }
    const order = toOrder(query)
    const base = registerBase(res)
    const view = query.view ?? 'awards'
    // Partners contribute to services; they receive no awards, so a partner filter selects contributions only.
    const awardsShown = query.partner === undefined
    const [options, partners, result, years, money] = await Promise.all([
      this.services.ledger.options(),
      this.services.coFunding.partners(),
      view === 'awards' && awardsShown ? this.services.ledger.page(filter, order, query.page ?? 1) : null,
      view === 'years' ? this.services.ledger.apportioned(filter) : null,
      view === 'awards' ? this.services.coFunding.money({ ...toContributionFilter(query), offices }) : null,
    ])
    const filters = Object.fromEntries(FILTER_KEYS.map((key) => [key, query[key]])) as Record<string, string | number | undefined>
    const sortHref = (sort: string) => ledgerHref(base + '/ledger', { ...filters, sort, dir: order.sort === sort && order.direction === 'asc' ? 'desc' : 'asc' })
    res.status(Object.keys(errors).length ? 400 : 200).render('pages/public/ledger/ledger', {
      errors,
      errorList: errorList(errors),
      query,
      view,
      money,
      awardsShown,
      contributionsCsvHref: ledgerHref(base + '/ledger/contributions.csv', filters),
      options: { ...options, partners, serviceTypes: SERVICE_TYPES.map((t) => ({ value: t, text: SERVICE_TYPE_LABELS[t] })), routes: Object.entries(ROUTE_LABELS).map(([value, text]) => ({ value, text })) },
      yearLabel: query.year ? financialYear(query.year).label : null,
      result,
      rows: result?.rows.map(rowView),
      years,
      headers: COLUMNS.map((c) => ({ ...c, href: sortHref(c.sort), ariaSort: order.sort === c.sort ? (order.direction === 'asc' ? 'ascending' : 'descending') : null })),
      pagination: result ? pagination(result.page, result.pageCount, (n) => ledgerHref(base + '/ledger', { ...filters, sort: query.sort, dir: query.dir, page: n })) : null,
      csvHref: ledgerHref(base + '/ledger.csv', { ...filters, sort: query.sort, dir: query.dir }),
      awardsHref: ledgerHref(base + '/ledger', { ...filters, sort: query.sort, dir: query.dir }),
      yearsHref: ledgerHref(base + '/ledger', { ...filters, view: 'years' }),
      anyFilter: FILTER_KEYS.some((key) => query[key] !== undefined),
    })
  }

  /** The same rows as the table, every page of them, with the filters and order applied. */
  csv = async (req: Request, res: Response): Promise<void> => {
    const { query, errors } = readLedgerQuery(req)
    if (Object.keys(errors).length) {
      res.status(400).type('text/plain').send(Object.values(errors).join('\n'))
      return
    }
    res.type('text/csv; charset=utf-8').attachment(`ledger${query.year ? `-${financialYear(query.year).label.replace('/', '-')}` : ''}.csv`)
    const columns = csvColumns(query)
    const rows = this.services.ledger.allRows({ ...toFilter(query), offices: registerOffices(res) }, toOrder(query))
    async function* records() {
      for await (const row of rows) yield columns.map((c) => c.value(row))
    }
    await streamDownload(req, res, Readable.from(records()), safeCsvStringifier({ header: true, columns: columns.map((c) => c.header) }))
  }
}

function rowView(row: LedgerRow) {
  return {
    ...row,
    amountPrefix: row.upTo ? 'up to ' : '',
    amountSuffix: row.perAnnum ? ' a year' : '',
    periodText: periodText(row),
    serviceTypeText: serviceTypeLabel(row.serviceType),
  }
}

function periodText(row: LedgerRow): string {
  if (row.periodStart && row.periodEnd) return formatPeriod(row.periodStart, row.periodEnd)
  if (row.periodLabel) return row.periodLabel
  if (row.financialYear) return financialYear(row.financialYear).label
  return ''
}

function csvColumns(query: LedgerQuery): Array<{ header: string; value: (row: LedgerRow) => string }> {
  const columns: Array<{ header: string; value: (row: LedgerRow) => string }> = [
    { header: 'Decision reference', value: (r) => r.decisionReference ?? '' },
    { header: 'Decision title', value: (r) => r.decisionTitle },
    { header: 'Date of decision', value: (r) => r.decisionDate ?? '' },
    { header: 'Office', value: (r) => r.officeName },
    { header: 'Recipient', value: (r) => r.recipientName },
    { header: 'Amount (£)', value: (r) => penceToDecimalString(r.amountPence) },
    { header: 'Amount is', value: (r) => BASIS_LABELS[amountBasis(r)] },
    { header: 'Period', value: (r) => periodText(r) },
    { header: 'Period start', value: (r) => r.periodStart ?? '' },
    { header: 'Period end', value: (r) => r.periodEnd ?? '' },
    { header: 'Funding stream', value: (r) => r.streamName ?? '' },
    { header: 'Procurement route', value: (r) => (r.route ? ROUTE_LABELS[r.route] : '') },
    { header: 'Lead commissioner', value: (r) => r.leadName ?? '' },
    { header: 'Service', value: (r) => r.serviceName ?? '' },
    { header: 'Service type', value: (r) => serviceTypeLabel(r.serviceType) },
    { header: 'Purpose', value: (r) => r.purpose ?? '' },
    { header: 'Committed (£)', value: (r) => penceToDecimalString(r.committedPence) },
    { header: 'Paid (£)', value: (r) => penceToDecimalString(r.paidPence) },
    { header: 'Unpaid (£)', value: (r) => penceToDecimalString(r.committedPence - r.paidPence) },
  ]
  if (query.year !== undefined) {
    const label = financialYear(query.year).label
    columns.splice(7, 0, { header: `In ${label} (£)`, value: (r) => (r.yearSharePence === null ? '' : penceToDecimalString(r.yearSharePence)) })
  }
  return columns
}
