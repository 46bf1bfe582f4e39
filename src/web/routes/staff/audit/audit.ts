import type { Request, Response } from 'express'
import { scopeOf } from '../../../auth.ts'
import type { Services } from '../../../../services/index.ts'

export class AuditController {
  constructor(private readonly services: Services) {}

  get = async (_req: Request, res: Response): Promise<void> => {
    const [entries, verification] = await Promise.all([
      this.services.audit.recent(200, scopeOf(res)),
      this.services.audit.verify(),
    ])
    res.render('pages/staff/audit/audit', { entries, verification })
  }
}
