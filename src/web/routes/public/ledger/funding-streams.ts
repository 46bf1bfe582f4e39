import type { Request, Response } from 'express'
import { totalsByKind } from '../../../../domain/amount-kinds.ts'
import type { Services } from '../../../../services/index.ts'

/** Funding streams: per financial year, what was received, what public awards commit, and what is left. */
export class FundingStreamsController {
  constructor(private readonly services: Services) {}

  get = async (_req: Request, res: Response): Promise<void> => {
    const [streams, contributions] = await Promise.all([
      this.services.funding.overview(),
      this.services.coFunding.contributions({}),
    ])
    // Partners' money reaches services beside the office's funding streams: totalled per partner, each kind apart.
    const partners = new Map<string, { name: string; slug: string | null; rows: typeof contributions }>()
    for (const c of contributions) {
      const entry = partners.get(c.partnerName) ?? { name: c.partnerName, slug: c.partnerSlug, rows: [] }
      entry.rows.push(c)
      partners.set(c.partnerName, entry)
    }
    res.render('pages/public/ledger/funding-streams', {
      streams,
      partners: [...partners.values()].map((p) => ({ ...p, totals: totalsByKind(p.rows) })),
      contributionTotals: totalsByKind(contributions),
    })
  }
}
