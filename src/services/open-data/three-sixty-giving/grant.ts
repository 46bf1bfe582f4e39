import type { ProcurementRoute } from '../../../domain/decision.ts'
import { formatPence, penceToPounds } from '../../../domain/money.ts'
import { addDays } from '../../../domain/uk-date.ts'
import { organisationIdentifier, type OrganisationIdentity } from './org-id.ts'

/** One public award with everything its 360Giving grant is made from. */
export interface AwardExportRow {
  awardId: number
  /** The whole award: a yearly amount over the months of its period. */
  totalPence: number
  amountPence: number
  perAnnum: boolean
  upTo: boolean
  periodStart: string | null
  periodEnd: string | null
  financialYear: number | null
  purpose: string | null
  route: ProcurementRoute | null
  recipient: OrganisationIdentity
  office: OrganisationIdentity & { prefix: string }
  decision: {
    slug: string | null
    reference: string | null
    title: string
    summary: string | null
    awardDate: string | null
    updatedAt: Date
  }
  stream: { slug: string; name: string; description: string | null } | null
  areas: Array<{ name: string; gssCode: string | null }>
  /** Payments made against the award, oldest first. */
  payments: AwardPayment[]
}

export interface AwardPayment {
  id: number
  paidOn: string
  pence: number
  transactionNumber: string
}

export type Grant = Record<string, unknown> & { id: string }

/** The 360Giving grant identifier: stable for as long as the award exists. */
export function grantIdentifier(prefix: string, awardId: number): string {
  return `360G-${prefix}-${awardId}`
}

const GEO_CODE_TYPES: Record<string, string> = {
  E06: 'UA',
  E07: 'NMD',
  E08: 'MD',
  E09: 'LONB',
  E10: 'CTY',
  E12: 'RGN/GOR',
  E14: 'WPC',
  E23: 'PFA',
  W06: 'UA',
  W15: 'PFA',
}

export function toGrant(row: AwardExportRow, baseUrl: string): Grant {
  const prefix = row.office.prefix
  const decisionUrl = row.decision.slug ? `${baseUrl}/decisions/${row.decision.slug}` : undefined
  const grant: Grant = {
    id: grantIdentifier(prefix, row.awardId),
    title: grantTitle(row),
    description: grantDescription(row),
    currency: 'GBP',
    amountAwarded: penceToPounds(row.totalPence),
  }
  if (row.decision.awardDate) grant.awardDate = row.decision.awardDate
  const planned = plannedDates(row)
  if (planned) grant.plannedDates = [planned]
  grant.recipientOrganization = [organisation(row.recipient, prefix)]
  grant.fundingOrganization = [organisation(row.office, prefix)]
  if (row.areas.length) grant.beneficiaryLocation = row.areas.map(location)
  if (row.stream)
    grant.grantProgramme = [
      {
        code: row.stream.slug,
        title: row.stream.name,
        ...(row.stream.description ? { description: row.stream.description } : {}),
      },
    ]
  if (row.route) grant.fromOpenCall = row.route === 'open_tender' ? 'Yes' : 'No'
  if (decisionUrl) {
    grant.url = decisionUrl
    grant.dataSource = decisionUrl
  }
  if (row.payments.length) {
    grant.amountDisbursed = penceToPounds(row.payments.reduce((sum, p) => sum + p.pence, 0))
    grant.disbursementTransaction = row.payments.map((p) => ({
      id: `${grant.id}-payment-${p.id}`,
      transactionDate: p.paidOn,
      currency: 'GBP',
      value: penceToPounds(p.pence),
      description: `Payment ${p.transactionNumber}`,
    }))
  }
  grant.dateModified = row.decision.updatedAt.toISOString()
  return grant
}

function grantTitle(row: AwardExportRow): string {
  const title = `${row.decision.title}: ${row.recipient.name}`
  return title.length <= 140 ? title : `${title.slice(0, 139)}…`
}

function grantDescription(row: AwardExportRow): string {
  const parts = [sentence(row.purpose?.trim() || row.decision.summary?.trim() || row.decision.title)]
  if (row.perAnnum || row.upTo) {
    const terms = `${row.upTo ? 'Up to ' : ''}${formatPence(row.amountPence)}${row.perAnnum ? ' a year' : ''}`
    parts.push(
      row.perAnnum && row.totalPence !== row.amountPence
        ? `${terms}; the amount awarded is that for the months of the period.`
        : `${terms}.`,
    )
  }
  if (row.decision.reference) parts.push(`Decision ${row.decision.reference}.`)
  return parts.join(' ')
}

function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`
}

function plannedDates(row: AwardExportRow): Record<string, unknown> | null {
  let start = row.periodStart
  let end = row.periodEnd
  if (!start && !end && row.financialYear !== null) {
    start = `${row.financialYear}-04-01`
    end = `${row.financialYear + 1}-03-31`
  }
  if (!start) return null
  const event: Record<string, unknown> = { startDate: start }
  if (end) {
    event.endDate = end
    event.duration = monthsBetween(start, end)
  }
  return event
}

/** Whole months of a period, a part month counting as one: 1 April 2021 – 31 March 2022 is 12. */
export function monthsBetween(start: string, end: string): number {
  const [sy, sm, sd] = start.split('-').map(Number) as [number, number, number]
  const [ey, em, ed] = addDays(end, 1).split('-').map(Number) as [number, number, number]
  return Math.max(0, (ey - sy) * 12 + (em - sm) + (ed > sd ? 1 : 0))
}

function organisation(org: OrganisationIdentity, prefix: string): Record<string, unknown> {
  const result: Record<string, unknown> = { id: organisationIdentifier(org, prefix), name: org.name }
  if (org.charityNumber) result.charityNumber = org.charityNumber
  if (org.companyNumber) result.companyNumber = org.companyNumber
  return result
}

function location(area: { name: string; gssCode: string | null }): Record<string, unknown> {
  const result: Record<string, unknown> = { name: area.name, countryCode: 'GB' }
  if (area.gssCode) {
    result.geoCode = area.gssCode
    const type = GEO_CODE_TYPES[area.gssCode.slice(0, 3)]
    if (type) result.geoCodeType = type
  }
  return result
}
