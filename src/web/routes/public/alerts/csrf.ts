import type { NextFunction, Request, Response } from 'express'
import cookieParser from 'cookie-parser'
import { doubleSubmitCsrf } from '../../../session.ts'

export const ALERTS_CSRF_COOKIE = 'cr.alerts'

/**
 * The subscribe form's CSRF check: a signed double-submit cookie, as on the sign-in form, so that showing the
 * form stores nothing about the visitor.
 */
export function alertsCsrf(options: { secret: string; production: boolean }) {
  const { generateCsrfToken, doubleCsrfProtection } = doubleSubmitCsrf(options, ALERTS_CSRF_COOKIE, '/alerts')
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
