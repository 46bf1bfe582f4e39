import type { NextFunction, Request, Response } from 'express'
import session from 'express-session'
import { csrfSync } from 'csrf-sync'
import type { Kysely } from 'kysely'
import { DatabaseSessionStore } from '../db/session-store.ts'
import type { DB } from '../db/tables/index.ts'

declare module 'express-session' {
  interface SessionData {
    userId?: number
    signedInAt?: number
    flash?: string
    formState?: Record<string, unknown>
  }
}

export const SESSION_COOKIE = 'cr.sid'

const { csrfSynchronisedProtection, generateToken } = csrfSync({
  getTokenFromRequest: (req) => (req.body as Record<string, string> | undefined)?._csrf ?? req.get('x-csrf-token'),
})

/** Sessions in the database (they survive restarts and can be revoked), then a CSRF token on every form. */
export function sessionMiddleware(db: Kysely<DB>, options: { secret: string; production: boolean }) {
  return session({
      name: SESSION_COOKIE,
      store: new DatabaseSessionStore(db),
      secret: options.secret,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: options.production, maxAge: 8 * 60 * 60 * 1000 },
    })
}

/** For pages with forms that change things: a token in res.locals, and POSTs refused without it. */
export function csrf(req: Request, res: Response, next: NextFunction): void {
  res.locals.csrfToken = generateToken(req)
  if (req.method === 'GET' || req.method === 'HEAD') return next()
  csrfSynchronisedProtection(req, res, next)
}
