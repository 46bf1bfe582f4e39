import { Readable } from 'node:stream'
import { Router, type NextFunction, type Request, type Response } from 'express'
import { penceToDecimalString } from '../../../../domain/money.ts'
import { formatMonthYear } from '../../../../domain/uk-date.ts'
import type { Services } from '../../../../services/index.ts'
import { safeCsvStringifier } from '../../../../services/open-data/csv.ts'
import { streamDownload } from '../../../streaming.ts'

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

/** The office's spending over £500, published month by month as the Specified Information Order asks: page and CSV. */
export function spendingPublicRoutes(services: Services): Router {
  const router = Router()

  async function officeOf(req: Request) {
    const office = await services.offices.find(String(req.params.office))
    return office && office.slug === String(req.params.office) ? office : undefined
  }

  function monthOf(req: Request): string | null | false {
    const month = req.query.month
    if (month === undefined) return null
    return typeof month === 'string' && MONTH.test(month) ? month : false
  }

  router.get('/spending/:office', async (req: Request, res: Response, next: NextFunction) => {
    const office = await officeOf(req)
    if (!office) return next()
    const month = monthOf(req)
    if (month === false) return next()
    const months = await services.spending.months(office.id)
    const shown = month ?? months[0]?.month ?? null
    const payments = shown ? await services.spending.publicPayments(office.id, shown, 2000) : []
    res.render('pages/public/spending/office', {
      office,
      months: months.map((m) => ({ ...m, label: formatMonthYear(`${m.month}-01`), current: m.month === shown })),
      shownLabel: shown ? formatMonthYear(`${shown}-01`) : null,
      shown,
      payments,
      csvHref: `/spending/${office.slug}/payments.csv${shown ? `?month=${shown}` : ''}`,
      allCsvHref: `/spending/${office.slug}/payments.csv`,
    })
  })

  router.get('/spending/:office/payments.csv', async (req: Request, res: Response, next: NextFunction) => {
    const office = await officeOf(req)
    if (!office) return next()
    const month = monthOf(req)
    if (month === false) return next()
    res
      .type('text/csv; charset=utf-8')
      .attachment(`spending-over-500-${office.slug}${month ? `-${month}` : ''}.csv`)
    await streamDownload(
      req,
      res,
      Readable.from(paymentRecords(services.spending.allPublicPayments(office.id, month))),
      safeCsvStringifier({
        header: true,
        columns: ['Date', 'Supplier', 'Amount', 'Expense Type', 'Transaction Number', 'Decision reference', 'Award id'],
      }),
    )
  })
  return router
}

/** A CSV row for each payment: the published columns, then the public decisions and awards it pays. */
async function* paymentRecords(payments: ReturnType<Services['spending']['allPublicPayments']>) {
  for await (const p of payments)
    yield [
      p.paidOn,
      p.supplierName,
      penceToDecimalString(p.amountPence),
      p.expenseType,
      p.transactionNumber,
      [...new Set(p.awards.map((a) => a.decisionReference ?? ''))].filter(Boolean).join('; '),
      p.awards.map((a) => a.awardId).join('; '),
    ]
}
