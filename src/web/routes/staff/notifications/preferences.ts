import type { Request, Response } from 'express'
import type { Services } from '../../../../services/index.ts'

/** Each person's choice of emails: the notifications meant for their roles, on by default. */
export class PreferencesController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response): Promise<void> => {
    const user = res.locals.user!
    const preferences = await this.services.notifications.preferences(user.id, user.roles)
    res.render('pages/staff/notifications/preferences', {
      email: user.email,
      items: preferences.map((p) => ({ value: p.kind, text: p.label, hint: { text: p.hint }, checked: p.enabled })),
      saved: req.query.saved === '1',
    })
  }

  post = async (req: Request, res: Response): Promise<void> => {
    const user = res.locals.user!
    const raw: unknown = req.body?.kinds
    const kinds = (Array.isArray(raw) ? raw : [raw]).filter((k): k is string => typeof k === 'string')
    await this.services.notifications.savePreferences(user.id, user.roles, kinds)
    res.redirect('/staff/notifications/preferences?saved=1')
  }
}
