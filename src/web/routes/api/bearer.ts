import type { NextFunction, Request, Response } from 'express'
import { ROLE_LABELS, type Role } from '../../../domain/roles.ts'
import type { TokenHolder, TokenScope } from '../../../services/accounts/api-tokens.ts'
import type { Services } from '../../../services/index.ts'
import { PROBLEM_TYPES, sendProblem } from './problem.ts'

declare module 'express-serve-static-core' {
  interface Locals {
    tokenHolder?: TokenHolder
  }
}

/**
 * The one check of the staff API: a live personal access token whose scope covers the request (write covers
 * read), held by someone with the role the equivalent staff page requires.
 */
export function requireToken(services: Services, scope: TokenScope, role?: Role) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')
    const holder = match ? await services.apiTokens.authenticate(match[1]!) : null
    if (!holder) {
      res.set(
        'WWW-Authenticate',
        match ? 'Bearer realm="staff API", error="invalid_token"' : 'Bearer realm="staff API"',
      )
      sendProblem(res, {
        type: PROBLEM_TYPES.unauthorised,
        title: 'A personal access token is needed',
        status: 401,
        detail: match
          ? 'The token is not known, has been revoked, or belongs to a deactivated account.'
          : 'Send a personal access token as "Authorization: Bearer <token>". Staff make tokens at /staff/tokens.',
      })
      return
    }
    if (scope === 'write' && holder.scope !== 'write') {
      res.set('WWW-Authenticate', 'Bearer realm="staff API", error="insufficient_scope", scope="write"')
      sendProblem(res, {
        type: PROBLEM_TYPES.forbidden,
        title: 'The token may only read',
        status: 403,
        detail: 'This request changes the register: it needs a token with the write scope.',
      })
      return
    }
    const offices = role ? holder.offices.withRoles(role) : holder.offices
    if (role && !offices.hasRole(role)) {
      sendProblem(res, {
        type: PROBLEM_TYPES.forbidden,
        title: `This needs the ${ROLE_LABELS[role].toLowerCase()} role`,
        status: 403,
        detail: `Only staff with the ${ROLE_LABELS[role].toLowerCase()} role may do this, as on the staff pages; the token's holder does not have it.`,
      })
      return
    }
    res.locals.tokenHolder = holder
    res.locals.scope = offices
    next()
  }
}
