import type { NextFunction, Request, Response } from 'express'
import session from 'express-session'
import cookieParser from 'cookie-parser'
import { csrfSync } from 'csrf-sync'
import { doubleCsrf } from 'csrf-csrf'
import type { Kysely } from 'kysely'
import { DatabaseSessionStore } from '../db/session-store.ts'
import type { DB } from '../db/tables/index.ts'

declare module 'express-session' {
  interface SessionData {
    userId?: number
    signedInAt?: number
    flash?: string
    /** The office chosen for this session by someone who works for several; unset means all of them. */
    officeId?: number
    officeName?: string
    formState?: Record<string, unknown>
  }
}

export const SESSION_COOKIE = 'cr.sid'
export const SIGN_IN_CSRF_COOKIE = 'cr.signin'
/** Signed in longer than this, a session ends however active it has been. */
export const SESSION_ABSOLUTE_LIMIT_MS = 12 * 60 * 60 * 1000

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

/**
 * For signed-in pages with forms that change things: a token kept in the session, in res.locals, and
 * POSTs refused without it. Nobody signed in gets no token, so a visit creates no session; their POSTs
 * go to the sign-in page. The sign-in form has its own check (signInCsrf), which needs no session.
 */
export function csrf(req: Request, res: Response, next: NextFunction): void {
  if (req.path === '/sign-in') return next()
  const safe = req.method === 'GET' || req.method === 'HEAD'
  if (!req.session?.userId) return safe ? next() : res.redirect(303, '/staff/sign-in')
  res.locals.csrfToken = generateToken(req)
  if (safe) return next()
  csrfSynchronisedProtection(req, res, next)
}

/** A signed double-submit cookie (OWASP) for a form posted without a session: its cookie, for `path` only. */
export function doubleSubmitCsrf(options: { secret: string; production: boolean }, cookieName: string, path: string) {
  return doubleCsrf({
    getSecret: () => options.secret,
    // With no session to bind to, the random value in the cookie is the binding.
    getSessionIdentifier: () => '',
    cookieName,
    cookieOptions: { sameSite: 'strict', secure: options.production, httpOnly: true, path },
    getCsrfTokenFromRequest: (req) => (req.body as Record<string, string> | undefined)?._csrf,
  })
}

/**
 * The sign-in form's CSRF check without a server-side session: a signed double-submit cookie (OWASP),
 * so showing the form stores nothing and a session is made only when someone signs in.
 */
export function signInCsrf(options: { secret: string; production: boolean }) {
  const { generateCsrfToken, doubleCsrfProtection } = doubleSubmitCsrf(options, SIGN_IN_CSRF_COOKIE, '/staff/sign-in')
  const parseCookies = cookieParser()
  return (req: Request, res: Response, next: NextFunction): void => {
    parseCookies(req, res, () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return doubleCsrfProtection(req, res, next)
      res.locals.csrfToken = generateCsrfToken(req, res)
      next()
    })
  }
}

/**
 * express-session sends the headers of a response before its store has saved the session, so a client
 * that follows a redirect at once (as browsers do) can arrive before the session exists. Redirects wait
 * for the save.
 */
export function saveSessionBeforeRedirect(req: Request, res: Response, next: NextFunction): void {
  const redirect = res.redirect.bind(res) as (...args: unknown[]) => void
  res.redirect = ((...args: unknown[]) => {
    // Only a signed-in session is worth saving: a visitor being sent to sign in leaves nothing behind.
    if (!req.session?.userId) return redirect(...args)
    req.session.save((error) => (error ? next(error) : redirect(...args)))
  }) as Response['redirect']
  next()
}
