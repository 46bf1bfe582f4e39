import { randomBytes } from 'node:crypto'
import type { Express } from 'express'
import helmet from 'helmet'

/** A fresh CSP nonce per request; scripts without it do not run. */
export function setUpSecurity(app: Express, production: boolean): void {
  app.disable('x-powered-by')
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64')
    next()
  })
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: [
            "'self'",
            (_req, res) => `'nonce-${(res as unknown as { locals: { cspNonce: string } }).locals.cspNonce}'`,
          ],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: production ? [] : null,
        },
      },
      strictTransportSecurity: production,
      crossOriginEmbedderPolicy: false,
    }),
  )
}
