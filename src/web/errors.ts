import type { Express, NextFunction, Request, Response } from 'express'
import { logger } from '../logger.ts'

export function setUpErrorHandling(app: Express, production: boolean): void {
  app.use((_req: Request, res: Response) => {
    res.status(404).render('pages/not-found')
  })
  app.use((error: Error & { status?: number }, req: Request, res: Response, _next: NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 600 ? error.status : 500
    if ((error as { code?: string }).code === 'EBADCSRFTOKEN') {
      res.status(403).render('pages/form-expired')
      return
    }
    logger.error('request failed', { requestId: res.locals.requestId, path: req.path, status, error: error.message, stack: production ? undefined : error.stack })
    res.status(status).render('pages/error', { status, message: production ? null : error.message, stack: production ? null : error.stack })
  })
}
