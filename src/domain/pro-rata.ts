/**
 * Pro-rata clauses in joint commissioning: the office's contribution moves in proportion to what the
 * partners put in, so when a partner reduces its contribution by a percentage, the office may reduce its
 * own by the same share of the partners' combined contribution.
 */
import type { Pence } from './money.ts'

export interface PartnerContribution {
  key: string
  name: string
  pence: Pence
}

export interface ProRataInput {
  officePence: Pence
  partners: readonly PartnerContribution[]
  reducingPartnerKey: string
  /** The partner's reduction in hundredths of a per cent: 1250 is 12.5%. */
  reductionBasisPoints: number
}

export interface ProRataResult {
  partner: PartnerContribution
  partnerAfterPence: Pence
  partnersBeforePence: Pence
  partnersAfterPence: Pence
  officeAfterPence: Pence
  officeReductionPence: Pence
}

export class ProRataError extends Error {}

export function proRataContribution(input: ProRataInput): ProRataResult {
  const { reductionBasisPoints: bp } = input
  if (!Number.isInteger(bp) || bp < 0 || bp > 10_000)
    throw new ProRataError('The reduction must be a percentage from 0 to 100')
  const partner = input.partners.find((p) => p.key === input.reducingPartnerKey)
  if (!partner) throw new ProRataError('Choose a partner that contributes to this service')
  const partnersBefore = input.partners.reduce((sum, p) => sum + BigInt(p.pence), 0n)
  const partnerAfter = roundDiv(BigInt(partner.pence) * BigInt(10_000 - bp), 10_000n)
  const partnersAfter = partnersBefore - BigInt(partner.pence) + partnerAfter
  const officeAfter =
    partnersBefore === 0n
      ? BigInt(input.officePence)
      : roundDiv(BigInt(input.officePence) * partnersAfter, partnersBefore)
  return {
    partner,
    partnerAfterPence: Number(partnerAfter),
    partnersBeforePence: Number(partnersBefore),
    partnersAfterPence: Number(partnersAfter),
    officeAfterPence: Number(officeAfter),
    officeReductionPence: input.officePence - Number(officeAfter),
  }
}

/** Reads a percentage typed into a form, "12.5" or "12.5%", as hundredths of a per cent; null if it is not one. */
export function parsePercentage(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(text)
  if (!match) return null
  const value = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  return value <= 10_000 ? value : null
}

/** Whether an amount is more than its "up to" ceiling (no ceiling: never). */
export function exceedsCeiling(amountPence: Pence, ceilingPence: Pence | null): boolean {
  return ceilingPence !== null && amountPence > ceilingPence
}

function roundDiv(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n)
}
