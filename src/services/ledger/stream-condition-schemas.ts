import { z } from 'zod'
import { SERVICE_TYPES } from '../../domain/service-types.ts'
import { FUNDING_STATUSES } from '../../domain/stream-conditions.ts'
import { financialYearField, poundsField, requiredText } from '../shared/form-fields.ts'

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .nullable()

/** A stream's conditions, as the form (or a caller) gives them: dates already read as YYYY-MM-DD or null. */
export const conditionsSchema = z.object({
  grantStart: isoDate,
  grantEnd: isoDate,
  spendBy: isoDate,
  fundingStatus: z.enum(FUNDING_STATUSES, { message: 'Choose whether the money is confirmed or expected' }),
  agreementReference: z
    .string()
    .trim()
    .max(200, { message: 'The grant agreement reference must be 200 characters or fewer' })
    .transform((v) => v || null),
  ringFencedServiceTypes: z.array(z.enum(SERVICE_TYPES, { message: 'Choose service types from the list' })),
  ringFenceNames: z
    .union([
      z
        .string()
        .max(500, { message: 'Named ring-fences must be 500 characters or fewer' })
        .transform((text) => text.split(',')),
      z.array(z.string()).max(50, { message: 'Name 50 ring-fences or fewer' }),
    ])
    .transform((names) => [...new Set(names.map((n) => n.trim()).filter(Boolean))])
    .refine((names) => names.every((n) => n.length <= 60), {
      message: 'Each named ring-fence must be 60 characters or fewer',
    }),
  conditionsText: z
    .string()
    .trim()
    .max(5000, { message: 'Other conditions must be 5,000 characters or fewer' })
    .transform((v) => v || null),
})

/** Dates in an impossible order, each named by the field to correct. */
export function dateOrderErrors(v: {
  grantStart?: unknown
  grantEnd?: unknown
  spendBy?: unknown
}): Record<string, string> {
  const errors: Record<string, string> = {}
  const date = (x: unknown) => (typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x) ? x : null)
  const [start, end, spendBy] = [date(v.grantStart), date(v.grantEnd), date(v.spendBy)]
  if (start && end && end < start) errors.grantEnd = 'The grant period must end on or after the day it starts'
  if (start && spendBy && spendBy < start)
    errors.spendBy = 'The spend-by date must be on or after the start of the grant period'
  return errors
}

export type ConditionsInput = z.output<typeof conditionsSchema>

/** One year's match funding: from whom, and an amount in pounds or a share in per cent (one of the two). */
export const matchFundingSchema = z
  .object({
    year: financialYearField(),
    fromName: requiredText(
      300,
      'Enter who the match funding comes from',
      'Who the match funding comes from must be 300 characters or fewer',
    ),
    amount: z.string().trim().optional(),
    share: z.string().trim().optional(),
  })
  .transform((v, ctx) => {
    if (v.amount && v.share) {
      ctx.addIssue({ code: 'custom', message: 'Enter an amount or a share, not both', path: ['amount'] })
      return z.NEVER
    }
    if (!v.share) {
      const amount = poundsField('Match funding amount').safeParse(v.amount ?? '')
      if (!amount.success) {
        ctx.addIssue({
          code: 'custom',
          message: v.amount ? amount.error.issues[0]!.message : 'Enter an amount or a share',
          path: ['amount'],
        })
        return z.NEVER
      }
      return { financialYear: v.year, fromName: v.fromName, amountPence: amount.data, sharePercent: null }
    }
    const share = v.share.replace(/%$/, '').trim()
    if (!/^\d{1,3}$/.test(share) || Number(share) < 1 || Number(share) > 100) {
      ctx.addIssue({
        code: 'custom',
        message: 'The share must be a whole number of per cent from 1 to 100',
        path: ['share'],
      })
      return z.NEVER
    }
    return { financialYear: v.year, fromName: v.fromName, amountPence: null, sharePercent: Number(share) }
  })
