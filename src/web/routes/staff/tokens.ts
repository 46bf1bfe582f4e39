import type { Request, Response } from 'express'
import { TokenError } from '../../../services/api-tokens.ts'
import type { Services } from '../../../services/index.ts'
import { actorOf } from '../../auth.ts'
import { errorList } from '../../validation.ts'

const scopeItems = (selected: string | undefined) => [
  { value: 'read', text: 'Read', hint: { text: 'See every decision, whatever its status' }, checked: selected === 'read' },
  { value: 'write', text: 'Read and write', hint: { text: 'Also send documents to import' }, checked: selected === 'write' },
]

/** Personal access tokens for the staff API: each person makes and revokes their own; administrators see and revoke any. */
export class TokensController {
  constructor(private readonly services: Services) {}

  list = async (_req: Request, res: Response): Promise<void> => {
    res.render('pages/staff/tokens', await this.view(res, { values: {}, scopeItems: scopeItems(undefined) }))
  }

  create = async (req: Request, res: Response): Promise<void> => {
    const values = { name: String(req.body?.name ?? ''), scope: req.body?.scope === undefined ? undefined : String(req.body.scope) }
    try {
      const { token } = await this.services.apiTokens.create(res.locals.user!.id, values, actorOf(res))
      res.render('pages/staff/token-created', { token, name: values.name.trim(), scope: values.scope })
    } catch (error) {
      if (!(error instanceof TokenError)) throw error
      res.status(400).render('pages/staff/tokens', await this.view(res, { values, scopeItems: scopeItems(values.scope), errors: error.errors, errorList: errorList(error.errors) }))
    }
  }

  revoke = async (req: Request, res: Response): Promise<void> => {
    const id = Number(req.params.id)
    const user = res.locals.user!
    if (Number.isSafeInteger(id) && id > 0) await this.services.apiTokens.revoke(id, this.isAdmin(res) ? null : user.id, actorOf(res))
    res.redirect(303, '/staff/tokens')
  }

  private isAdmin(res: Response): boolean {
    return res.locals.user?.roles.includes('administrator') ?? false
  }

  private async view(res: Response, form: Record<string, unknown>) {
    const user = res.locals.user!
    const tokens = await this.services.apiTokens.list(this.isAdmin(res) ? null : user.id)
    return { ...form, tokens, showOwner: this.isAdmin(res), userId: user.id }
  }
}
