import type { ProcurementRoute } from '../../domain/decision.ts'

/** An organisation chosen from those known, or a new name the officer confirmed is new. */
export type OrganisationPick = { id: number } | { newName: string }

export interface AwardDetails {
  recipient: OrganisationPick
  amountPence: number
  perAnnum: boolean
  upTo: boolean
  periodLabel: string
  periodStart: string
  periodEnd: string
  financialYear: number
  fundingStreamId: number
  route: ProcurementRoute
  routeJustification: string | null
  via: OrganisationPick | null
  purpose: string
  condition: string | null
  serviceId: number | null
}

export interface ContributionDetails {
  partner: OrganisationPick
  amountPence: number
  perAnnum: boolean
  upTo: boolean
  financialYear: number | null
  condition: string | null
  proRataWithPartners: boolean
  serviceId: number | null
  /** Subject to funding still to come: from a funding stream of the register, or on a condition in words. */
  subjectToFunding?: boolean
  fundingStreamId?: number | null
  fundingCondition?: string | null
}

export interface AreaDetails {
  areaIds: number[]
  /** An area the register does not know yet, added as the officer names it. */
  newArea: { name: string; gssCode: string | null } | null
}

export interface AppendixUpload {
  title: string
  fileName: string
  mediaType: string
  content: Buffer
  /** The exemption a withheld appendix relies on; null for a public one. */
  exemption: string | null
}
