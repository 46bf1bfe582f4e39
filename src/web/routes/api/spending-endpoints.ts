import { z } from 'zod'
import { penceToPounds } from '../../../domain/money.ts'
import { formatMonthYear } from '../../../domain/uk-date.ts'
import type { Services } from '../../../services/index.ts'
import { endpoint, listResponse, type Endpoint } from './endpoint.ts'
import * as p from './parameters.ts'
import * as s from './schemas.ts'
import * as spend from './spending-schemas.ts'

const officeParam = z.strictObject({
  office: z
    .string()
    .regex(/^(\d{1,15}|[a-z0-9]+(-[a-z0-9]+)*)$/, {
      message: 'must be an office’s id (a whole number) or its slug (lower-case words joined by hyphens)',
    })
    .max(200, { message: 'must be 200 characters or fewer' })
    .meta({ description: 'The office, by its organisation id or its slug.' }),
})

/** An office by id or slug, exactly (not by its name). */
async function spendingOffice(services: Services, reference: string) {
  const found = await services.offices.find(reference)
  return found && (String(found.id) === reference || found.slug === reference) ? found : undefined
}

/** An office's months of published spending, latest first. */
const monthsEndpoint = () =>
  endpoint({
    method: 'get',
    path: '/v1/spending/{office}',
    tag: 'Spending over £500',
    summary: 'The months of an office’s published spending over £500, latest first',
    description: 'Each month with its number of payments and their total, as on the office’s spending page.',
    params: officeParam,
    response: spend.SpendingMonths,
    handle: async ({ services, params }) => {
      const found = await spendingOffice(services, params.office)
      if (!found) return undefined
      const months = await services.spending.months(found.id)
      return {
        office: { id: found.id, name: found.name, slug: found.slug },
        months: months.map((m) => ({
          month: m.month,
          label: formatMonthYear(`${m.month}-01`),
          payments: m.payments,
          total: penceToPounds(m.totalPence),
        })),
      }
    },
  })

/** An office's published payments, a page at a time, each naming the public awards it pays. */
const paymentsEndpoint = () =>
  endpoint({
    method: 'get',
    path: '/v1/spending/{office}/payments',
    tag: 'Spending over £500',
    summary: 'An office’s published payments over £500, in the order imported',
    description:
      'Every payment, or one month’s. A payment names the awards it pays only when they are published (not withheld, and of a published decision); a payment split between awards names each public one with its part.',
    params: officeParam,
    query: p.listQuery({
      month: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month, YYYY-MM, like 2021-05' })
        .optional()
        .meta({ description: 'Only the payments of this month, YYYY-MM.' }),
    }),
    response: s.pageOf(spend.SpendingPayment, 'SpendingPaymentPage'),
    handle: async ({ services, params, query, after, req }) => {
      const found = await spendingOffice(services, params.office)
      if (!found) return undefined
      const page = await services.spending.publicPaymentPage(found.id, query.month ?? null, {
        after,
        limit: query.limit,
      })
      return listResponse(req, {
        nextAfter: page.nextAfter,
        items: page.items.map((payment) => ({
          id: payment.id,
          date: payment.paidOn,
          supplier: payment.supplierName,
          amount: penceToPounds(payment.amountPence),
          expenseType: payment.expenseType,
          transactionNumber: payment.transactionNumber,
          awards: payment.awards.map((a) => ({
            id: a.awardId,
            amount: penceToPounds(a.amountPence),
            recipient: a.recipientName,
            decision: { reference: a.decisionReference, slug: a.decisionSlug },
          })),
        })),
      })
    },
  })

/**
 * The public API's spending over £500: an office's months and its payments. Built when the public API's list
 * reaches them, so that their schemas are registered in the order of the endpoints.
 */
export const spendingEndpoints = (): Endpoint[] => [monthsEndpoint(), paymentsEndpoint()]
