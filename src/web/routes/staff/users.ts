import type { Request, Response } from 'express'
import { ROLES, ROLE_LABELS, type Role } from '../../../domain/roles.ts'
import { AccountError } from '../../../services/accounts.ts'
import type { Services } from '../../../services/index.ts'
import { actorOf } from '../../auth.ts'
import { errorList } from '../../validation.ts'

function rolesFrom(body: unknown): string[] {
  const value = (body as Record<string, unknown> | undefined)?.roles
  if (Array.isArray(value)) return value.map(String)
  return typeof value === 'string' && value ? [value] : []
}

const roleItems = (selected: string[]) => ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role], checked: selected.includes(role) }))

/** Administrators list and add staff accounts. */
export class UsersController {
  constructor(private readonly services: Services) {}

  list = async (_req: Request, res: Response): Promise<void> => {
    const users = await this.services.accounts.list()
    res.render('pages/staff/users', { users: users.map((u) => ({ ...u, roleLabels: u.roles.map((r) => ROLE_LABELS[r as Role] ?? r) })) })
  }

  newForm = (_req: Request, res: Response): void => {
    res.render('pages/staff/user-new', { values: {}, roleItems: roleItems([]) })
  }

  create = async (req: Request, res: Response): Promise<void> => {
    const values = { email: String(req.body?.email ?? ''), name: String(req.body?.name ?? '') }
    const roles = rolesFrom(req.body)
    try {
      const { user, password } = await this.services.accounts.create({ ...values, roles: roles as Role[] }, actorOf(res))
      res.render('pages/staff/user-created', { created: user, password })
    } catch (error) {
      if (!(error instanceof AccountError)) throw error
      const errors = { [error.field ?? 'email']: error.message }
      res.status(400).render('pages/staff/user-new', { values, roleItems: roleItems(roles), errors, errorList: errorList(errors) })
    }
  }
}
