import type { NextFunction, Request, Response } from 'express'
import { financialYear } from '../../../../domain/financial-year.ts'
import { formatPence, parsePoundsInput, penceToDecimalString } from '../../../../domain/money.ts'
import { formatPeriod } from '../../../../domain/uk-date.ts'
import type { Services } from '../../../../services/index.ts'
import { FormError } from '../../../../services/shared/form-error.ts'
import { QUEUE_PAGE_SIZE, type AwardCandidate } from '../../../../services/spending/spending.ts'
import { actorOf, scopeOf } from '../../../auth.ts'
import { errorList } from '../../../validation.ts'

function candidateText(c: AwardCandidate): string {
  const period =
    c.periodStart && c.periodEnd
      ? formatPeriod(c.periodStart, c.periodEnd)
      : c.financialYear
        ? financialYear(c.financialYear).label
        : 'no period'
  return `${c.recipientName}: ${formatPence(c.amountPence)} (${period})`
}

/** The most parts one payment may be split into. */
const MAX_PARTS = 20

/** The spending area's home, the queue of unmatched payments, and one payment's choice of award. */
export class SpendReviewController {
  constructor(private readonly services: Services) {}

  home = async (_req: Request, res: Response): Promise<void> => {
    const scope = scopeOf(res)
    const [queue, batches] = await Promise.all([
      this.services.spending.queue(scope),
      this.services.spending.batches(scope),
    ])
    res.render('pages/staff/spending/index', { queueCount: queue.count, batches })
  }

  queue = async (req: Request, res: Response): Promise<void> => {
    const page = Math.max(1, Math.min(10_000, Number(req.query.page) || 1))
    const queue = await this.services.spending.queue(scopeOf(res), page)
    const pageCount = Math.max(1, Math.ceil(queue.count / QUEUE_PAGE_SIZE))
    res.render('pages/staff/spending/queue', {
      queue,
      page,
      pageCount,
      previous: page > 1 ? `/staff/spending/review?page=${page - 1}` : null,
      next: page < pageCount ? `/staff/spending/review?page=${page + 1}` : null,
      resolved: req.query.resolved === '1',
    })
  }

  payment = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const id = Number(req.params.id)
    if (!Number.isSafeInteger(id)) return next()
    await this.render(res, next, id, 200, {})
  }

  private async render(res: Response, next: NextFunction, id: number, status: number, errors: Record<string, string>) {
    const found = await this.services.spending.payment(scopeOf(res), id)
    if (!found) return next()
    const { payment, candidates } = found
    const likely = candidates.filter((c) => c.likely)
    const others = candidates.filter((c) => !c.likely)
    const item = (c: AwardCandidate) => ({
      value: String(c.awardId),
      text: candidateText(c),
      hint: {
        text: `${c.decisionReference ? `${c.decisionReference}: ` : ''}${c.decisionTitle}. ${formatPence(c.paidPence)} paid of ${formatPence(c.committedPence)} awarded.`,
      },
      checked: payment.awardId === c.awardId,
    })
    res.status(status).render('pages/staff/spending/payment', {
      payment,
      likelyItems: likely.map(item),
      otherItems: others.map((c) => ({
        value: String(c.awardId),
        text: `${candidateText(c)}. ${c.decisionReference ?? c.decisionTitle}`,
      })),
      errors,
      errorList: errorList(errors),
    })
  }

  resolve = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const id = Number(req.params.id)
    if (!Number.isSafeInteger(id)) return next()
    const body = (req.body ?? {}) as Record<string, unknown>
    const choice =
      (typeof body.award === 'string' && body.award) || (typeof body.otherAward === 'string' && body.otherAward) || ''
    try {
      if (!choice)
        throw new FormError({ award: 'Choose the award this payment pays, or that it is not an award payment' })
      await this.services.spending.resolve(id, choice, actorOf(res))
      res.redirect(303, '/staff/spending/review?resolved=1')
    } catch (error) {
      if (!(error instanceof FormError)) throw error
      await this.render(res, next, id, 400, error.errors)
    }
  }

  /** The form splitting a payment between several awards: a part (award and amount) a row, with "add another". */
  splitForm = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const id = Number(req.params.id)
    if (!Number.isSafeInteger(id)) return next()
    const found = await this.services.spending.payment(scopeOf(res), id)
    if (!found) return next()
    const existing = await this.services.spending.parts(id)
    const parts = existing.length
      ? existing.map((p) => ({ award: String(p.awardId), amount: penceToDecimalString(p.amountPence) }))
      : [
          { award: found.payment.awardId === null ? '' : String(found.payment.awardId), amount: '' },
          { award: '', amount: '' },
        ]
    await this.renderSplit(res, next, id, 200, parts, {})
  }

  split = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const id = Number(req.params.id)
    if (!Number.isSafeInteger(id)) return next()
    const body = (req.body ?? {}) as Record<string, unknown>
    const text = (key: string) => (typeof body[key] === 'string' ? body[key].slice(0, 100) : '')
    const count = Math.max(2, Math.min(MAX_PARTS, Number(text('count')) || 2))
    const parts = Array.from({ length: count }, (_, i) => ({
      award: text(`award${i + 1}`),
      amount: text(`amount${i + 1}`),
    }))
    if (body.action === 'add') {
      if (parts.length < MAX_PARTS) parts.push({ award: '', amount: '' })
      return this.renderSplit(res, next, id, 200, parts, {}, parts.length)
    }
    try {
      await this.services.spending.split(id, parts, actorOf(res))
      res.redirect(303, '/staff/spending/review?resolved=1')
    } catch (error) {
      if (!(error instanceof FormError)) throw error
      await this.renderSplit(res, next, id, 400, parts, error.errors)
    }
  }

  private async renderSplit(
    res: Response,
    next: NextFunction,
    id: number,
    status: number,
    parts: Array<{ award: string; amount: string }>,
    errors: Record<string, string>,
    focus?: number,
  ) {
    const found = await this.services.spending.payment(scopeOf(res), id)
    if (!found) return next()
    const { payment, candidates } = found
    const total = parts.reduce((sum, p) => {
      try {
        return sum + (p.amount.trim() ? parsePoundsInput(p.amount) : 0)
      } catch {
        return sum
      }
    }, 0)
    res.status(status).render('pages/staff/spending/split', {
      payment,
      parts: parts.map((p, i) => ({
        ...p,
        n: i + 1,
        items: [{ value: '', text: 'Choose an award' }].concat(
          candidates.map((c) => ({
            value: String(c.awardId),
            text: `${candidateText(c)}. ${c.decisionReference ?? c.decisionTitle}`,
            selected: p.award === String(c.awardId),
          })),
        ),
      })),
      totalPence: total,
      focus,
      maxParts: MAX_PARTS,
      errors,
      errorList: errorList(errors),
    })
  }
}
