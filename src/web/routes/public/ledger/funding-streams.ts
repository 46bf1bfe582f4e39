import type { Request, Response } from 'express'
import type { Services } from '../../../../services/index.ts'

/** Funding streams: per financial year, what was received, what public awards commit, and what is left. */
export class FundingStreamsController {
  constructor(private readonly services: Services) {}

  get = async (_req: Request, res: Response): Promise<void> => {
    res.render('pages/public/ledger/funding-streams', { streams: await this.services.funding.overview() })
  }
}
