import { z } from 'zod'
import { isoDate, pounds, registry } from './schemas.ts'

/*
 * The API's spending over £500 response shapes, registered after those of schemas.ts (which this imports first),
 * so the OpenAPI document lists them in the same order.
 */

export const SpendingMonth = z
  .object({
    month: z
      .string()
      .regex(/^\d{4}-\d{2}$/)
      .meta({ description: 'The month, YYYY-MM.' }),
    label: z.string().meta({ description: 'The month as written: "May 2021".' }),
    payments: z.number().int(),
    total: pounds,
  })
  .register(registry, { id: 'SpendingMonth', description: 'One month of an office’s published spending over £500.' })

export const SpendingMonths = z
  .object({
    office: z.object({ id: z.number().int(), name: z.string(), slug: z.string() }),
    months: z.array(SpendingMonth).meta({ description: 'Latest first.' }),
  })
  .register(registry, { id: 'SpendingMonths' })

export const SpendingPayment = z
  .object({
    id: z.number().int(),
    date: isoDate,
    supplier: z.string(),
    amount: pounds.meta({ description: 'In pounds; a refund is negative.' }),
    expenseType: z.string(),
    transactionNumber: z.string(),
    awards: z
      .array(
        z.object({
          id: z.number().int(),
          amount: pounds.meta({ description: 'The part of the payment that pays this award.' }),
          recipient: z.string(),
          decision: z.object({ reference: z.string().nullable(), slug: z.string() }),
        }),
      )
      .meta({
        description:
          'The published awards the payment pays: one, several when it was split between awards, none when it pays no award or the award is not public.',
      }),
  })
  .register(registry, {
    id: 'SpendingPayment',
    description: 'One payment of an office’s spending over £500, as the office published it.',
  })

export const StaffSpendPayment = z
  .object({
    id: z.number().int(),
    office: z.object({ id: z.number().int() }),
    line: z.number().int().meta({ description: 'Its line in the file it was imported from.' }),
    date: isoDate,
    supplier: z.string(),
    supplierOrganisationId: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'The organisation the supplier’s name or alias names, when only one.' }),
    amount: pounds,
    expenseType: z.string(),
    transactionNumber: z.string(),
  })
  .register(registry, { id: 'StaffSpendPayment', description: 'A payment over £500 awaiting review.' })
