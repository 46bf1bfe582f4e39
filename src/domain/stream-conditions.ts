/**
 * The conditions a funding stream's money comes with, and the check of awards against them. Pure: the caller
 * gathers the streams, the awards they pay, what each stream received and committed per financial year, and the
 * partner contributions that may count as match funding.
 */
import { FINDING_CODES, type FindingCode, type FindingSeverity } from './finding-codes.ts'
import { financialYear } from './financial-year.ts'
import { formatPounds } from './money-words.ts'
import { SERVICE_TYPES, SERVICE_TYPE_LABELS, type ServiceType } from './service-types.ts'
import { formatUkDate } from './uk-date.ts'

export const FUNDING_STATUSES = ['confirmed', 'expected'] as const
export type FundingStatus = (typeof FUNDING_STATUSES)[number]

export interface MatchFundingRequirement {
  financialYear: number
  fromOrganisationId: number | null
  fromName: string
  /** Exactly one of the two: an amount in pence, or a share in per cent of what the stream received that year. */
  amountPence: number | null
  sharePercent: number | null
}

export interface StreamConditions {
  id: number
  name: string
  grantStart: string | null
  grantEnd: string | null
  spendBy: string | null
  fundingStatus: FundingStatus
  ringFencedServiceTypes: readonly string[]
  ringFenceNames: readonly string[]
  matchFunding: readonly MatchFundingRequirement[]
}

export interface CheckedAward {
  id: number
  decisionId: number
  /** How the decision is named in a message: its reference, else its title. */
  decisionName: string
  streamId: number
  recipientName: string
  periodStart: string | null
  periodEnd: string | null
  financialYear: number | null
  serviceName: string | null
  serviceType: string | null
  condition: string | null
}

export interface StreamYearMoney {
  streamId: number
  financialYear: number
  /** Null when nothing received is recorded for the year. */
  receivedPence: number | null
  /** One-off commitments apportioned to the year plus yearly amounts; "up to" ceilings are not counted. */
  committedPence: number
}

export interface MatchContribution {
  streamId: number
  financialYear: number
  organisationId: number | null
  organisationName: string
  amountPence: number
}

/** A partner contribution that depends on a funding stream's money (subject to funding). */
export interface FundedContribution {
  id: number
  decisionId: number
  /** How the decision is named in a message: its reference, else its title. */
  decisionName: string
  streamId: number
  organisationName: string
}

export interface ConditionFinding {
  code: FindingCode
  severity: FindingSeverity
  message: string
  streamId: number
  decisionId: number | null
  awardId: number | null
  financialYear: number | null
}

/** The service types a stream's money may pay for: those ticked, and named ring-fences that name a type ("ISVA"). */
export function ringFencedTypes(
  stream: Pick<StreamConditions, 'ringFencedServiceTypes' | 'ringFenceNames'>,
): ServiceType[] {
  const names = stream.ringFenceNames.map((n) => n.trim().toLowerCase())
  return SERVICE_TYPES.filter(
    (type) =>
      stream.ringFencedServiceTypes.includes(type) ||
      names.includes(type) ||
      names.includes(SERVICE_TYPE_LABELS[type].toLowerCase()),
  )
}

/** An award's condition that makes it depend on funding still to come: "subject to … funding". */
export function isSubjectToFunding(condition: string | null): boolean {
  return condition !== null && /\bsubject to\b[^.;]*\bfunding\b/i.test(condition)
}

/** The pence a match funding requirement asks for, given the stream's money in that year. */
export function requiredMatchPence(requirement: MatchFundingRequirement, year: StreamYearMoney | undefined): number {
  if (requirement.amountPence !== null) return requirement.amountPence
  const base = year ? (year.receivedPence ?? year.committedPence) : 0
  return Math.round((base * (requirement.sharePercent ?? 0)) / 100)
}

function make(
  code: FindingCode,
  message: string,
  where: { streamId: number; decisionId?: number | null; awardId?: number | null; financialYear?: number | null },
): ConditionFinding {
  return {
    code,
    severity: FINDING_CODES[code].severity,
    message,
    streamId: where.streamId,
    decisionId: where.decisionId ?? null,
    awardId: where.awardId ?? null,
    financialYear: where.financialYear ?? null,
  }
}

function sameOrganisation(requirement: MatchFundingRequirement, contribution: MatchContribution): boolean {
  if (requirement.fromOrganisationId !== null && contribution.organisationId !== null)
    return requirement.fromOrganisationId === contribution.organisationId
  return requirement.fromName.trim().toLowerCase() === contribution.organisationName.trim().toLowerCase()
}

/** Whether a stream's conditions can be broken by a single award (the rest concern a year's totals). */
export function conditionsConcernAwards(stream: StreamConditions): boolean {
  return Boolean(stream.spendBy) || ringFencedTypes(stream).length > 0 || stream.fundingStatus === 'expected'
}

type ConditionsInput = Parameters<typeof checkStreamConditions>[0]

/** Every way the awards break the conditions of the streams that pay them, stream by stream. */
export function checkStreamConditions(input: {
  streams: readonly StreamConditions[]
  awards: readonly CheckedAward[]
  years: readonly StreamYearMoney[]
  contributions: readonly MatchContribution[]
  /** Contributions subject to a stream's funding. */
  fundedContributions?: readonly FundedContribution[]
}): ConditionFinding[] {
  return input.streams.flatMap((stream) => {
    const years = input.years.filter((y) => y.streamId === stream.id)
    return [
      ...input.awards.filter((a) => a.streamId === stream.id).flatMap((award) => awardFindings(stream, award)),
      ...unconfirmedContributionFindings(stream, input.fundedContributions ?? []),
      ...overcommittedYearFindings(stream, years),
      ...matchFundingFindings(stream, years, input.contributions),
    ]
  })
}

/** An award that runs past the stream's spend-by date, breaks its ring fence, or waits on funding still expected. */
function awardFindings(stream: StreamConditions, award: CheckedAward): ConditionFinding[] {
  const findings: ConditionFinding[] = []
  const fenced = ringFencedTypes(stream)
  const where = { streamId: stream.id, decisionId: award.decisionId, awardId: award.id }
  const end = award.periodEnd ?? (award.financialYear !== null ? financialYear(award.financialYear).end : null)
  if (stream.spendBy && end && end > stream.spendBy)
    findings.push(
      make(
        'award_after_spend_by',
        `${award.decisionName}: the award to ${award.recipientName} runs to ${formatUkDate(end)}, after ${stream.name} must be spent by ${formatUkDate(stream.spendBy)}`,
        where,
      ),
    )
  if (fenced.length && award.serviceType && !(fenced as string[]).includes(award.serviceType))
    findings.push(
      make(
        'ring_fence_breach',
        `${award.decisionName}: ${stream.name} is ring-fenced to ${fenced.map((t) => SERVICE_TYPE_LABELS[t]).join(', ')}, but pays ${award.recipientName} for ${award.serviceName ?? 'a service'}, ${(SERVICE_TYPE_LABELS[award.serviceType as ServiceType] ?? award.serviceType).toLowerCase()}`,
        where,
      ),
    )
  if (stream.fundingStatus === 'expected' && isSubjectToFunding(award.condition))
    findings.push(
      make(
        'funding_unconfirmed',
        `${award.decisionName}: the award to ${award.recipientName} is subject to funding, and ${stream.name} is still expected, not confirmed`,
        where,
      ),
    )
  return findings
}

/** Contributions subject to a stream whose funding is still expected. */
function unconfirmedContributionFindings(
  stream: StreamConditions,
  contributions: NonNullable<ConditionsInput['fundedContributions']>,
): ConditionFinding[] {
  if (stream.fundingStatus !== 'expected') return []
  return contributions
    .filter((contribution) => contribution.streamId === stream.id)
    .map((contribution) =>
      make(
        'funding_unconfirmed',
        `${contribution.decisionName}: the contribution from ${contribution.organisationName} is subject to ${stream.name}, which is still expected, not confirmed`,
        { streamId: stream.id, decisionId: contribution.decisionId },
      ),
    )
}

/** Years in which the stream has more committed than it received, earliest first. */
function overcommittedYearFindings(stream: StreamConditions, years: readonly StreamYearMoney[]): ConditionFinding[] {
  return [...years]
    .sort((a, b) => a.financialYear - b.financialYear)
    .filter((year) => year.receivedPence !== null && year.committedPence > year.receivedPence)
    .map((year) =>
      make(
        'stream_overcommitted',
        `${stream.name} has ${formatPounds(year.committedPence)} committed in ${financialYear(year.financialYear).label} but received ${formatPounds(year.receivedPence!)}: ${formatPounds(year.committedPence - year.receivedPence!)} more than it received`,
        { streamId: stream.id, financialYear: year.financialYear },
      ),
    )
}

/** Years in which the match funding a stream requires from a partner falls short of what is recorded. */
function matchFundingFindings(
  stream: StreamConditions,
  years: readonly StreamYearMoney[],
  contributions: readonly MatchContribution[],
): ConditionFinding[] {
  const findings: ConditionFinding[] = []
  for (const requirement of [...stream.matchFunding].sort((a, b) => a.financialYear - b.financialYear)) {
    const required = requiredMatchPence(
      requirement,
      years.find((y) => y.financialYear === requirement.financialYear),
    )
    if (required <= 0) continue
    const found = contributions
      .filter(
        (c) =>
          c.streamId === stream.id && c.financialYear === requirement.financialYear && sameOrganisation(requirement, c),
      )
      .reduce((sum, c) => sum + c.amountPence, 0)
    if (found < required)
      findings.push(
        make(
          'match_funding_short',
          `${stream.name} needs ${formatPounds(required)} match funding from ${requirement.fromName} in ${financialYear(requirement.financialYear).label}${requirement.sharePercent !== null ? ` (${requirement.sharePercent}%)` : ''}; ${formatPounds(found)} is recorded, ${formatPounds(required - found)} short`,
          { streamId: stream.id, financialYear: requirement.financialYear },
        ),
      )
  }
  return findings
}
