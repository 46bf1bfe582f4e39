import type { NextFunction, Request, Response } from 'express'
import type { Services } from '../../../../services/index.ts'
import { FormError } from '../../../../services/shared/form-error.ts'
import { actorOf } from '../../../auth.ts'
import { errorList } from '../../../validation.ts'

/** Where a person with a one-time password may go before choosing their own. */
const ALLOWED_BEFORE_CHANGE = ['/account/password', '/sign-out', '/sign-in']

/** Everyone changes their own password here; someone holding a one-time password is sent here first. */
export class OwnPasswordController {
  constructor(private readonly services: Services) {}

  /** Middleware: a signed-in person whose password was set by an administrator must change it before anything else. */
  requireOwnPassword = (req: Request, res: Response, next: NextFunction): void => {
    const user = res.locals.user
    if (!user?.must_change_password || ALLOWED_BEFORE_CHANGE.includes(req.path)) return next()
    if (req.method !== 'GET') return void res.redirect(303, '/staff/account/password')
    res.redirect('/staff/account/password')
  }

  get = (req: Request, res: Response): void => {
    res.render('pages/staff/accounts/own-password', {
      oneTime: res.locals.user!.must_change_password,
      done: req.query.done === '1',
      errors: {},
    })
  }

  post = async (req: Request, res: Response): Promise<void> => {
    const body = (req.body ?? {}) as Record<string, unknown>
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '')
    try {
      await this.services.ownPassword.change(
        res.locals.user!.id,
        { current: text('current'), password: text('password'), confirm: text('confirm') },
        req.sessionID ?? null,
        actorOf(res),
      )
      res.redirect(303, '/staff/account/password?done=1')
    } catch (error) {
      if (!(error instanceof FormError)) throw error
      // Passwords are never put back into the form.
      res.status(400).render('pages/staff/accounts/own-password', {
        oneTime: res.locals.user!.must_change_password,
        errors: error.errors,
        errorList: errorList(error.errors),
      })
    }
  }
}
