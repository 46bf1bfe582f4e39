import type { Request, Response } from 'express'
import { z } from 'zod'
import type { Services } from '../../../../services/index.ts'
import { LOCK_MINUTES } from '../../../../services/accounts/accounts.ts'
import { actorOf } from '../../../auth.ts'
import { errorList } from '../../../validation.ts'

const signInForm = z.object({
  email: z.string().trim().min(1, { message: 'Enter your email address' }).max(320),
  password: z.string().min(1, { message: 'Enter your password' }).max(200),
  returnTo: z.string().optional(),
})

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Only addresses inside the staff area: a sign-in link cannot send anyone elsewhere. */
function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/staff(\/|$|\?)/.test(value) && !value.startsWith('//') ? value : '/staff'
}

export class SignInController {
  constructor(private readonly services: Services) {}

  get = (req: Request, res: Response): void => {
    if (res.locals.user) return res.redirect(safeReturnTo(req.query.returnTo))
    res.render('pages/staff/accounts/sign-in', { returnTo: safeReturnTo(req.query.returnTo), values: {} })
  }

  post = async (req: Request, res: Response): Promise<void> => {
    const parsed = signInForm.safeParse(req.body)
    const returnTo = safeReturnTo(req.body?.returnTo)
    if (!parsed.success) {
      const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]))
      res.status(400).render('pages/staff/accounts/sign-in', {
        returnTo,
        values: { email: req.body?.email },
        errors,
        errorList: errorList(errors),
      })
      return
    }
    const result = await this.services.accounts.signIn(parsed.data.email, parsed.data.password)
    if (!result.ok) {
      // Each failure in a row waits longer before answering, up to four seconds.
      await wait(Math.min(4000, 250 * 2 ** Math.max(0, result.failedAttempts - 1)))
      const message =
        result.reason === 'locked'
          ? `Too many attempts to sign in. Wait ${LOCK_MINUTES} minutes and try again.`
          : 'Enter a correct email address and password'
      const errors = { email: message }
      res.status(401).render('pages/staff/accounts/sign-in', {
        returnTo,
        values: { email: parsed.data.email },
        errors,
        errorList: errorList(errors),
      })
      return
    }
    await new Promise<void>((resolve, reject) => req.session.regenerate((error) => (error ? reject(error) : resolve())))
    req.session.userId = result.user.id
    req.session.signedInAt = Date.now()
    res.redirect(returnTo)
  }

  signOut = async (req: Request, res: Response): Promise<void> => {
    await new Promise<void>((resolve) => req.session.destroy(() => resolve()))
    res.clearCookie('cr.sid')
    res.redirect('/staff/sign-in?signedOut=1')
  }

  signOutEverywhere = async (req: Request, res: Response): Promise<void> => {
    if (res.locals.user) await this.services.accounts.signOutEverywhere(res.locals.user.id, actorOf(res))
    res.clearCookie('cr.sid')
    res.redirect('/staff/sign-in?signedOut=1')
  }
}
