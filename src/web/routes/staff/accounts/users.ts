import type { NextFunction, Request, Response } from 'express'
import { ROLES, ROLE_LABELS, type Role } from '../../../../domain/roles.ts'
import { AccountError, type User } from '../../../../services/accounts/accounts.ts'
import type { Services } from '../../../../services/index.ts'
import { actorOf, scopeOf } from '../../../auth.ts'
import { errorList, type FieldErrors } from '../../../validation.ts'

function rolesFrom(body: unknown): string[] {
  const value = (body as Record<string, unknown> | undefined)?.roles
  if (Array.isArray(value)) return value.map(String)
  return typeof value === 'string' && value ? [value] : []
}

const roleItems = (selected: string[]) =>
  ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role], checked: selected.includes(role) }))
const roleLabels = (roles: readonly string[]) => roles.map((r) => ROLE_LABELS[r as Role] ?? r)

/** Administrators list, add and look after staff accounts: roles, deactivation, password resets. */
export class UsersController {
  constructor(private readonly services: Services) {}

  list = async (_req: Request, res: Response): Promise<void> => {
    const users = await this.services.accounts.list(scopeOf(res))
    res.render('pages/staff/accounts/users', { users: users.map((u) => ({ ...u, roleLabels: roleLabels(u.roles) })) })
  }

  newForm = (_req: Request, res: Response): void => {
    res.render('pages/staff/accounts/user-new', { values: {}, roleItems: roleItems([]) })
  }

  create = async (req: Request, res: Response): Promise<void> => {
    const values = { email: String(req.body?.email ?? ''), name: String(req.body?.name ?? '') }
    const roles = rolesFrom(req.body)
    try {
      const scope = scopeOf(res)
      // An administrator of one office adds staff to it; a deployment administrator to the home office.
      const officeId = scope.allOffices ? undefined : scope.officeFor('administrator')
      const { user, password } = await this.services.accounts.create(
        { ...values, roles: roles as Role[], officeId },
        actorOf(res),
        { mustChangePassword: true },
      )
      res.render('pages/staff/accounts/user-created', { created: user, password })
    } catch (error) {
      if (!(error instanceof AccountError)) throw error
      const errors = { [error.field ?? 'email']: error.message }
      res.status(400).render('pages/staff/accounts/user-new', {
        values,
        roleItems: roleItems(roles),
        errors,
        errorList: errorList(errors),
      })
    }
  }

  show = this.forPerson(async (person, req, res) => {
    const done = {
      roles: 'Roles changed',
      deactivated: 'Account deactivated: their sessions and API tokens have ended',
      reactivated: 'Account reactivated',
    }
    const flash = done[String(req.query.done) as keyof typeof done] ?? null
    res.render('pages/staff/accounts/user', {
      person: { ...person, roleLabels: roleLabels(person.roles) },
      flash,
      self: person.id === res.locals.user!.id,
    })
  })

  rolesForm = this.forPerson(async (person, _req, res) => {
    res.render('pages/staff/accounts/user-roles', { person, roleItems: roleItems(person.roles) })
  })

  saveRoles = this.forPerson(async (person, req, res) => {
    const roles = rolesFrom(req.body)
    try {
      await this.services.accounts.setRoles(person.id, roles as Role[], actorOf(res))
      res.redirect(303, `/staff/users/${person.id}?done=roles`)
    } catch (error) {
      this.refuse(error, res, 'pages/staff/accounts/user-roles', { person, roleItems: roleItems(roles) }, 'roles')
    }
  })

  statusForm = this.forPerson(async (person, _req, res) => {
    res.render('pages/staff/accounts/user-status', { person })
  })

  saveStatus = this.forPerson(async (person, req, res) => {
    const active = req.body?.active === 'true'
    try {
      await this.services.accounts.setActive(person.id, active, actorOf(res))
      res.redirect(303, `/staff/users/${person.id}?done=${active ? 'reactivated' : 'deactivated'}`)
    } catch (error) {
      this.refuse(error, res, 'pages/staff/accounts/user-status', { person }, 'active')
    }
  })

  passwordForm = this.forPerson(async (person, _req, res) => {
    res.render('pages/staff/accounts/user-password', { person })
  })

  /** The reset always makes a one-time password, shown once, which the person must change at their next sign-in. */
  resetPassword = this.forPerson(async (person, _req, res) => {
    try {
      const password = await this.services.accounts.resetPassword(person.id, undefined, actorOf(res))
      res.render('pages/staff/accounts/user-password-reset', { person, password, shown: true })
    } catch (error) {
      this.refuse(error, res, 'pages/staff/accounts/user-password', { person }, 'reset')
    }
  })

  /** A handler for one person's page: an address naming no account of the request's offices is not found. */
  private forPerson(handle: (person: User, req: Request, res: Response) => Promise<void>) {
    return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      const person = await this.person(req)
      if (!person) return next()
      await handle(person, req, res)
    }
  }

  private async person(req: Request): Promise<User | undefined> {
    const id = Number(req.params.id)
    if (!Number.isSafeInteger(id) || id <= 0) return undefined
    return this.services.accounts.findInScope(id, scopeOf(req.res!))
  }

  private refuse(error: unknown, res: Response, view: string, model: Record<string, unknown>, field: string): void {
    if (!(error instanceof AccountError)) throw error
    const errors: FieldErrors = { [error.field ?? field]: error.message }
    res.status(400).render(view, { ...model, errors, errorList: errorList(errors) })
  }
}
