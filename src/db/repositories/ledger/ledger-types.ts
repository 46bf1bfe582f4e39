import type { AwardTerms, ProcurementRoute } from '../../../domain/decision.ts'

/** What the public ledger can be narrowed by. All optional; each narrows further. */
export interface LedgerFilter {
  providerId?: number
  year?: number
  streamId?: number
  areaId?: number
  serviceType?: string
  route?: ProcurementRoute
  leadId?: number
  officeId?: number
  /** An office register's offices: the office and the predecessors whose functions passed to it. */
  offices?: number[]
  serviceId?: number
}

export const LEDGER_SORTS = ['date', 'provider', 'amount', 'year', 'stream', 'route', 'lead', 'service'] as const
export type LedgerSort = (typeof LEDGER_SORTS)[number]

export interface LedgerOrder {
  sort: LedgerSort
  direction: 'asc' | 'desc'
}

export interface LedgerRow extends AwardTerms {
  awardId: number
  decisionSlug: string | null
  decisionReference: string | null
  decisionTitle: string
  decisionDate: string | null
  officeName: string
  recipientName: string
  recipientSlug: string | null
  amountPence: number
  streamName: string | null
  streamSlug: string | null
  leadName: string | null
  serviceName: string | null
  serviceSlug: string | null
  serviceType: string | null
  purpose: string | null
  /** The part of the award in the filtered financial year (only when filtering by year). */
  yearSharePence: number | null
  /** What the award commits (a yearly amount once a financial year of its period) and what has been paid against it. */
  committedPence: number
  paidPence: number
}

/** Paid against committed for the filtered awards; with a year, that year's share and the payments made in it. */
export interface LedgerPaid {
  committedPence: number
  paidPence: number
  unpaidPence: number
}

export interface LedgerTotals {
  count: number
  oneOffPence: number
  perAnnumCount: number
  perAnnumPence: number
  ceilingCount: number
  ceilingPence: number
  /** With a year filter: the one-off sums apportioned to that year. */
  yearOneOffPence: number | null
}

export interface LedgerYearRow {
  financialYear: number
  oneOffPence: number
  perAnnumPence: number
  ceilingPence: number
}

export type LedgerDimension = 'serviceType' | 'provider' | 'service' | 'stream'

export interface DimensionYearRow {
  financialYear: number
  key: string | null
  label: string | null
  slug: string | null
  pence: number
}
