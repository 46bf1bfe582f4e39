import { z } from 'zod'
import { poundsField, requiredText } from '../shared/form-fields.ts'

/** One plan entry's answers as typed, kept between the question page and check answers. */
export interface PlanEntryAnswers {
  officeId: string
  title: string
  'expectedMonth-month': string
  'expectedMonth-year': string
  estimatedValue: string
  serviceId: string
  keyDecision: string
}

export const entryForm = z.object({
  officeId: z.string().regex(/^\d+$/, { message: 'Choose the office' }).transform(Number),
  title: requiredText(300, 'Enter the title of the planned decision', 'Title must be 300 characters or fewer'),
  estimatedValue: z
    .string()
    .trim()
    .transform((text, ctx) => {
      if (!text) return null
      const parsed = poundsField('Estimated value').safeParse(text)
      if (parsed.success) return parsed.data
      ctx.addIssue({
        code: 'custom',
        message: parsed.error.issues[0]?.message ?? 'Enter the estimated value in pounds',
      })
      return z.NEVER
    }),
  serviceId: z
    .string()
    .regex(/^\d*$/, { message: 'Choose a service from the list' })
    .transform((v) => (v ? Number(v) : null)),
  keyDecision: z.enum(['yes', 'no'], { message: 'Select yes if this is a key decision' }),
})

export const dropForm = z.object({
  reason: requiredText(1000, 'Enter why the planned decision was dropped', 'Reason must be 1,000 characters or fewer'),
})

export const linkForm = z.object({
  decisionId: z.string().regex(/^\d+$/, { message: 'Choose the decision that took it' }).transform(Number),
})

/** A form field's value when it is a string, else empty. */
export const fieldText = (input: Record<string, unknown>, name: string) =>
  typeof input[name] === 'string' ? (input[name] as string) : ''

/** The answers of a form post, every field a string. */
export function answersOf(input: Record<string, unknown>): PlanEntryAnswers {
  return {
    officeId: fieldText(input, 'officeId'),
    title: fieldText(input, 'title'),
    'expectedMonth-month': fieldText(input, 'expectedMonth-month').trim(),
    'expectedMonth-year': fieldText(input, 'expectedMonth-year').trim(),
    estimatedValue: fieldText(input, 'estimatedValue').trim(),
    serviceId: fieldText(input, 'serviceId'),
    keyDecision: fieldText(input, 'keyDecision'),
  }
}
