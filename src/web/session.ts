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

/**
 * express-session sends the headers of a response before its store has saved the session, so a client
 * that follows a redirect at once (as browsers do) can arrive before the session exists. Redirects wait
 * for the save.
 */
export function saveSessionBeforeRedirect(req: Request, res: Response, next: NextFunction): void {
  const redirect = res.redirect.bind(res) as (...args: unknown[]) => void
  res.redirect = ((...args: unknown[]) => {
    if (!req.session) return redirect(...args)
    req.session.save((error) => (error ? next(error) : redirect(...args)))
  }) as Response['redirect']
  next()
}
