import { randomUUID } from 'node:crypto'
import compression from 'compression'
import express, { type Express } from 'express'
import type { Config } from '../config.ts'
import { logger } from '../logger.ts'
import type { Services } from '../services/index.ts'
import { apiRoutes } from './routes/api/index.ts'
import { setUpErrorHandling } from './errors.ts'
import { setUpNunjucks } from './nunjucks.ts'
import { publicHttpCaching } from './http-caching.ts'
import { publicPageCache } from './page-cache.ts'
import { rejectInvalidInput } from './request-validation.ts'
import { healthRoutes } from './routes/health.ts'
import { publicRoutes } from './routes/public/index.ts'
import { alertRoutes } from './routes/public/alerts/index.ts'
import { officeRoutes, publicRegisterContext } from './routes/public/offices/index.ts'
import { setUpSecurity } from './security.ts'
import { saveSessionBeforeRedirect, sessionMiddleware } from './session.ts'
import { staffRoutes } from './routes/staff/index.ts'
import { setUpStaticResources } from './static.ts'

export function createApp(
  services: Services,
  config: Pick<Config, 'production'> & { publicCacheSeconds?: number; sessionSecret?: string; smtpUrl?: string | null },
): Express {
  const app = express()
  app.set('trust proxy', 1)
  app.set('query parser', 'simple')
  app.use((req, res, next) => {
    const started = process.hrtime.bigint()
    res.locals.requestId = req.get('x-request-id') ?? randomUUID()
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      logger.debug('request', {
        requestId: res.locals.requestId,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
      })
    })
    next()
  })
  app.use(compression())
  setUpSecurity(app, config.production)
  const sessionSecret = config.sessionSecret ?? 'development-only-session-secret'
  const sessions = sessionMiddleware(services.database.db, { secret: sessionSecret, production: config.production })
  setUpStaticResources(app)
  setUpNunjucks(app, config.production)
  app.use(healthRoutes(services))
  app.use(async (_req, res, next) => {
    res.locals.site = await services.settings.site()
    res.locals.base = ''
    next()
  })
  app.use(rejectInvalidInput)
  app.use('/api', apiRoutes(services))
  app.use('/staff', (req, res, next) => sessions(req, res, next))
  app.use('/staff', saveSessionBeforeRedirect)
  app.use(
    '/staff',
    staffRoutes(services, { sessionSecret, production: config.production, smtpConfigured: Boolean(config.smtpUrl) }),
  )
  app.use(publicRegisterContext(services))
  app.use('/alerts', alertRoutes(services, { secret: sessionSecret, production: config.production }))
  app.use(publicHttpCaching(config.publicCacheSeconds ?? 0))
  app.use(publicPageCache(config.publicCacheSeconds ?? 0))
  app.use(officeRoutes(services))
  app.use(publicRoutes(services))
  setUpErrorHandling(app, config.production)
  return app
}
