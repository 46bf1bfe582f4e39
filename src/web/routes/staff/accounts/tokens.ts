import type { Request, Response } from 'express'
import { DEFAULT_TOKEN_DAYS, TOKEN_LIFETIMES_DAYS, TokenError } from '../../../../services/accounts/api-tokens.ts'
import type { Services } from '../../../../services/index.ts'
import { actorOf, scopeOf } from '../../../auth.ts'
import { errorList } from '../../../validation.ts'

const scopeItems = (selected: string | undefined) => [
  {
    value: 'read',
    text: 'Read',
    hint: { text: 'See every decision, whatever its status' },
    checked: selected === 'read',
  },
  {
    value: 'write',
    text: 'Read and write',
    hint: { text: 'Also send documents to import' },
    checked: selected === 'write',
  },
]

const expiryItems = (selected: string | undefined) =>
  TOKEN_LIFETIMES_DAYS.map((days) => ({
    value: String(days),
    text: `In ${days} days`,
    checked: (selected ?? String(DEFAULT_TOKEN_DAYS)) === String(days),
  }))

/** Personal access tokens for the staff API: each person makes and revokes their own; administrators see and revoke any. */
export class TokensController {
  constructor(private readonly services: Services) {}

  list = async (_req: Request, res: Response): Promise<void> => {
    res.render(
      'pages/staff/accounts/tokens',
      await this.view(res, { values: {}, scopeItems: scopeItems(undefined), expiryItems: expiryItems(undefined) }),
    )
  }

  create = async (req: Request, res: Response): Promise<void> => {
    const optional = (value: unknown) => (value === undefined ? undefined : String(value))
    const values = {
      name: String(req.body?.name ?? ''),
      scope: optional(req.body?.scope),
      expiresInDays: optional(req.body?.expiresInDays),
    }
    try {
      const { token, expiresAt } = await this.services.apiTokens.create(res.locals.user!.id, values, actorOf(res))
      res.render('pages/staff/accounts/token-created', {
        token,
        name: values.name.trim(),
        scope: values.scope,
        expiresAt,
      })
    } catch (error) {
      if (!(error instanceof TokenError)) throw error
      res.status(400).render(
        'pages/staff/accounts/tokens',
        await this.view(res, {
          values,
          scopeItems: scopeItems(values.scope),
          expiryItems: expiryItems(values.expiresInDays),
          errors: error.errors,
          errorList: errorList(error.errors),
        }),
      )
    }
  }

  revoke = async (req: Request, res: Response): Promise<void> => {
    const id = Number(req.params.id)
    const user = res.locals.user!
    if (Number.isSafeInteger(id) && id > 0)
      await this.services.apiTokens.revoke(id, this.isAdmin(res) ? null : user.id, actorOf(res))
    res.redirect(303, '/staff/tokens')
  }

  private isAdmin(res: Response): boolean {
    return scopeOf(res).hasRole('administrator')
  }

  private async view(res: Response, form: Record<string, unknown>) {
    const user = res.locals.user!
    const tokens = await this.services.apiTokens.list(this.isAdmin(res) ? null : user.id, scopeOf(res))
    const now = Date.now()
    return {
      ...form,
      tokens: tokens.map((t) => ({ ...t, expired: t.expiresAt.getTime() <= now })),
      showOwner: this.isAdmin(res),
      userId: user.id,
    }
  }
}
