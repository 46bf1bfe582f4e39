import type { NextFunction, Request, Response } from 'express'
import cookieParser from 'cookie-parser'
import { doubleCsrf } from 'csrf-csrf'

export const ALERTS_CSRF_COOKIE = 'cr.alerts'

/**
 * The subscribe form's CSRF check: a signed double-submit cookie, as on the sign-in form, so that showing the
 * form stores nothing about the visitor.
 */
export function alertsCsrf(options: { secret: string; production: boolean }) {
  const { generateCsrfToken, doubleCsrfProtection } = doubleCsrf({
    getSecret: () => options.secret,
    getSessionIdentifier: () => '',
    cookieName: ALERTS_CSRF_COOKIE,
    cookieOptions: { sameSite: 'strict', secure: options.production, httpOnly: true, path: '/alerts' },
    getCsrfTokenFromRequest: (req) => (req.body as Record<string, string> | undefined)?._csrf,
  })
  const parseCookies = cookieParser()
  return (req: Request, res: Response, next: NextFunction): void => {
    parseCookies(req, res, () => {
      const withToken = () => {
        // The form shown again after a mistake needs the token too.
        res.locals.csrfToken = generateCsrfToken(req, res)
        next()
      }
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return doubleCsrfProtection(req, res, (error?: unknown) => (error ? next(error) : withToken()))
      withToken()
    })
  }
}
