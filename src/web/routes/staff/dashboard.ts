import type { Request, Response } from 'express'
import type { Services } from '../../../services/index.ts'

export class DashboardController {
  constructor(private readonly _services: Services) {}

  get = async (_req: Request, res: Response): Promise<void> => {
    res.render('pages/staff/dashboard', {})
  }
}
