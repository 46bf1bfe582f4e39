import type { NextFunction, Request, Response } from 'express'
import type { Role } from '../domain/roles.ts'
import { OfficeScope } from '../domain/office-scope.ts'
import type { User } from '../services/accounts/accounts.ts'
import { scopeOf as membershipScope } from '../services/accounts/memberships.ts'
import type { Services } from '../services/index.ts'
import type { SiteSettings } from '../services/offices/settings.ts'
import type { Actor } from '../services/audit/audit.ts'
import { SESSION_ABSOLUTE_LIMIT_MS } from './session.ts'

declare module 'express-serve-static-core' {
  interface Locals {
    user?: User
    /**
     * The offices this request may reach, with the roles held in each: computed once from the signed-in person
     * (or API token), narrowed where a route is mounted to the offices where its roles are held, and passed to
     * every service that reads or changes an office's records.
     */
    scope?: OfficeScope
    /** The office chosen for the session by someone who works for several (see `/staff/office`). */
    currentOffice?: { id: number; name: string }
  }
}

/**
 * Puts the signed-in person, if any, in res.locals.user. A session is ended, and its holder treated as
 * signed out, when the person is deactivated or gone, signed out everywhere since, or signed in more than
 * twelve hours ago.
 */
export function loadUser(services: Services) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const userId = req.session?.userId
    if (!userId) return next()
    const user = await services.accounts.findById(userId)
    const signedInAt = req.session.signedInAt ?? 0
    const tooOld = Date.now() - signedInAt > SESSION_ABSOLUTE_LIMIT_MS
    if (!user || !user.active || signedInAt < user.sessions_valid_after.getTime() || tooOld) {
      await new Promise<void>((resolve) => req.session.destroy(() => resolve()))
      return next()
    }
    const chosen = req.session.officeId
    const membership = user.memberships.find((m) => m.officeId === chosen)
    if (membership && user.memberships.length > 1) {
      // Someone who works for several offices and chose one: every page reaches that office's records only.
      const scope = OfficeScope.of([membership], user.deployment_admin)
      res.locals.user = { ...user, roles: scope.roles() }
      res.locals.scope = scope
      res.locals.currentOffice = { id: membership.officeId, name: req.session.officeName ?? '' }
    } else {
      if (chosen !== undefined) {
        // No longer a member there (or of one office only): back to every office they hold.
        delete req.session.officeId
        delete req.session.officeName
      }
      res.locals.user = user
      res.locals.scope = membershipScope(user)
    }
    res.locals.site = await staffSite(services, res)
    next()
  }
}

/**
 * The staff pages' header names the office the person works in: the one they chose, or their only office;
 * someone working across several offices sees the register's own name.
 */
async function staffSite(services: Services, res: Response): Promise<SiteSettings & { office?: null }> {
  const site = res.locals.site as SiteSettings
  if (res.locals.currentOffice) return { ...site, officeName: res.locals.currentOffice.name }
  const user = res.locals.user!
  if (user.memberships.length === 1 && !user.deployment_admin) {
    const [office] = await services.officeSettings.offices(OfficeScope.of(user.memberships))
    if (office) return { ...site, officeName: office.name, copyrightHolder: office.name }
  }
  return { ...site, officeName: site.registerName, office: null }
}

/**
 * The one place staff routes are authorised: no session → the sign-in page; signed in without any of
 * the roles → 403. Handlers below it can rely on res.locals.user.
 */
export function requireRoles(...roles: Role[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const user = res.locals.user
    if (!user) {
      const returnTo = req.method === 'GET' ? req.originalUrl : '/staff'
      res.redirect(`/staff/sign-in?returnTo=${encodeURIComponent(returnTo)}`)
      return
    }
    const scope = (res.locals.scope ?? OfficeScope.none).withRoles(...roles)
    if (roles.length && !scope.hasRole(...roles)) {
      res.status(403).render('pages/forbidden')
      return
    }
    res.locals.scope = scope
    next()
  }
}

/** Who is acting, with the offices they may act in: the services refuse a change to any other office's record. */
export function actorOf(res: Response): Actor {
  const user = res.locals.user
  return user
    ? { userId: user.id, label: `${user.name} <${user.email}>`, scope: scopeOf(res) }
    : { userId: null, label: 'anonymous', scope: OfficeScope.none }
}

/** The request's office scope (nothing, for someone signed out). */
export function scopeOf(res: Response): OfficeScope {
  return res.locals.scope ?? OfficeScope.none
}
