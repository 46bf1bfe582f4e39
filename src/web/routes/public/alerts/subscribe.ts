import type { NextFunction, Request, Response } from 'express'
import type { Services } from '../../../../services/index.ts'
import { AlertError, type AlertTarget } from '../../../../services/notifications/alerts.ts'
import { errorList } from '../../../validation.ts'

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)
const SLUG = /^[a-z0-9-]{1,200}$/
const WHOLE = /^\d{1,15}$/

/** What an alert is for, from the query (the form) or the posted body: office, provider, area or search. */
export function alertTarget(source: Record<string, unknown>): AlertTarget | undefined {
  const kind = text(source.for)
  const office = text(source.office)
  if (kind === 'office') return office && WHOLE.test(office) ? { kind, officeId: Number(office) } : undefined
  if (kind === 'provider' || kind === 'area') {
    const slug = text(source[kind])
    return slug && SLUG.test(slug) ? { kind, slug } : undefined
  }
  if (kind === 'search') {
    const q = text(source.q)?.trim().slice(0, 200)
    const year = text(source.year)
    return {
      kind,
      search: {
        q: q || undefined,
        office: office && WHOLE.test(office) ? Number(office) : undefined,
        year: year && /^\d{4}$/.test(year) && Number(year) >= 1990 && Number(year) <= 2100 ? Number(year) : undefined,
      },
    }
  }
  return undefined
}

function hiddenFields(target: AlertTarget): Array<{ name: string; value: string }> {
  const fields: Array<{ name: string; value: string }> = [{ name: 'for', value: target.kind }]
  if (target.kind === 'office') fields.push({ name: 'office', value: String(target.officeId) })
  if (target.kind === 'provider') fields.push({ name: 'provider', value: target.slug })
  if (target.kind === 'area') fields.push({ name: 'area', value: target.slug })
  if (target.kind === 'search') {
    if (target.search.q) fields.push({ name: 'q', value: target.search.q })
    if (target.search.office) fields.push({ name: 'office', value: String(target.search.office) })
    if (target.search.year) fields.push({ name: 'year', value: String(target.search.year) })
  }
  return fields
}

/** Asking for email alerts: the address, then a confirmation email (double opt-in). */
export class SubscribeController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const target = alertTarget(req.query as Record<string, unknown>)
    const resolved = target && (await this.services.notifications.alerts.resolve(target))
    if (!target || !resolved) return next()
    res.render('pages/public/alerts/subscribe', {
      label: resolved.label,
      hidden: hiddenFields(target),
      values: {},
      back: text(req.get('referer'))?.startsWith(`${req.protocol}://${req.get('host')}/`) ? req.get('referer') : '/',
    })
  }

  post = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const body = (req.body ?? {}) as Record<string, unknown>
    const target = alertTarget(body)
    const resolved = target && (await this.services.notifications.alerts.resolve(target))
    if (!target || !resolved) return next()
    try {
      await this.services.notifications.alerts.subscribe(body.email, resolved)
    } catch (error) {
      if (!(error instanceof AlertError)) throw error
      const errors = { [error.field]: error.message }
      res.status(400).render('pages/public/alerts/subscribe', {
        label: resolved.label,
        hidden: hiddenFields(target),
        values: { email: text(body.email)?.slice(0, 320) },
        errors,
        errorList: errorList(errors),
        back: '/',
      })
      return
    }
    res.redirect(303, '/alerts/check-email')
  }

  checkEmail = (_req: Request, res: Response): void => {
    res.render('pages/public/alerts/check-email')
  }
}
