import type { Request, Response } from 'express'
import { totalsByKind } from '../../../../domain/amount-kinds.ts'
import { formatUkDate } from '../../../../domain/uk-date.ts'
import { ringFencedTypes, type StreamConditions } from '../../../../domain/stream-conditions.ts'
import { SERVICE_TYPE_LABELS } from '../../../../domain/service-types.ts'
import type { Services } from '../../../../services/index.ts'
import { registerOffices } from '../offices/register-context.ts'

/** A stream's page lists this many of its findings, then says how many more there are. */
const FINDINGS_SHOWN = 20

/** A stream's conditions as short sentences for the public page. */
function conditionLines(c: (StreamConditions & { agreementReference: string | null }) | undefined): string[] {
  if (!c) return []
  const lines: string[] = []
  if (c.fundingStatus === 'expected') lines.push('Expected: not yet confirmed by the funder.')
  if (c.grantStart && c.grantEnd) lines.push(`Grant period ${formatUkDate(c.grantStart)} to ${formatUkDate(c.grantEnd)}.`)
  if (c.spendBy) lines.push(`To be spent by ${formatUkDate(c.spendBy)}.`)
  const fenced = ringFencedTypes(c)
  if (c.ringFenceNames.length || fenced.length)
    lines.push(
      `Ring-fenced to ${[...new Set([...c.ringFenceNames, ...c.ringFencedServiceTypes.map((t) => SERVICE_TYPE_LABELS[t as keyof typeof SERVICE_TYPE_LABELS] ?? t)])].join(', ')}.`,
    )
  if (c.agreementReference) lines.push(`Grant agreement ${c.agreementReference}.`)
  return lines
}

/** Funding streams: per financial year, what was received, what public awards commit, and what is left. */
export class FundingStreamsController {
  constructor(private readonly services: Services) {}

  get = async (_req: Request, res: Response): Promise<void> => {
    const offices = registerOffices(res)
    const [streams, contributions, findings, conditions] = await Promise.all([
      this.services.funding.overview(offices),
      this.services.coFunding.contributions({ offices }),
      this.services.streamConditions.publicFindings(),
      this.services.streamConditions.publicConditions(),
    ])
    // Partners' money reaches services beside the office's funding streams: totalled per partner, each kind apart.
    const partners = new Map<string, { name: string; slug: string | null; rows: typeof contributions }>()
    for (const c of contributions) {
      const entry = partners.get(c.partnerName) ?? { name: c.partnerName, slug: c.partnerSlug, rows: [] }
      entry.rows.push(c)
      partners.set(c.partnerName, entry)
    }
    res.render('pages/public/ledger/funding-streams', {
      streams: streams.map((s) => ({
        ...s,
        findings: (findings.get(s.id) ?? []).slice(0, FINDINGS_SHOWN),
        findingsNotShown: Math.max(0, (findings.get(s.id)?.length ?? 0) - FINDINGS_SHOWN),
        conditionLines: conditionLines(conditions.get(s.id)),
      })),
      partners: [...partners.values()].map((p) => ({ ...p, totals: totalsByKind(p.rows) })),
      contributionTotals: totalsByKind(contributions),
    })
  }
}
