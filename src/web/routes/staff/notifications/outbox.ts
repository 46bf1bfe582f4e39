import type { NextFunction, Request, Response } from 'express'
import type { Services } from '../../../../services/index.ts'
import { OUTBOX_FILTERS } from '../../../../services/notifications/index.ts'

const STATUS_TAGS: Record<string, { text: string; classes: string }> = {
  waiting: { text: 'Waiting', classes: 'govuk-tag--blue' },
  sending: { text: 'Sending', classes: 'govuk-tag--light-blue' },
  sent: { text: 'Sent', classes: 'govuk-tag--green' },
  logged: { text: 'Logged, not sent', classes: 'govuk-tag--grey' },
  failed: { text: 'Failed', classes: 'govuk-tag--red' },
}

const FILTER_LABELS: Record<string, string> = {
  all: 'All',
  waiting: 'Waiting',
  sent: 'Sent',
  logged: 'Logged, not sent',
  failed: 'Failed',
}

/** The outbox (administrators): every email the register sent, is waiting to send, or gave up on. */
export class OutboxController {
  constructor(
    private readonly services: Services,
    private readonly options: { smtpConfigured: boolean },
  ) {}

  list = async (req: Request, res: Response): Promise<void> => {
    const filter = typeof req.query.status === 'string' && req.query.status in OUTBOX_FILTERS ? req.query.status : 'all'
    const pageParam = Number(req.query.page)
    const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 100000 ? pageParam : 1
    const outbox = await this.services.notifications.outboxPage(filter, page)
    const counts = outbox.counts
    const countFor: Record<string, number> = {
      all: Object.values(counts).reduce((a, b) => a + b, 0),
      waiting: counts.waiting + counts.sending,
      sent: counts.sent,
      logged: counts.logged,
      failed: counts.failed,
    }
    res.render('pages/staff/notifications/outbox', {
      smtpConfigured: this.options.smtpConfigured,
      counts: countFor,
      filters: Object.keys(FILTER_LABELS).map((key) => ({
        key,
        label: FILTER_LABELS[key],
        count: countFor[key],
        current: key === filter,
      })),
      messages: outbox.messages.map((m) => ({ ...m, tag: STATUS_TAGS[m.status] })),
      previous: page > 1 ? `/staff/notifications/outbox?status=${filter}&page=${page - 1}` : null,
      next:
        outbox.messages.length === outbox.pageSize
          ? `/staff/notifications/outbox?status=${filter}&page=${page + 1}`
          : null,
      retried: req.query.retried === '1',
    })
  }

  show = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const id = Number(req.params.id)
    if (!Number.isSafeInteger(id) || id < 1) return next()
    const message = await this.services.notifications.message(id)
    if (!message) return next()
    res.render('pages/staff/notifications/message', { message, tag: STATUS_TAGS[message.status] })
  }

  retry = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const id = Number(req.params.id)
    if (!Number.isSafeInteger(id) || id < 1) return next()
    await this.services.notifications.retry(id)
    res.redirect(`/staff/notifications/outbox/${id}?retried=1`)
  }
}
