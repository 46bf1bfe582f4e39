import type { Request, Response } from 'express'
import type { Services } from '../../../../services/index.ts'

const TOKEN = /^[A-Za-z0-9_-]{32,64}$/
const token = (req: Request) => {
  const value = String(req.params.token)
  return TOKEN.test(value) ? value : null
}

/** The links in alert emails: confirm a subscription, unsubscribe (deleting the address). Both need only the link. */
export class AlertLinksController {
  constructor(private readonly services: Services) {}

  confirmPage = async (req: Request, res: Response): Promise<void> => {
    const value = token(req)
    const subscription = value && (await this.services.notifications.alerts.findByConfirmToken(value))
    if (!subscription) return this.expired(res)
    res.render('pages/public/alerts/confirm', { label: subscription.label, confirmed: Boolean(subscription.confirmed_at) })
  }

  confirm = async (req: Request, res: Response): Promise<void> => {
    const value = token(req)
    const subscription = value && (await this.services.notifications.alerts.confirm(value))
    if (!subscription) return this.expired(res)
    res.render('pages/public/alerts/confirmed', {
      label: subscription.label,
      unsubscribe: `/alerts/unsubscribe/${subscription.unsubscribe_token}`,
    })
  }

  unsubscribePage = async (req: Request, res: Response): Promise<void> => {
    const value = token(req)
    const subscription = value && (await this.services.notifications.alerts.findByUnsubscribeToken(value))
    if (!subscription) return this.notSubscribed(res)
    res.render('pages/public/alerts/unsubscribe', { label: subscription.label })
  }

  /** The button on the page, and the one-click POST of RFC 8058 (List-Unsubscribe=One-Click) that mail programs send. */
  unsubscribe = async (req: Request, res: Response): Promise<void> => {
    const value = token(req)
    const subscription = value && (await this.services.notifications.alerts.unsubscribe(value))
    if (!subscription) return this.notSubscribed(res)
    res.render('pages/public/alerts/unsubscribed', { label: subscription.label })
  }

  private expired(res: Response): void {
    res.status(404).render('pages/public/alerts/link-expired')
  }

  private notSubscribed(res: Response): void {
    res.status(404).render('pages/public/alerts/not-subscribed')
  }
}
